package org.cablegate.web.data;

/** The request names something the public archive does not have; the message says what, for the 404 body. */
final class NotFound extends Exception {
    private static final long serialVersionUID = 1L;

    NotFound(String message) {
        super(message, null, false, false);
    }
}
