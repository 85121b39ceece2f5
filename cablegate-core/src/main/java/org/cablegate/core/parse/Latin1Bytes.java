package org.cablegate.core.parse;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;

/**
 * Text loops over Latin-1 bytes eight at a time: the two passes over every character of a body, collapsing white
 * space and folding case, were half of the parse as char loops. Almost all text is Latin-1 (¶ is U+00B6); the rest
 * keeps the char loops of {@link Texts} and {@link FoldedText}.
 *
 * <p>A long read from a byte array holds eight characters, the first in its lowest byte. The tests on all eight at
 * once add a constant to the low seven bits of every byte, which cannot carry into the next byte, and read the carry
 * in each top bit.
 */
final class Latin1Bytes {
    private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
    private static final long EACH_BYTE = 0x0101010101010101L;
    private static final long LOW_BITS = 0x7f * EACH_BYTE;
    private static final long TOP_BITS = 0x80 * EACH_BYTE;
    private static final byte SPACE = ' ';

    /** A buffer a thread reuses: a body-sized array allocated for each use cost as much as the loop that fills it. */
    private static final ThreadLocal<byte[]> SCRATCH = ThreadLocal.withInitial(() -> new byte[1 << 14]);

    private Latin1Bytes() {}

    /**
     * This thread's buffer, of at least {@code size} bytes. What is written there lasts until the next call on the same
     * thread: callers copy it out (into a String) before they return.
     */
    static byte[] scratch(int size) {
        byte[] buffer = SCRATCH.get();
        if (buffer.length < size) {
            buffer = new byte[Math.max(size, buffer.length * 2)];
            SCRATCH.set(buffer);
        }
        return buffer;
    }

    /**
     * The characters of {@code text} as bytes, one a character: the character itself in Latin-1, '?' outside it (curly
     * quotes in a tenth of the bodies). Null if a surrogate pair became one byte.
     */
    static byte[] of(String text) {
        byte[] bytes = text.getBytes(StandardCharsets.ISO_8859_1);
        return bytes.length == text.length() ? bytes : null;
    }

    /** The bytes with A-Z in lower case, as a string. */
    static String toLowerCase(byte[] bytes) {
        byte[] out = scratch(bytes.length);
        int i = 0;
        for (; i + Long.BYTES <= bytes.length; i += Long.BYTES) {
            long x = (long) LONGS.get(bytes, i);
            long low = x & LOW_BITS;
            // A capital: its low bits reach 'A' and stay below 'Z' + 1, and its top bit is clear.
            long capitals = (low + (0x80 - 'A') * EACH_BYTE) & ~(low + (0x80 - 'Z' - 1) * EACH_BYTE) & ~x & TOP_BITS;
            LONGS.set(out, i, x | capitals >>> 2); // the top bit moved down to 0x20, the bit of lower case
        }
        for (; i < bytes.length; i++) {
            out[i] = bytes[i] >= 'A' && bytes[i] <= 'Z' ? (byte) (bytes[i] | 0x20) : bytes[i];
        }
        return new String(out, 0, bytes.length, StandardCharsets.ISO_8859_1);
    }

    /**
     * Appends {@code text[from, to)} to {@code out} at {@code n} with white space collapsed as {@link Texts#collapse}
     * does (¶ dropped); with {@code join}, after a space if {@code out} does not end with one (a line break). Returns
     * the new length; the result may end with one space. {@code out} must have room for eight bytes past the input.
     */
    static int collapse(byte[] text, int from, int to, byte[] out, int n, boolean join) {
        boolean space = n == 0 || out[n - 1] == SPACE;
        if (join && !space) {
            out[n++] = SPACE;
            space = true;
        }
        int i = from;
        while (i + Long.BYTES <= to) {
            long x = (long) LONGS.get(text, i);
            long changed = changedBytes(x, space);
            // The bytes before the first one that changes are copied as they are (all eight, mostly); the rest of the
            // long is written too and overwritten later.
            LONGS.set(out, n, x);
            if (changed == 0) {
                // Eight more, without waiting for the count below: the next read does not depend on it.
                n += Long.BYTES;
                i += Long.BYTES;
                space = x >>> (Long.SIZE - Byte.SIZE) == SPACE;
                continue;
            }
            int plain = Long.numberOfTrailingZeros(changed) / Byte.SIZE;
            n += plain;
            i += plain;
            n = collapseByte(text[i], out, n);
            i++;
            space = n == 0 || out[n - 1] == SPACE;
        }
        for (; i < to; i++) {
            n = collapseByte(text[i], out, n);
        }
        return n;
    }

    /**
     * The top bit of each of eight characters that collapsing changes: a control character, one outside ASCII (¶,
     * no-break space, letters with accents, taken the slow way), a space after a space, or a first space after a
     * space already written ({@code space}).
     */
    private static long changedBytes(long x, boolean space) {
        long low = x & LOW_BITS;
        long controls = ~(low + (0x80 - ' ') * EACH_BYTE) & TOP_BITS; // below ' '
        long notAscii = x & TOP_BITS;
        long spaces = bytesEqualTo(x, ' ');
        long doubled = spaces & spaces << Byte.SIZE;
        long leading = space ? spaces & 0x80 : 0;
        return controls | notAscii | doubled | leading;
    }

    /**
     * Whether {@code bytes[0, n)} hold a run of at least {@code digits} digits. Such a run covers one index in every
     * {@code digits}: only those are tested, and the run measured around a digit found there.
     */
    static boolean hasDigitRun(byte[] bytes, int n, int digits) {
        for (int i = digits - 1; i < n; i += digits) {
            if (isDigit(bytes[i])) {
                int s = i;
                while (s > 0 && isDigit(bytes[s - 1])) {
                    s--;
                }
                int e = i + 1;
                while (e < n && isDigit(bytes[e])) {
                    e++;
                }
                if (e - s >= digits) {
                    return true;
                }
            }
        }
        return false;
    }

    private static boolean isDigit(byte b) {
        return b >= '0' && b <= '9';
    }

    /** The top bit of each of eight bytes that is {@code c} (ASCII). */
    private static long bytesEqualTo(long x, char c) {
        long others = x ^ c * EACH_BYTE; // a zero byte where c is
        // The low bits of a byte that is not zero carry into its top bit; so does a top bit of its own.
        return ~((others & LOW_BITS) + LOW_BITS | others) & TOP_BITS;
    }

    /** One character of {@link #collapse}, the slow way. */
    private static int collapseByte(byte b, byte[] out, int n) {
        int c = b & 0xff;
        if (c == 0xb6) {
            return n; // ¶
        }
        // As Texts.collapse has it: everything up to ' ', and no-break space (Character.isWhitespace adds nothing
        // else in Latin-1).
        if (c <= ' ' || c == 0xa0) {
            if (n > 0 && out[n - 1] != SPACE) {
                out[n++] = SPACE;
            }
            return n;
        }
        out[n++] = b;
        return n;
    }
}
