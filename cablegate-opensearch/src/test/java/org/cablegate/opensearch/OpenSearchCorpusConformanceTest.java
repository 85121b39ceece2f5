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

/**
 * The conformance suite on the real corpus: the 6,712 cables of the April 2011 release, imported and released by the
 * real code, published to a node, and every case of {@link Conformance} asked of both backends, every hit of every
 * page compared.
 */
class OpenSearchCorpusConformanceTest {
    private static PublicArchive archive;
    private static OpenSearchBackend cluster;

    @BeforeAll
    static void publish() throws Exception {
        archive = Archives.corpus();
        OpenSearchClient client = new OpenSearchClient(SharedOpenSearch.uri(), Duration.ofSeconds(60));
        Publisher.Result result = new Publisher(client, "corpus", 0).publish(archive, Publisher.Listener.NONE);
        assertThat(result.cables()).isEqualTo(6712);
        cluster = new OpenSearchBackend(client, "corpus");
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
