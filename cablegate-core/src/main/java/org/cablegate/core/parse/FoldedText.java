package org.cablegate.core.parse;

/**
 * A text folded to lower case, char for char, so that a keyword in any case ({@code Summary}, {@code END COMMENT},
 * {@code Classified by}) is found with {@link String#indexOf(String, int)}, which the JIT vectorises. The case-blind
 * char loop this replaces scanned every body three times and cost a fifth of the parse.
 *
 * <p>Offsets are those of the original text. Only ASCII letters fold, plus the two characters whose
 * {@link Character#toLowerCase(char) lower case} is an ASCII letter (U+0130 → i, KELVIN SIGN → k), as the loop did;
 * the regexes that confirm each hit are ASCII-only case-blind. {@link Lines} folds the text's bytes, eight at a time,
 * as it cuts the lines.
 */
final class FoldedText {
    private final String folded;

    /** The text of {@code lines} folded. */
    FoldedText(Lines lines) {
        // Outside Latin-1 (curly quotes in a tenth of the bodies) a character became '?' in the bytes, which matches
        // no letter as it did not; unless it is one of the two that fold to an ASCII letter.
        boolean asBytes = lines.bytes() != null && !lines.holdsOutsideLatin1('\u0130')
                && !lines.holdsOutsideLatin1('\u212a');
        this.folded = asBytes ? lines.foldedBytes() : foldChars(lines.text());
    }

    /** The occurrences of {@code lowerWord} (ASCII lower case) in any case. */
    Occurrence occurrence(String lowerWord) {
        return new Occurrence(folded, lowerWord);
    }

    /** Where {@code lowerWord} (ASCII lower case) occurs in {@code [from, to)} in any case, or -1. */
    int indexOf(String lowerWord, int from, int to) {
        int at = folded.indexOf(lowerWord, Math.max(0, from));
        return at >= 0 && at + lowerWord.length() <= to ? at : -1;
    }

    private static String foldChars(String text) {
        char[] chars = text.toCharArray();
        for (int i = 0; i < chars.length; i++) {
            char c = chars[i];
            if (c >= 'A' && c <= 'Z') {
                chars[i] = (char) (c | 0x20);
            } else if (c == '\u0130') {
                chars[i] = 'i';
            } else if (c == '\u212a') {
                chars[i] = 'k';
            }
        }
        return new String(chars);
    }
}
