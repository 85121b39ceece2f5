package org.cablegate.web.view;

import java.util.List;

/**
 * The page at the URL of a cable that is not public: it says only what public cables say about it, so that it is the
 * same whether the id is unreleased, unknown or malformed.
 *
 * @param chrome    the page around it
 * @param id        the id asked for
 * @param citations public cables that cite it, with the REF text they cite it by
 */
public record UnpublishedView(Chrome chrome, String id, List<Citation> citations) {
    public UnpublishedView {
        citations = List.copyOf(citations);
    }

    public record Citation(Link cable, String subject, String asWritten) {}
}
