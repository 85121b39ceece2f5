package org.cablegate.core.parse;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds the keywords with a colon that open the fields of a preamble, anywhere in a line and in any case (partial
 * extracts write "Tags:", "Subject:"): {@code E.O. 12958:}, {@code TAGS:}, {@code SUBJECT:}, {@code REF:},
 * {@code Classified By:}. One instance reads one text.
 *
 * <p>A keyword starts with E, T, S, R or C (or U, for a SUBJECT that lost its S), and each letter has its own regex; the word at a candidate must be one of
 * that keyword's spellings (with its colon where it needs one) before the regex is asked. Candidates are found with
 * indexOf: the words before colons, "class", "e." and "eo". A case-insensitive find() over long re-flowed lines cost
 * most of the parse; then a regex tried at every such letter a fifth of it; then a test of every character a tenth.
 */
final class PreambleKeywords {
    /** E.O. 12958 (also E. O., EO 12958, E.O.:): "FOR AGUILERAE.O. 12958:" (05LIMA3571) is found glued. */
    private static final Pattern EO = Pattern.compile("(?i)E\\.[ \\t]?O\\.[ \\t]?\\d{4,5}\\b[ \\t]*:?"
            + "|\\bEO[ \\t]?\\d{4,5}\\b[ \\t]*:?|\\bE\\.O\\.(?=[ \\t]*:)[ \\t]*:");
    /** "DECL: 08/16/2015TAGS: EMIN" (05LIMA3571): the keyword glued to a date. */
    private static final Pattern TAGS = Pattern.compile("(?i)(?<![A-Za-z])(?:TAGS|TAGE|TAS|TGS|TAG|TAGSS)[ \\t]*:");
    private static final Pattern SUBJECT = Pattern.compile(
            "(?i)(?<![A-Za-z])(?:SUBJECT|SUBJ|SUBJET|SUBEJCT|SUBJEC|SUJBECT)[ \\t]*:");
    /** "UK PRIMEREF: A. LONDON 1939" (08LONDON1991): REF glued to the subject's last word. */
    private static final Pattern REF = Pattern.compile("(?i)(?:\\b(?:REF|REFS|REFTEL|REFTELS)|(?-i:REFS?))[ \\t]*:");
    private static final Pattern CLASSIFIED = Pattern.compile(
            "(?i)\\bCLASS(?:IFIED|IIED|IFED|FIED|SIFIED)[ \\t]+BY\\b[ \\t]*:?");
    /** The spellings in the patterns above, for a test before them: a change to one is a change to both. */
    private static final String[] EO_WORDS = {"EO"};
    private static final String[] TAGS_WORDS = {"TAGS", "TAGE", "TAS", "TGS", "TAG", "TAGSS"};
    private static final String[] SUBJECT_WORDS = {"SUBJECT", "SUBJ", "SUBJET", "SUBEJCT", "SUBJEC", "SUJBECT"};
    private static final String[] LOST_S_WORDS = {"UBJECT"};
    private static final String[] REF_WORDS = {"REF", "REFS", "REFTEL", "REFTELS"};
    private static final String[] CLASSIFIED_WORDS = {"CLASSIFIED", "CLASSIIED", "CLASSIFED", "CLASSFIED", "CLASSSIFIED"};

    private final String text;
    /** Colons: TAGS, SUBJECT and REF end with one. */
    private final Occurrence colons;
    /** In the folded text: "class" opens Classified By, "e." and "eo" an E.O. line. */
    private final Occurrence[] anchors;
    /** One matcher a keyword, made when first needed (most bodies need all five). */
    private final Matcher[] matchers = new Matcher[FieldKind.values().length];
    private FieldKind kind;
    private int keywordEnd;

    PreambleKeywords(String text, FoldedText folded) {
        this.text = text;
        this.colons = new Occurrence(text, ":");
        this.anchors = new Occurrence[] {folded.occurrence("class"), folded.occurrence("e."), folded.occurrence("eo")};
    }

