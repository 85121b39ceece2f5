package org.cablegate.core.parse;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Objects;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.cablegate.core.model.Recipient;
import org.junit.jupiter.api.Test;

/**
 * The hand-written readings that replaced regexes and char loops (for speed) agree with what they replaced, on text
 * generated from the pieces cables are made of and the characters that break things. Each oracle here is the code
 * that was replaced, kept as it was; a change to a fast path that changes an answer fails here before the corpus.
 */
class FastPathsTest {
    private static final int CASES = 20_000;
    /** Pieces of headers, preambles and paragraphs, and characters that regexes and loops treat differently. */
    private static final String[] PIECES = {" ", "  ", "\t", "\n", "\r", "\u000b", "\f", "\u001c", "\u00a0", "\u00b6",
            "\u0085", "\u2028", "\u2003", "\u2019", "\u0130", "\u212a", "\ud83d\ude00", "?", ".", ":", ",", ";", "-", "/",
            "(", ")", "_", "0", "1", "12", "012", "12958", "00001051", "12345678", "A", "e", "E", "O", "R", "S", "T", "C",
            "the state.", "people", "E.O. 12958:", "e. o. 12958", "EO 12958", "E.O.:", "AGUILERAE.O. 12958:", "TAGS:",
            "Tags :", "TAGE", "TGS:", "TAGSS:", "SUBJECT:", "Subj:", "SUJBECT :", "REF:", "Refs:", "REFTELS:",
            "PRIMEREF:", "Classified By:", "CLASSIFIED BY", "classfied by", "CLASSSIFIED BY:", "class", "summary",
            "END SUMMARY.", "Comment:", "MOSCOW 00001051 002 OF 003", "RUEHC/", "SECSTATE WASHDC", "PRIORITY",
            "PIORITY", "NIACT IMMEDIATE", "IMMEDIATE", "ROUTINE", "FLASH", "8840", "123456", "ABCDEFGHI/", "\u0301",
            "x_REF:", "\u00e9REF:", "2015TAGS:", "eREFS :", "REFS:", "RefTel:"};

    private final Random random = new Random(20110411);

    @Test
    void readsRecipientLinesAsTheirRegexDoes() {
        for (int k = 0; k < CASES; k++) {
            String line = text(6).strip();
            assertThat(RecipientLine.read(line)).as("[%s]", line).isEqualTo(recipientByRegex(line));
        }
    }

    @Test
    void collapsesWhiteSpaceAsTheCharLoopDid() {
        for (int k = 0; k < CASES; k++) {
            String text = text(12);
            String expected = collapseByCharLoop(text);
            assertThat(Texts.collapse(text)).as("[%s]", text).isEqualTo(expected);
            byte[] bytes = Latin1Bytes.of(text);
            if (bytes != null && new Lines(text).isLatin1(0, text.length())) {
                byte[] out = new byte[bytes.length + Long.BYTES + 1];
                int n = Latin1Bytes.collapse(bytes, 0, bytes.length, out, 0, false);
                n = n > 0 && out[n - 1] == ' ' ? n - 1 : n;
                assertThat(new String(out, 0, n, StandardCharsets.ISO_8859_1)).as("[%s]", text).isEqualTo(expected);
            }
        }
    }

    @Test
    void findsKeywordsInAnyCaseAsTheCharLoopDid() {
        for (int k = 0; k < CASES / 4; k++) {
            String text = text(30);
            FoldedText folded = new FoldedText(new Lines(text));
            for (String word : new String[] {"sum", "comment", "end", "classified", "class", "e.", "eo"}) {
                int from = random.nextInt(text.length() + 1);
                int to = from + random.nextInt(text.length() - from + 1);
                assertThat(folded.indexOf(word, from, to)).as("%s in [%s]", word, text)
                        .isEqualTo(indexOfIgnoreCaseByCharLoop(text, word, from, to));
            }
        }
    }

