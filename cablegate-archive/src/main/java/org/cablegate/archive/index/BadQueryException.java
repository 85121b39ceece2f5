package org.cablegate.archive.index;

/**
 * A search request that cannot be run as written: a query that does not parse, an unknown field, a date that is not a
 * date, a cursor from another search. The message is meant for the person who typed the query.
 */
public final class BadQueryException extends Exception {
    private static final long serialVersionUID = 1L;

    public BadQueryException(String message) {
        super(message);
    }

    public BadQueryException(String message, Throwable cause) {
        super(message, cause);
    }
}
