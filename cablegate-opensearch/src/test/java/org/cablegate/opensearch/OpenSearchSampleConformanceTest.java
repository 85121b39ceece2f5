package org.cablegate.opensearch;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.stream.Stream;
import org.cablegate.archive.index.PublicArchive;
import org.cablegate.archive.index.SearchRequest;
import org.cablegate.opensearch.testing.SharedOpenSearch;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Both backends answer alike on the 186 cables of the bundled sample (the corpus runs the same cases at scale). */
class OpenSearchSampleConformanceTest {
    private static PublicArchive archive;
    private static OpenSearchBackend cluster;

    @BeforeAll
    static void publish() throws Exception {
        OpenSearchClient client = new OpenSearchClient(SharedOpenSearch.uri(), Duration.ofSeconds(30));
        archive = Archives.sample();
        Publisher.Result result = new Publisher(client, "sample", 0).publish(archive, Publisher.Listener.NONE);
        assertThat(result.cables()).isEqualTo(186);
        cluster = new OpenSearchBackend(client, "sample");
    }

    static Stream<SearchRequest> cases() {
        return Stream.concat(Conformance.anchors().stream(), Conformance.operators().stream());
    }

    static Stream<SearchRequest> refused() {
        return Conformance.refused().stream();
    }

    @ParameterizedTest
    @MethodSource("cases")
    void answersAsTheArchiveDoes(SearchRequest request) throws Exception {
        Conformance.assertSameAnswers(archive, cluster, request);
    }

    @ParameterizedTest
    @MethodSource("refused")
    void refusesWhatTheArchiveRefuses(SearchRequest request) {
        Conformance.assertSameRefusal(archive, cluster, request);
    }
}
