package org.cablegate.web.mirror;

import java.util.Locale;

/**
 * One thing wrong with a mirror, a delta or a manifest, named so that an operator can act on it.
 *
 * @param kind   what is wrong
 * @param detail the file or the manifest it concerns, and why
 */
public record Problem(Kind kind, String detail) {
    public enum Kind {
        /** The manifest or the delta cannot be read. */
        UNREADABLE,
        /** MANIFEST.sig is not the publisher's signature of MANIFEST. */
        SIGNATURE,
        /** The manifest is of an older release than one verified before, or replaces it with an older one. */
        ROLLBACK,
        /** The manifest's valid-until has passed: the mirror may be frozen at an old release. */
        EXPIRED,
        /** The manifest does not continue the chain of the one verified before. */
        CHAIN,
        /** A file of the manifest is not there. */
        MISSING,
        /** A file differs from the manifest (size or SHA-256). */
        CHANGED,
        /** A file is there that the manifest does not list. */
        EXTRA
    }

    @Override
    public String toString() {
        return kind.name().toLowerCase(Locale.ROOT) + ": " + detail;
    }
}
