package org.cablegate.archive.index;

import java.io.IOException;

/**
 * What answers a search of the public archive: the embedded Lucene archive ({@link PublicArchive} and its
 * {@link PublicArchive.View}), the reference, or a cluster (cablegate-opensearch), held to the same answers by a
 * conformance suite.
 */
public interface SearchBackend {
    /**
     * Runs one search.
     *
     * @throws BadQueryException          the query, a filter or the cursor cannot be used as written; the message
     *                                    says why (a 400)
     * @throws SearchUnavailableException the backend cannot answer now but may soon (a 503 with its Retry-After)
     * @throws IOException                the backend failed otherwise
     */
    SearchResult search(SearchRequest request) throws BadQueryException, IOException;
}
