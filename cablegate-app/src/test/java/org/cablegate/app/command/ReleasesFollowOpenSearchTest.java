package org.cablegate.app.command;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.cablegate.archive.index.PublicArchive;
import org.cablegate.archive.index.SearchRequest;
import org.cablegate.archive.release.Releaser;
import org.cablegate.opensearch.OpenSearchBackend;
import org.cablegate.opensearch.OpenSearchClient;
import org.cablegate.opensearch.testing.SharedOpenSearch;
import org.cablegate.sample.BundledSample;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 10: once {@code publish --to} has run for a data directory, every release, redaction re-publish and withdrawal
 * follows it to the cluster, and what the desk took out of the public archive leaves no trace in the cluster either.
 */
class ReleasesFollowOpenSearchTest {
    /** A name of 08MOSCOW1647's text, redacted below: the canary searched for in every index of the cluster. */
    private static final String CANARY = "Onishchenko";

    @TempDir
    Path dir;

    @Test
    void theClusterFollowsReleasesRedactionsAndWithdrawalsAndKeepsNoTraceOfThem() throws Exception {
        String data = dir.resolve("data").toString();
        String alias = "follow-" + ProcessHandle.current().pid();
        String to = "opensearch://" + SharedOpenSearch.uri().getHost() + ":" + SharedOpenSearch.uri().getPort() + "/"
                + alias;
        OpenSearchClient client = new OpenSearchClient(SharedOpenSearch.uri(), Duration.ofSeconds(30));
        OpenSearchBackend cluster = new OpenSearchBackend(client, alias);
        assertThat(CliRun.of("import", BundledSample.CABLES_CSV.path().toString(), "--data", data).exitCode()).isZero();
        CliRun first = CliRun.of("release", "--origin", "Embassy Moscow", "--at", "2011-02-01T12:00", "--data", data);
        assertThat(first.exitCode()).as(first.err()).isZero();
        assertThat(first.out()).doesNotContain("published release").as("no cluster recorded yet");

        CliRun publish = CliRun.of("publish", "--to", to, "--replicas", "0", "--data", data);
        assertThat(publish.exitCode()).as(publish.err()).isZero();
        assertThat(Files.readString(Path.of(data, SearchTargets.FILE))).contains(to + " replicas=0");
        long moscow = localCount(data);
        assertThat(cluster.search(SearchRequest.all()).total()).isEqualTo(moscow);
        assertThat(hitsOfCanary(client)).isPositive();

        // A release follows: the rest of the sample.
        CliRun all = CliRun.of("release", "--all", "--at", "2011-02-02T12:00", "--data", data);
        assertThat(all.exitCode()).as(all.err()).isZero();
        assertThat(all.out()).contains("published release 2 to " + to);
        assertThat(cluster.search(SearchRequest.all()).total()).isEqualTo(localCount(data)).isGreaterThan(moscow);

        // A redaction re-published: the words leave every index of the cluster, not only the alias's.
        assertThat(CliRun.of("redact", "08MOSCOW1647", "--text", CANARY, "--every", "--reason", "a source",
                "--data", data).exitCode()).isZero();
        CliRun changed = CliRun.of("release", "--changed", "--at", "2011-02-03T12:00", "--data", data);
        assertThat(changed.exitCode()).as(changed.err()).isZero();
        assertThat(changed.out()).contains("published release 3 to " + to);
        assertThat(hitsOfCanary(client)).isZero();
        assertThat(indexesOf(client, alias)).containsExactly(alias + "-release-3");
        assertThat(cluster.get("08MOSCOW1647").orElseThrow().body()).doesNotContain(CANARY).contains("XXXXXXXXXXXX");

        // A withdrawal: the cable leaves the cluster, and no index of it is left holding it.
        CliRun withdraw = CliRun.of("withdraw", "08MOSCOW1647", "--reason", "a court order", "--data", data);
        assertThat(withdraw.exitCode()).as(withdraw.err()).isZero();
        assertThat(withdraw.out()).contains("published release 4 to " + to);
        assertThat(cluster.get("08MOSCOW1647")).isEmpty();
        assertThat(count(client, "_all", idQuery("08MOSCOW1647"))).isZero();
        assertThat(cluster.search(SearchRequest.all()).total()).isEqualTo(localCount(data));
        assertThat(indexesOf(client, alias)).containsExactly(alias + "-release-4");
    }

    private static long localCount(String data) throws Exception {
        try (PublicArchive archive = PublicArchive.open(Releaser.publicDir(Path.of(data)))) {
            return archive.count();
        }
    }

    /**
     * Documents of any index of the cluster that hold the canary: as a word or a prefix of the searched fields, or
     * anywhere in what a document stores (its source, its stored header and body).
     */
    private static long hitsOfCanary(OpenSearchClient client) throws Exception {
        ObjectNode query = OpenSearchClient.json().createObjectNode();
        var should = query.putObject("bool").put("minimum_should_match", 1).putArray("should");
        for (String field : List.of("body", "subject")) {
            should.addObject().putObject("match").put(field, CANARY);
            should.addObject().putObject("prefix").putObject(field).put("value", "onishch");
        }
        long found = count(client, "_all", query);
        JsonNode every = client.get("/_all/_search?size=10000&stored_fields=body,header&_source=true");
        assertThat(every.path("hits").path("total").path("value").asLong()).isEqualTo(
                count(client, "_all", OpenSearchClient.json().createObjectNode().set("match_all",
                        OpenSearchClient.json().createObjectNode())));
        for (JsonNode hit : every.path("hits").path("hits")) {
            if (hit.toString().toLowerCase(java.util.Locale.ROOT).contains("onishch")) {
                found++;
            }
        }
        return found;
    }

    private static ObjectNode idQuery(String id) {
        ObjectNode query = OpenSearchClient.json().createObjectNode();
        query.putObject("term").put("id", id);
        return query;
    }

    private static long count(OpenSearchClient client, String index, ObjectNode query) throws Exception {
        ObjectNode body = OpenSearchClient.json().createObjectNode();
        body.set("query", query);
        client.post("/" + index + "/_refresh", null);
        return client.post("/" + index + "/_count", body).path("count").asLong();
    }

    private static List<String> indexesOf(OpenSearchClient client, String alias) throws Exception {
        JsonNode all = client.get("/" + alias + "-release-*?expand_wildcards=open");
        List<String> names = new ArrayList<>();
        all.fieldNames().forEachRemaining(names::add);
        return names;
    }
}
