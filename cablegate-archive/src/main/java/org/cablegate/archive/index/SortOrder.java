package org.cablegate.archive.index;

/** How hits are ordered. Every order breaks ties by id, so that paging with a cursor is stable. */
public enum SortOrder {
    RELEVANCE,
    CREATED_NEWEST,
    CREATED_OLDEST,
    RELEASED_NEWEST,
    RELEASED_OLDEST
}
