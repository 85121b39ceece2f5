package org.cablegate.web.data;

/** The request names a cable that was withdrawn: a 410, so that clients and mirrors drop it. */
final class Gone extends Exception {
    private static final long serialVersionUID = 1L;

    Gone(String message) {
        super(message, null, false, false);
    }
}