    /** The next keyword in {@code [from, end)}, or -1; then {@link #kind()} and {@link #end()} describe it. */
    int next(int from, int end) {
        for (int i = nextCandidate(from, end); i >= 0; i = nextCandidate(i + 1, end)) {
            FieldKind candidate = keywordAt(i, end);
            if (candidate != null) {
                kind = candidate;
                return i;
            }
        }
        return -1;
    }

    /**
     * The first place in {@code [from, end)} where a keyword may start, or -1: in the word before a colon, or at an
     * anchor. Every place the keyword test below passes is one of these; most characters of a line are none.
     */
    private int nextCandidate(int from, int end) {
        int first = wordBeforeColon(from, end);
        for (Occurrence anchor : anchors) {
            int at = anchor.next(from);
            if (at >= 0 && at < end && (first < 0 || at < first)) {
                first = at;
            }
        }
        return first;
    }

    /**
     * The first place at or after {@code from} in the letters before a colon in {@code [from, end)} (and the blanks
     * after them), or -1: a keyword there is the letters from that place on ("TAGS:"; "PRIMEREF:" glued).
     */
    private int wordBeforeColon(int from, int end) {
        for (int colon = colons.next(from); colon >= 0 && colon < end; colon = colons.next(colon + 1)) {
            int wordEnd = colon;
            while (wordEnd > from && (text.charAt(wordEnd - 1) == ' ' || text.charAt(wordEnd - 1) == '\t')) {
                wordEnd--;
            }
            int wordStart = wordEnd;
            while (wordStart > from && isAsciiLetter(text.charAt(wordStart - 1))) {
                wordStart--;
            }
            if (wordStart < wordEnd) {
                return wordStart;
            }
        }
        return -1;
    }

    /** The keyword at {@code i}, matched, or null. */
    private FieldKind keywordAt(int i, int end) {
        char c = (char) (text.charAt(i) | 0x20);
        if (c != 'e' && c != 't' && c != 's' && c != 'r' && c != 'c' && c != 'u') {
            return null;
        }
        if (i > 0 && Character.isLetter(text.charAt(i - 1))) {
            // Glued keywords are only "...AGUILERAE.O. 12958" and "...PRIMEREF:".
            boolean dottedEo = c == 'e' && i + 1 < end && text.charAt(i + 1) == '.';
            boolean ref = text.charAt(i) == 'R';
            if (!dottedEo && !ref) {
                return null;
            }
        }
        FieldKind candidate = spelledAt(i, end, c);
        if (candidate == null) {
            return null;
        }
        boolean found = switch (candidate) {
            // Spelling and colon are checked; what their regexes add is the test of the character before.
            case TAGS, SUBJECT -> !(i > 0 && isAsciiLetter(text.charAt(i - 1)));
            case REF -> refStartsAt(i, end);
            default -> matchesRegex(candidate, i, end);
        };
        if (found && candidate != FieldKind.EO && candidate != FieldKind.CLASSIFIED_BY) {
            keywordEnd = text.indexOf(':', i) + 1;
        }
        return found ? candidate : null;
    }

    /**
     * Whether the REF spelled at {@code i} is a keyword: after a word boundary, or glued ("PRIMEREF:") when in capitals
     * as REF or REFS. A character before that is not ASCII (a combining mark may count as a letter) goes to the regex.
     */
    private boolean refStartsAt(int i, int end) {
        if (i == 0) {
            return true;
        }
        char before = text.charAt(i - 1);
        if (before >= 0x80) {
            return matchesRegex(FieldKind.REF, i, end);
        }
        boolean boundary = !(isAsciiLetter(before) || Texts.isDigit(before) || before == '_');
        int wordEnd = i;
        while (wordEnd < end && isAsciiLetter(text.charAt(wordEnd))) {
            wordEnd++;
        }
        boolean capitals = text.startsWith("REF", i)
                && (wordEnd == i + 3 || wordEnd == i + 4 && text.charAt(i + 3) == 'S');
        return boundary || capitals;
    }

    private boolean matchesRegex(FieldKind kind, int i, int end) {
        Matcher m = matcher(kind);
        if (m.region(i, end).lookingAt()) {
            keywordEnd = m.end();
            return true;
        }
        return false;
    }

