package org.cablegate.archive.index;

import java.io.IOException;

/**
 * What answers a search of the public archive: the embedded Lucene archive ({@link PublicArchive} and its
 * {@link PublicArchive.View}), the reference, or a cluster (cablegate-opensearch), held to the same answers by a
 * conformance suite.
 *
 * <p>The contract is the {@link SearchRequest} and the {@link SearchResult}: the query (the archive's syntax, parsed
 * by {@link QuerySyntax} for both), exact facet values as filters, typed {@link SearchRequest.Condition conditions}
 * (ids, citations, a span of creation days: nothing the web layer writes as query text for a backend to parse back),
 * the sort with its tie-break by id, facet counts (a histogram is the counts of a period facet, {@link Facet#YEAR},
 * {@link Facet#CREATED_MONTH} or {@link Facet#RELEASED_DAY}, with every value), the total and whether it is exact,
 * and cursor paging to the last hit with cursors either backend resumes. Snippets are cut by the caller from the text
 * of a hit in the local archive, which holds the same public text.
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