    @Test
    void findsPreambleKeywordsAsTheCombinedRegexDid() {
        Matcher old = OLD_KEYWORD.matcher("");
        for (int k = 0; k < CASES / 4; k++) {
            String text = text(25);
            Lines lines = new Lines(text);
            PreambleKeywords keywords = new PreambleKeywords(text, new FoldedText(lines));
            old.reset(text).useTransparentBounds(true);
            for (int line = 0; line < lines.count(); line++) {
                int end = lines.end(line);
                for (int from = lines.start(line); ; ) {
                    int expected = nextKeywordByOldLoop(text, from, end, old);
                    int found = keywords.next(from, end);
                    assertThat(found).as("from %d in [%s]", from, text).isEqualTo(expected);
                    if (found < 0) {
                        break;
                    }
                    assertThat(keywords.kind()).isEqualTo(kindOf(old));
                    assertThat(keywords.end()).isEqualTo(old.end());
                    from = keywords.end();
                }
            }
        }
    }

    @Test
    void findsRunsOfDigitsAsATestOfEveryCharacterDoes() {
        for (int k = 0; k < CASES; k++) {
            String text = text(8);
            int from = random.nextInt(text.length() + 1);
            assertThat(Texts.nextDigitRun(text, from, 8)).as("[%s] from %d", text, from)
                    .isEqualTo(nextDigitRunByCharLoop(text, from, 8));
            byte[] bytes = text.getBytes(StandardCharsets.ISO_8859_1);
            if (bytes.length == text.length()) {
                assertThat(Latin1Bytes.hasDigitRun(bytes, bytes.length, 8)).isEqualTo(nextDigitRunByCharLoop(text, 0, 8) >= 0);
            }
        }
    }

    @Test
    void removesSectionMarkersAsFindDid() {
        for (int k = 0; k < CASES; k++) {
            String text = Texts.collapse(text(10));
            assertThat(Layout.removeSectionMarkers(text)).as("[%s]", text).isEqualTo(removeMarkersByFind(text));
        }
    }

    @Test
    void knowsWhiteSpaceAsCharacterDoes() {
        for (int c = Character.MIN_VALUE; c <= Character.MAX_VALUE; c++) {
            assertThat(Texts.isWhitespace((char) c)).as("U+%04X", c).isEqualTo(Character.isWhitespace((char) c));
        }
    }

    /** Up to {@code pieces} random pieces and characters. */
    private String text(int pieces) {
        StringBuilder sb = new StringBuilder();
        int n = 1 + random.nextInt(pieces);
        for (int i = 0; i < n; i++) {
            if (random.nextInt(8) == 0) {
                sb.append((char) (random.nextBoolean() ? ' ' + random.nextInt(95) : random.nextInt(0x370)));
            } else {
                sb.append(PIECES[random.nextInt(PIECES.length)]);
            }
        }
        return sb.toString();
    }

    // The code the fast paths replaced, as it was.

    private static Recipient recipientByRegex(String line) {
        Matcher m = RecipientLine.FORM.matcher(line.strip());
        if (!m.matches()) {
            return null;
        }
        String name = Texts.collapse(m.group(2));
        String precedence = m.group(3) == null ? "" : Texts.collapse(m.group(3));
        if (precedence.equals("PIORITY")) {
            precedence = "PRIORITY";
        }
        return name.isEmpty() ? null : new Recipient(Objects.toString(m.group(1), ""), name, precedence,
                Objects.toString(m.group(4), ""));
    }

