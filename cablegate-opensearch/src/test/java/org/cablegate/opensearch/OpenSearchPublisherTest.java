package org.cablegate.opensearch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import org.cablegate.archive.index.PublicArchive;
import org.cablegate.archive.index.PublicCable;
import org.cablegate.archive.index.SearchRequest;
import org.cablegate.opensearch.testing.SharedOpenSearch;
import org.junit.jupiter.api.Test;

/** Publishing a release to the cluster: whole or not at all for readers, and resumable after a crash. */
class OpenSearchPublisherTest {
    private final OpenSearchClient client = new OpenSearchClient(SharedOpenSearch.uri(), Duration.ofSeconds(30));

    /** A crash in the middle of a run, as a kill would leave it: some bulk requests sent, the alias not moved. */
    private static final class Crash extends RuntimeException {
        private static final long serialVersionUID = 1L;
    }

    @Test
    void resumesAfterACrashAndShowsReadersNothingUntilTheWholeReleaseIsIn() throws Exception {
        PublicArchive archive = Archives.sample();
        String alias = "resume";
        Publisher publisher = new Publisher(client, alias, 0, 50);

        assertThatThrownBy(() -> publisher.publish(archive, (done, total) -> {
            if (done >= 100) {
                throw new Crash();
            }
        })).isInstanceOf(Crash.class);

        String index = publisher.indexOf(archive.lastRelease());
        assertThat(client.exists("/" + index)).isTrue();
        assertThat(publisher.aliased()).isEmpty();
        client.post("/" + index + "/_refresh", null);
        assertThat(client.get("/" + index + "/_count").path("count").asLong()).isEqualTo(100);

        Publisher.Result result = publisher.publish(archive, Publisher.Listener.NONE);

        assertThat(result.resumed()).isTrue();
        assertThat(result.cables()).isEqualTo(186);
        assertThat(publisher.aliased()).containsExactly(index);
        OpenSearchBackend cluster = new OpenSearchBackend(client, alias);
        assertThat(cluster.search(SearchRequest.of("")).total()).isEqualTo(186);
        List<PublicCable> cables = Archives.cables(archive);
        for (PublicCable c : cables.subList(0, 20)) {
            assertThat(cluster.get(c.id())).contains(c.withHistory(List.of()));
        }
    }

    @Test
    void publishingTheCurrentReleaseAgainChangesNothing() throws Exception {
        PublicArchive archive = Archives.sample();
        Publisher publisher = new Publisher(client, "again", 0);
        Publisher.Result first = publisher.publish(archive, Publisher.Listener.NONE);

        Publisher.Result second = publisher.publish(archive, Publisher.Listener.NONE);

        assertThat(first.alreadyCurrent()).isFalse();
        assertThat(second.alreadyCurrent()).isTrue();
        assertThat(second.index()).isEqualTo(first.index());
        assertThat(publisher.aliased()).containsExactly(first.index());
    }

    @Test
    void movesTheAliasInOneStepAndDeletesEveryOtherIndex() throws Exception {
        PublicArchive archive = Archives.sample();
        String alias = "swap";
        Publisher publisher = new Publisher(client, alias, 0);
        // Two other releases, as earlier runs would have left them: the alias on the second.
        for (long release : List.of(90L, 91L)) {
            client.put("/" + publisher.indexOf(release), OpenSearchSchema.index(0));
        }
        var body = OpenSearchClient.json().createObjectNode();
        body.putArray("actions").addObject().putObject("add").put("index", publisher.indexOf(91)).put("alias", alias);
        client.post("/_aliases", body);
        long release = archive.lastRelease();

        publisher.publish(archive, Publisher.Listener.NONE);

        assertThat(publisher.aliased()).containsExactly(publisher.indexOf(release));
        // Issue 10: the index the alias left goes too, or a redacted or withdrawn text would stay in the cluster.
        assertThat(client.exists("/" + publisher.indexOf(91))).as("the index the alias left").isFalse();
        assertThat(client.exists("/" + publisher.indexOf(90))).isFalse();
    }
}