    /** The kind of the keyword {@link #next} found. */
    FieldKind kind() {
        return kind;
    }

    /** Where the keyword {@link #next} found ends: its value starts there. */
    int end() {
        return keywordEnd;
    }

    /**
     * The keyword whose spelling is at {@code i} (its first letter, lower case, is {@code c}), followed by its colon
     * where it needs one; null if none. Most words of a re-flowed preamble ("such", "reform", "the state.") fail here.
     */
    private FieldKind spelledAt(int i, int end, char c) {
        int wordEnd = i;
        while (wordEnd < end && isAsciiLetter(text.charAt(wordEnd))) {
            wordEnd++;
        }
        return switch (c) {
            // E.O. / E. O. / EO 12958 ("the state." ends with "e." too)
            case 'e' -> wordEnd == i + 1 && isDottedO(wordEnd, end) || isOneOf(i, wordEnd, EO_WORDS)
                    ? FieldKind.EO : null;
            case 't' -> isOneOf(i, wordEnd, TAGS_WORDS) && colonAfterBlanks(wordEnd, end) ? FieldKind.TAGS : null;
            case 's' -> isOneOf(i, wordEnd, SUBJECT_WORDS) && colonAfterBlanks(wordEnd, end)
                    ? FieldKind.SUBJECT : null;
            case 'r' -> isOneOf(i, wordEnd, REF_WORDS) && colonAfterBlanks(wordEnd, end) ? FieldKind.REF : null;
            // "UBJECT:" with its first letter lost, at a line start only (08MANAMA117, 09TRIPOLI925)
            case 'u' -> (i == 0 || text.charAt(i - 1) == '\n') && isOneOf(i, wordEnd, LOST_S_WORDS)
                    && colonAfterBlanks(wordEnd, end) ? FieldKind.SUBJECT : null;
            default -> isOneOf(i, wordEnd, CLASSIFIED_WORDS) ? FieldKind.CLASSIFIED_BY : null;
        };
    }

    private Matcher matcher(FieldKind kind) {
        Matcher m = matchers[kind.ordinal()];
        if (m == null) {
            Pattern pattern = switch (kind) {
                case EO -> EO;
                case TAGS -> TAGS;
                case SUBJECT -> SUBJECT;
                case REF -> REF;
                case CLASSIFIED_BY -> CLASSIFIED;
            };
            // Transparent bounds: the look-behind and \b at the start see the characters before the candidate.
            m = pattern.matcher(text).useTransparentBounds(true);
            matchers[kind.ordinal()] = m;
        }
        return m;
    }

    /** Whether {@code .O} or {@code . O} follows at {@code i}, in any case. */
    private boolean isDottedO(int i, int end) {
        if (i + 2 >= end || text.charAt(i) != '.') {
            return false;
        }
        int o = text.charAt(i + 1) == ' ' || text.charAt(i + 1) == '\t' ? i + 2 : i + 1;
        return (text.charAt(o) | 0x20) == 'o';
    }

    /** Whether the ASCII letters {@code text[from, to)} are one of {@code words} (capitals), in any case. */
    private boolean isOneOf(int from, int to, String[] words) {
        for (String word : words) {
            if (word.length() == to - from && sameLetters(from, word)) {
                return true;
            }
        }
        return false;
    }

    /** Whether the ASCII letters at {@code from} spell {@code word}: clearing 0x20 makes a letter a capital. */
    private boolean sameLetters(int from, String word) {
        for (int k = 0; k < word.length(); k++) {
            if ((text.charAt(from + k) & ~0x20) != word.charAt(k)) {
                return false;
            }
        }
        return true;
    }

    /** Whether {@code [ \t]*:} follows at {@code i}. */
    private boolean colonAfterBlanks(int i, int end) {
        while (i < end && (text.charAt(i) == ' ' || text.charAt(i) == '\t')) {
            i++;
        }
        return i < end && text.charAt(i) == ':';
    }

    private static boolean isAsciiLetter(char c) {
        return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z';
    }
}
