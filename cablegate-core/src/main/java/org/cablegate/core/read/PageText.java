package org.cablegate.core.read;

import java.util.Locale;
import java.util.Set;
import org.cablegate.core.model.LineEnds;

/**
 * Turns the HTML inside a site page's {@code <pre>} block back into the cable's text, so that it equals the
 * {@code cables.csv} text of the same cable wherever the difference is only how the page was built.
 *
 * <ul>
 *   <li>{@code &#x000A;} and every other character reference is decoded ({@link HtmlEntities}).</li>
 *   <li>The paragraph permalinks the site put before numbered paragraphs, {@code <a id='par2' href='#par2'>¶</a>2.},
 *       go entirely, ¶ included: the cable text never had them (08MOSCOW1647). The site also linked the lettered items
 *       of REF lists, {@code <a id='parB' href='#parB'>¶</a>B.}; there the ¶ was in the cable text (the CSV has
 *       {@code REF: A. ANKARA 6856 ¶B. ANKARA 8252} in 02ANKARA8852, 3,431 times in the corpus), so only the tags
 *       go.</li>
 *   <li>Other links ({@code <a href='/tag/PREL_0.html'>PREL</a>} on the TAGS line) lose their tags, keep their
 *       text.</li>
 *   <li>Tags of real HTML elements that some page builds left unescaped in the text are markup, not text: {@code <br>}
 *       at every line end of 09MALABO27, 09LAPAZ96 and 08NEWDELHI638, {@code <strong>} in 09ISLAMABAD3037,
 *       {@code </td></tr></table>} after the signature of 09MALABO31 and 06HAVANA9102, {@code < /a>} in
 *       06BUENOSAIRES677. The CSV has none of them.</li>
 *   <li>Everything else that starts with {@code <} is text and stays: {@code <<Israel>>} in 08STATE43817,
 *       {@code <<220571>>} in 09ULAANBAATAR234, {@code <_protect>} in 09MANAMA424 and a lone {@code <} before the REF
 *       line of 10MADRID87. The CSV lost these (its build stripped anything between {@code <} and {@code >}); they are
 *       cable text, so the page text differs from the CSV there on purpose.</li>
 * </ul>
 */
final class PageText {
    private PageText() {}

    /** Element names whose tags are markup. Others ({@code <<Israel>>}) are cable text. */
    private static final Set<String> ELEMENTS = Set.of("a", "abbr", "b", "big", "blockquote", "body", "br", "center",
            "code", "dd", "div", "dl", "dt", "em", "font", "h1", "h2", "h3", "h4", "h5", "h6", "hr", "html", "i", "img",
            "li", "ol", "p", "pre", "s", "small", "span", "strike", "strong", "sub", "sup", "table", "tbody", "td",
            "th", "thead", "tr", "tt", "u", "ul");
    /** A tag longer than this is not one: the {@code <} was text. */
    private static final int MAX_TAG = 400;

    /** The text of {@code html[from, to)}. */
    static String decode(String html, int from, int to) {
        StringBuilder out = new StringBuilder(to - from);
        int i = from;
        while (i < to) {
            char c = html.charAt(i);
            if (c == '<') {
                int tagEnd = tagEnd(html, i, to);
                if (tagEnd < 0) {
                    out.append(c);
                    i++;
                } else if (isNumberedPermalink(html, i, tagEnd)) {
                    i = afterClosingA(html, tagEnd, to);
                } else {
                    i = tagEnd;
                }
            } else if (c == '&') {
                int next = HtmlEntities.decode(html, i, to, out);
                if (next == i) {
                    out.append(c);
                    i++;
                } else {
                    i = next;
                }
            } else if (c == '\r' && i + 1 < to && html.charAt(i + 1) == '\n') {
                i++;
            } else {
                out.append(c);
                i++;
            }
        }
        return LineEnds.normalise(out);
    }

    /** The text of a top-box cell: tags dropped, references decoded, white space collapsed. */
    static String cell(String html, int from, int to) {
        String text = decode(html, from, to);
        StringBuilder out = new StringBuilder(text.length());
        boolean space = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isWhitespace(c) || c == '\u00a0') {
                space = out.length() > 0;
            } else {
                if (space) {
                    out.append(' ');
                    space = false;
                }
                out.append(c);
            }
        }
        return out.toString();
    }

    /**
     * If a tag of a known element starts at {@code html[lt] == '<'}, the index after its {@code >}; else -1.
     * Accepts {@code <br>}, {@code <br/>}, {@code </td>}, {@code <a href='..'>} and the {@code < /a>} of
     * 06BUENOSAIRES677.
     */
    private static int tagEnd(String html, int lt, int to) {
        int i = lt + 1;
        while (i < to && html.charAt(i) == ' ') {
            i++;
        }
        boolean closing = i < to && html.charAt(i) == '/';
        if (closing) {
            i++;
        } else if (i != lt + 1) {
            return -1; // "< b>" is text; only "< /a>" was seen as a broken tag
        }
        int nameStart = i;
        while (i < to && i - nameStart < 12 && isAsciiLetterOrDigit(html.charAt(i))) {
            i++;
        }
        if (i == nameStart || i >= to) {
            return -1;
        }
        String name = html.substring(nameStart, i).toLowerCase(Locale.ROOT);
        if (!ELEMENTS.contains(name)) {
            return -1;
        }
        char after = html.charAt(i);
        if (after != '>' && after != '/' && after != ' ' && after != '\t') {
            return -1;
        }
        int limit = Math.min(to, lt + MAX_TAG);
        for (int j = i; j < limit; j++) {
            char c = html.charAt(j);
            if (c == '>') {
                return j + 1;
            }
            if (c == '<' || c == '\n') {
                return -1;
            }
        }
        return -1;
    }

    /**
     * Whether the tag {@code html[lt, end)} is the permalink of a numbered paragraph,
     * {@code <a id='par2' href='#par2'>} (not {@code id='parB'}: the ¶ of a lettered REF item is cable text).
     */
    private static boolean isNumberedPermalink(String html, int lt, int end) {
        if (end - lt < 12 || html.charAt(lt + 1) != 'a') {
            return false;
        }
        int id = html.indexOf("id=", lt);
        if (id < 0 || id + 8 > end) {
            return false;
        }
        char quote = html.charAt(id + 3);
        return (quote == '\'' || quote == '"') && html.startsWith("par", id + 4)
                && Character.isDigit(html.charAt(id + 7));
    }

    /** After a permalink's opening tag: skips its ¶ and {@code </a>}, or only the tag if there is no close nearby. */
    private static int afterClosingA(String html, int from, int to) {
        int close = html.indexOf("</a>", from);
        // The anchor holds one ¶ (or &para; / &#182; in hand-made mirrors); never skip real text.
        if (close < 0 || close > to || close - from > 8) {
            return from;
        }
        return close + 4;
    }

    private static boolean isAsciiLetterOrDigit(char c) {
        return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9';
    }
}
