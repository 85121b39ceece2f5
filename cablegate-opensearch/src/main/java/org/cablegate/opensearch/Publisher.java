package org.cablegate.opensearch;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.cablegate.archive.index.BadQueryException;
import org.cablegate.archive.index.Hit;
import org.cablegate.archive.index.PublicArchive;
import org.cablegate.archive.index.PublicCable;
import org.cablegate.archive.index.SearchRequest;
import org.cablegate.archive.index.SearchResult;
import org.cablegate.archive.index.SortOrder;

/**
 * Publishes the public archive's current release to a cluster: every cable into a new physical index named after
 * the release ({@code cables-release-7}), then the alias readers search ({@code cables}) moved to it in one
 * {@code _aliases} call, which OpenSearch applies atomically: a reader sees the old release or the new one, never
 * half of a batch. Why a new index rather than the live one: the embedded archive's release is one commit, and
 * indexing into the live index would show a batch as its bulk requests land.
 *
 * <p>Resumable: after each accepted bulk request the index's mapping {@code _meta} records the archive cursor of the
 * last cable sent; a run after a kill finds the unfinished index of the same release and goes on from there
 * (re-sending a cable is harmless, its id is its key). Every other physical index of the alias is deleted once the
 * alias has moved, the one it left too: a redaction or a withdrawal leaves no trace in the cluster (issue 10), as
 * none is left in the embedded archive. A reader's search that was running on the old index at that moment is
 * answered 503 once (the backend maps the missing index to "try again"); its next page runs on the new one.
 */
public final class Publisher {
    /** What a run reports as it goes, for a progress bar. */
    public interface Listener {
        Listener NONE = (done, total) -> {};

        void indexed(long done, long total);
    }

    /** What a run did. */
    public record Result(String index, long release, long cables, boolean resumed, boolean alreadyCurrent) {}

    private final OpenSearchClient client;
    private final String alias;
    private final int replicas;
    /** Cables read from the archive at a time, and sent at most per bulk request (fewer when they are large). */
    private final int page;

    public Publisher(OpenSearchClient client, String alias, int replicas) {
        this(client, alias, replicas, SearchRequest.MAX_LIMIT);
    }

    Publisher(OpenSearchClient client, String alias, int replicas, int page) {
        this.client = client;
        this.alias = alias;
        this.replicas = replicas;
        this.page = page;
    }

    /** The physical index of a release. */
    String indexOf(long release) {
        return alias + "-release-" + release;
    }

    public Result publish(PublicArchive archive, Listener listener) throws IOException {
        try (PublicArchive.View view = archive.view()) {
            long release = view.lastRelease();
            long total = view.count();
            String index = indexOf(release);
            if (aliased().contains(index)) {
                return new Result(index, release, total, false, true);
            }
            Optional<String> resumeAt = Optional.empty();
            boolean resumed = false;
            if (client.exists("/" + index)) {
                JsonNode meta = client.get("/" + index + "/_mapping").path(index).path("mappings").path("_meta");
                resumed = true;
                if (meta.has("cursor")) {
                    resumeAt = Optional.of(meta.path("cursor").asText());
                }
            } else {
                ObjectNode definition = OpenSearchSchema.index(replicas);
                // No refreshes while the bulk requests land: nobody reads this index before the alias moves.
                ((ObjectNode) definition.path("settings")).put("refresh_interval", "-1");
                client.put("/" + index, definition);
            }
            BulkIndexer bulk = new BulkIndexer(client, index);
            SearchRequest request = SearchRequest.of("").withSort(SortOrder.CREATED_OLDEST).withLimit(page);
            if (resumeAt.isPresent()) {
                request = request.after(resumeAt.get());
            }
            long done = resumeAt.isPresent() ? count(index) : 0;
            while (true) {
                SearchResult page;
                try {
                    page = view.search(request);
                } catch (BadQueryException e) {
                    throw new IllegalStateException("the archive refused its own listing: " + e.getMessage(), e);
                }
                for (Hit h : page.hits()) {
                    PublicCable c = view.get(h.id()).orElseThrow(
                            () -> new IllegalStateException("the archive lists " + h.id() + " but does not hold it"));
                    bulk.add(c);
                }
                bulk.flush();
                done += page.hits().size();
                if (page.nextCursor().isEmpty()) {
                    break;
                }
                request = request.after(page.nextCursor().get());
                mark(index, page.nextCursor().get());
                listener.indexed(Math.min(done, total), total);
            }
            listener.indexed(total, total);
            ObjectNode settings = OpenSearchClient.JSON.createObjectNode();
            settings.putObject("index").put("refresh_interval", "1s");
            client.put("/" + index + "/_settings", settings);
            client.post("/" + index + "/_refresh", null);
            long indexed = count(index);
            if (indexed != total) {
                throw new OpenSearchException(500, "count", "the index " + index + " holds " + indexed
                        + " cables after publishing, the archive " + total);
            }
            swap(index);
            return new Result(index, release, total, resumed, false);
        }
    }

    private long count(String index) throws IOException {
        client.post("/" + index + "/_refresh", null);
        return client.get("/" + index + "/_count").path("count").asLong();
    }

    /** Records where a resumed run goes on: after the cable this cursor names, all before it being sent. */
    private void mark(String index, String cursor) throws IOException {
        ObjectNode mapping = OpenSearchClient.JSON.createObjectNode();
        mapping.putObject("_meta").put("cursor", cursor);
        client.put("/" + index + "/_mapping", mapping);
    }

    /** The release the alias names now; empty before the first publish. */
    public java.util.OptionalLong release() throws IOException {
        String prefix = alias + "-release-";
        for (String index : aliased()) {
            if (index.startsWith(prefix)) {
                try {
                    return java.util.OptionalLong.of(Long.parseLong(index.substring(prefix.length())));
                } catch (NumberFormatException e) {
                    // Not one of ours: read on.
                }
            }
        }
        return java.util.OptionalLong.empty();
    }

    /** The physical indexes the alias names now (one, or none before the first publish). */
    List<String> aliased() throws IOException {
        List<String> names = new ArrayList<>();
        if (!client.exists("/_alias/" + alias)) {
            return names;
        }
        client.get("/_alias/" + alias).fieldNames().forEachRemaining(names::add);
        return names;
    }

    /** Moves the alias to {@code index} in one call, then deletes every other index of the alias. */
    private void swap(String index) throws IOException {
        List<String> previous = aliased();
        ObjectNode body = OpenSearchClient.JSON.createObjectNode();
        ArrayNode actions = body.putArray("actions");
        for (String old : previous) {
            actions.addObject().putObject("remove").put("index", old).put("alias", alias);
        }
        actions.addObject().putObject("add").put("index", index).put("alias", alias);
        client.post("/_aliases", body);
        JsonNode all = client.get("/" + alias + "-release-*?expand_wildcards=open");
        for (var it = all.fieldNames(); it.hasNext(); ) {
            String name = it.next();
            if (!name.equals(index)) {
                client.delete("/" + name);
            }
        }
    }
}