    private static String collapseByCharLoop(CharSequence text) {
        char[] out = new char[text.length()];
        int n = 0;
        boolean space = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\u00b6') {
                continue;
            }
            if (c <= ' ' || c == '\u00a0' || c > 0x7f && Character.isWhitespace(c)) {
                space = true;
            } else {
                if (space && n > 0) {
                    out[n++] = ' ';
                }
                space = false;
                out[n++] = c;
            }
        }
        return new String(out, 0, n);
    }

    private static int indexOfIgnoreCaseByCharLoop(String text, String lowerWord, int from, int to) {
        int n = lowerWord.length();
        char first = lowerWord.charAt(0);
        for (int i = Math.max(0, from); i + n <= to; i++) {
            if ((text.charAt(i) | 0x20) != first) {
                continue;
            }
            int k = 1;
            while (k < n && Character.toLowerCase(text.charAt(i + k)) == lowerWord.charAt(k)) {
                k++;
            }
            if (k == n) {
                return i;
            }
        }
        return -1;
    }

    private static final Pattern OLD_KEYWORD = Pattern.compile("(?i)"
            + "(?<eo>E\\.[ \\t]?O\\.[ \\t]?\\d{4,5}\\b[ \\t]*:?|\\bEO[ \\t]?\\d{4,5}\\b[ \\t]*:?"
            + "|\\bE\\.O\\.(?=[ \\t]*:)[ \\t]*:)"
            + "|(?<tags>(?<![A-Za-z])(?:TAGS|TAGE|TAS|TGS|TAG|TAGSS)[ \\t]*:)"
            + "|(?<subject>(?<![A-Za-z])(?:SUBJECT|SUBJ|SUBJET|SUBEJCT|SUBJEC|SUJBECT)[ \\t]*:)"
            + "|(?<ref>(?:\\b(?:REF|REFS|REFTEL|REFTELS)|(?-i:REFS?))[ \\t]*:)"
            + "|(?<classified>\\bCLASS(?:IFIED|IIED|IFED|FIED|SIFIED)[ \\t]+BY\\b[ \\t]*:?)");

    private static int nextKeywordByOldLoop(String text, int from, int end, Matcher m) {
        for (int i = from; i < end; i++) {
            char c = (char) (text.charAt(i) | 0x20);
            if (c != 'e' && c != 't' && c != 's' && c != 'r' && c != 'c') {
                continue;
            }
            if (i > 0 && Character.isLetter(text.charAt(i - 1))) {
                boolean dottedEo = c == 'e' && i + 1 < end && text.charAt(i + 1) == '.';
                if (!dottedEo && text.charAt(i) != 'R') {
                    continue;
                }
            }
            if (m.region(i, end).lookingAt()) {
                return i;
            }
        }
        return -1;
    }

    private static FieldKind kindOf(Matcher m) {
        if (m.group("tags") != null) {
            return FieldKind.TAGS;
        }
        if (m.group("subject") != null) {
            return FieldKind.SUBJECT;
        }
        if (m.group("ref") != null) {
            return FieldKind.REF;
        }
        return m.group("eo") != null ? FieldKind.EO : FieldKind.CLASSIFIED_BY;
    }

    private static int nextDigitRunByCharLoop(String text, int from, int digits) {
        for (int i = from; i < text.length(); i++) {
            if (Texts.isDigit(text.charAt(i)) && (i == 0 || !Texts.isDigit(text.charAt(i - 1)))) {
                int e = i;
                while (e < text.length() && Texts.isDigit(text.charAt(e))) {
                    e++;
                }
                if (e - i >= digits) {
                    return i;
                }
            }
        }
        return -1;
    }

    private static final Pattern MARKER_NUMBERS = Pattern.compile("\\b\\d{8} +\\d{3}(?:\\.\\d)? +OF +\\d{3}\\b");

    /** The removal with find() over the whole text. */
    private static String removeMarkersByFind(String collapsed) {
        Matcher m = MARKER_NUMBERS.matcher(collapsed);
        StringBuilder out = null;
        int copied = 0;
        while (m.find()) {
            if (out == null) {
                out = new StringBuilder();
            }
            out.append(collapsed, copied, stationStart(collapsed, m.start()));
            copied = m.end();
        }
        if (out == null) {
            return collapsed;
        }
        out.append(collapsed, copied, collapsed.length());
        return collapseByCharLoop(out);
    }

    /** The longest run of one to four words before {@code numbers} that names a station. */
    private static int stationStart(String text, int numbers) {
        int best = numbers;
        int wordStart = numbers;
        for (int words = 1; words <= 4; words++) {
            int end = wordStart - 1;
            if (end <= 0 || text.charAt(end) != ' ') {
                break;
            }
            int start = text.lastIndexOf(' ', end - 1) + 1;
            wordStart = start;
            if (ReferenceIds.standard().station(text.substring(start, numbers)).isPresent()) {
                best = start;
            }
        }
        return best;
    }
}
