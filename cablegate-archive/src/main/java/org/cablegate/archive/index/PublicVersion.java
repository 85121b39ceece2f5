package org.cablegate.archive.index;

import java.time.LocalDateTime;
import java.util.Objects;

/**
 * One public change of a cable: what a reader of its history sees. The texts are public texts, with every redaction
 * in force when the version was published and every redaction in force now applied, so that a history page never
 * shows a word that is redacted today, not even in a version published before the redaction.
 *
 * @param number  1, 2, ... in the order the cable changed in public
 * @param release the release that made the change
 * @param time    when the release was published (its release time)
 * @param kind    what changed
 * @param header  the routing header as this version showed it; empty for a withdrawal
 * @param body    the body as this version showed it; empty for a withdrawal
 */
public record PublicVersion(int number, long release, LocalDateTime time, Kind kind, String header, String body) {
    /** What a release did to a cable. */
    public enum Kind {
        FIRST_RELEASE("first release"),
        NEW_TEXT("new text"),
        REDACTION_CHANGED("redaction changed"),
        WITHDRAWN("withdrawn"),
        RELEASED_AGAIN("released again");

        private final String words;

        Kind(String words) {
            this.words = words;
        }

        /** As pages and the API say it: {@code redaction changed}. */
        public String words() {
            return words;
        }

        /** Whether the cable is public after a change of this kind. */
        public boolean isPublic() {
            return this != WITHDRAWN;
        }
    }

    public PublicVersion {
        if (number < 1) {
            throw new IllegalArgumentException("versions are numbered from 1: " + number);
        }
        Objects.requireNonNull(time, "time");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(header, "header");
        Objects.requireNonNull(body, "body");
    }
}
