package org.cablegate.archive.vault;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import org.cablegate.core.model.SourceCable;

/**
 * The content hash of a cable's text: SHA-256 over id, created, classification, origin, header and body, in UTF-8,
 * with every run of ASCII white space or control characters in header and body taken as one space and the ends
 * trimmed.
 *
 * <p>What it leaves out decides what counts as "the same cable again" rather than a new version:
 * <ul>
 *   <li>the location and the format: the same text from cables.csv and from a site page is one version;
 *   <li>the release time: only site pages carry it; it is kept on the cable as its original release time;
 *   <li>line breaks and spacing: site page builds re-flowed bodies onto one line or doubled every line break, and a
 *       reader cannot see the difference. Any change of a visible character is a new version.
 * </ul>
 * Fields are separated by a NUL byte, which cannot occur inside a normalised field (control characters count as
 * white space), so two different cables never hash the same bytes. Works on the UTF-8 bytes: white space is ASCII, and
 * no byte of a multi-byte UTF-8 sequence is below 0x80, so the bytes can be compacted in place.
 */
final class ContentHash {
    private final MessageDigest sha;

    ContentHash() {
        try {
            sha = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }

    /** Not thread-safe: one instance per thread. */
    byte[] of(SourceCable c) {
        sha.reset();
        exact(c.id());
        exact(Columns.time(c.created()));
        exact(c.classification());
        exact(c.origin());
        normalized(c.header());
        normalized(c.body());
        return sha.digest();
    }

    private void exact(String s) {
        sha.update(s.getBytes(StandardCharsets.UTF_8));
        sha.update((byte) 0);
    }

    private void normalized(String s) {
        byte[] b = s.getBytes(StandardCharsets.UTF_8);
        int out = 0;
        boolean space = false;
        for (byte x : b) {
            // Signed bytes: every byte of a multi-byte sequence is negative, so only ASCII can be <= ' '.
            if (x >= 0 && x <= ' ') {
                space = out > 0;
            } else {
                if (space) {
                    b[out++] = ' ';
                    space = false;
                }
                b[out++] = x;
            }
        }
        sha.update(b, 0, out);
        sha.update((byte) 0);
    }
}
