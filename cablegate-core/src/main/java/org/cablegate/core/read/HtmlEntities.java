package org.cablegate.core.read;

import java.nio.charset.Charset;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Decodes HTML character references the way an HTML5 browser does in text: numeric ({@code &#x000A;}, {@code &#10},
 * semicolon optional), the 252 named entities of HTML 4 (plus {@code &apos;}), and the legacy names that need no
 * semicolon, by longest prefix ({@code &note} is {@code ¬e}). An unknown reference stays text.
 *
 * <p>Why the legacy rule: the page builds escaped nothing but newlines, so a cable's own {@code &} is raw in the page,
 * and {@code cables.csv} was made with these rules: 07SAOPAULO601 reads {@code a ¬e of protest} in the CSV where the
 * page has {@code a &note of protest}, 08ASTANA338 {@code £ing} for {@code &pounding}, 08BEIRUT523 {@code ¢rales}.
 * Decoding the same way makes the page text equal the CSV text.
 */
final class HtmlEntities {
    private HtmlEntities() {}

    private static final Map<String, Integer> NAMED = new HashMap<>(512);
    private static final Map<String, Integer> LEGACY = new HashMap<>(256);
    private static final Charset WINDOWS_1252 = Charset.forName("windows-1252");

    static {
        Object[] table = {
            "AElig", 198, "Aacute", 193, "Acirc", 194, "Agrave", 192, "Alpha", 913, "Aring", 197, "Atilde", 195,
            "Auml", 196, "Beta", 914, "Ccedil", 199, "Chi", 935, "Dagger", 8225, "Delta", 916, "ETH", 208,
            "Eacute", 201, "Ecirc", 202, "Egrave", 200, "Epsilon", 917, "Eta", 919, "Euml", 203, "Gamma", 915,
            "Iacute", 205, "Icirc", 206, "Igrave", 204, "Iota", 921, "Iuml", 207, "Kappa", 922, "Lambda", 923,
            "Mu", 924, "Ntilde", 209, "Nu", 925, "OElig", 338, "Oacute", 211, "Ocirc", 212, "Ograve", 210,
            "Omega", 937, "Omicron", 927, "Oslash", 216, "Otilde", 213, "Ouml", 214, "Phi", 934, "Pi", 928,
            "Prime", 8243, "Psi", 936, "Rho", 929, "Scaron", 352, "Sigma", 931, "THORN", 222, "Tau", 932,
            "Theta", 920, "Uacute", 218, "Ucirc", 219, "Ugrave", 217, "Upsilon", 933, "Uuml", 220, "Xi", 926,
            "Yacute", 221, "Yuml", 376, "Zeta", 918, "aacute", 225, "acirc", 226, "acute", 180, "aelig", 230,
            "agrave", 224, "alefsym", 8501, "alpha", 945, "amp", 38, "and", 8743, "ang", 8736, "aring", 229,
            "asymp", 8776, "atilde", 227, "auml", 228, "bdquo", 8222, "beta", 946, "brvbar", 166, "bull", 8226,
            "cap", 8745, "ccedil", 231, "cedil", 184, "cent", 162, "chi", 967, "circ", 710, "clubs", 9827,
            "cong", 8773, "copy", 169, "crarr", 8629, "cup", 8746, "curren", 164, "dArr", 8659, "dagger", 8224,
            "darr", 8595, "deg", 176, "delta", 948, "diams", 9830, "divide", 247, "eacute", 233, "ecirc", 234,
            "egrave", 232, "empty", 8709, "emsp", 8195, "ensp", 8194, "epsilon", 949, "equiv", 8801, "eta", 951,
            "eth", 240, "euml", 235, "euro", 8364, "exist", 8707, "fnof", 402, "forall", 8704, "frac12", 189,
            "frac14", 188, "frac34", 190, "frasl", 8260, "gamma", 947, "ge", 8805, "gt", 62, "hArr", 8660,
            "harr", 8596, "hearts", 9829, "hellip", 8230, "iacute", 237, "icirc", 238, "iexcl", 161, "igrave", 236,
            "image", 8465, "infin", 8734, "int", 8747, "iota", 953, "iquest", 191, "isin", 8712, "iuml", 239,
            "kappa", 954, "lArr", 8656, "lambda", 955, "lang", 9001, "laquo", 171, "larr", 8592, "lceil", 8968,
            "ldquo", 8220, "le", 8804, "lfloor", 8970, "lowast", 8727, "loz", 9674, "lrm", 8206, "lsaquo", 8249,
            "lsquo", 8216, "lt", 60, "macr", 175, "mdash", 8212, "micro", 181, "middot", 183, "minus", 8722,
            "mu", 956, "nabla", 8711, "nbsp", 160, "ndash", 8211, "ne", 8800, "ni", 8715, "not", 172, "notin", 8713,
            "nsub", 8836, "ntilde", 241, "nu", 957, "oacute", 243, "ocirc", 244, "oelig", 339, "ograve", 242,
            "oline", 8254, "omega", 969, "omicron", 959, "oplus", 8853, "or", 8744, "ordf", 170, "ordm", 186,
            "oslash", 248, "otilde", 245, "otimes", 8855, "ouml", 246, "para", 182, "part", 8706, "permil", 8240,
            "perp", 8869, "phi", 966, "pi", 960, "piv", 982, "plusmn", 177, "pound", 163, "prime", 8242,
            "prod", 8719, "prop", 8733, "psi", 968, "quot", 34, "rArr", 8658, "radic", 8730, "rang", 9002,
            "raquo", 187, "rarr", 8594, "rceil", 8969, "rdquo", 8221, "real", 8476, "reg", 174, "rfloor", 8971,
            "rho", 961, "rlm", 8207, "rsaquo", 8250, "rsquo", 8217, "sbquo", 8218, "scaron", 353, "sdot", 8901,
            "sect", 167, "shy", 173, "sigma", 963, "sigmaf", 962, "sim", 8764, "spades", 9824, "sub", 8834,
            "sube", 8838, "sum", 8721, "sup", 8835, "sup1", 185, "sup2", 178, "sup3", 179, "supe", 8839,
            "szlig", 223, "tau", 964, "there4", 8756, "theta", 952, "thetasym", 977, "thinsp", 8201, "thorn", 254,
            "tilde", 732, "times", 215, "trade", 8482, "uArr", 8657, "uacute", 250, "uarr", 8593, "ucirc", 251,
            "ugrave", 249, "uml", 168, "upsih", 978, "upsilon", 965, "uuml", 252, "weierp", 8472, "xi", 958,
            "yacute", 253, "yen", 165, "yuml", 255, "zeta", 950, "zwj", 8205, "zwnj", 8204
        };
        for (int i = 0; i < table.length; i += 2) {
            NAMED.put((String) table[i], (Integer) table[i + 1]);
        }
        // XHTML has &apos; though HTML 4 does not.
        NAMED.put("apos", (int) '\'');
        // The names HTML5 also takes without a semicolon: those of Latin-1, and six in capitals.
        for (Map.Entry<String, Integer> entry : NAMED.entrySet()) {
            if (entry.getValue() < 256 && !entry.getKey().equals("apos")) {
                LEGACY.put(entry.getKey(), entry.getValue());
            }
        }
        for (String name : new String[] {"AMP", "COPY", "GT", "LT", "QUOT", "REG"}) {
            LEGACY.put(name, NAMED.get(name.toLowerCase(Locale.ROOT)));
        }
        NAMED.putAll(Map.of("AMP", (int) '&', "COPY", 169, "GT", (int) '>', "LT", (int) '<', "QUOT", (int) '"',
                "REG", 174));
    }

    /** The longest name that may be given without a semicolon ({@code frac12}, {@code middot}). */
    private static final int LONGEST_LEGACY = 6;
    /** HTML5 takes up to 32 name characters before giving up on a reference. */
    private static final int LONGEST_NAME = 32;

    /**
     * Decodes the reference at {@code text[start] == '&'} (ending before {@code end}) into {@code out}. Returns the
     * index after the reference, or {@code start} if there is none (the caller then copies the {@code &} as text).
     */
    static int decode(CharSequence text, int start, int end, StringBuilder out) {
        if (start + 1 >= end) {
            return start;
        }
        if (text.charAt(start + 1) == '#') {
            return numeric(text, start, end, out);
        }
        int i = start + 1;
        int max = Math.min(end, start + 1 + LONGEST_NAME);
        while (i < max && isNameChar(text.charAt(i))) {
            i++;
        }
        if (i == start + 1) {
            return start;
        }
        if (i < end && text.charAt(i) == ';') {
            Integer named = NAMED.get(text.subSequence(start + 1, i).toString());
            if (named != null) {
                out.appendCodePoint(named);
                return i + 1;
            }
        }
        int nameEnd = i < end && text.charAt(i) == ';' ? i + 1 : i;
        // A legacy name on its own: "&not " or "&pound" at the end of the text.
        if (nameEnd == i) {
            Integer whole = LEGACY.get(text.subSequence(start + 1, i).toString());
            if (whole != null) {
                out.appendCodePoint(whole);
                return i;
            }
        }
        // No full match: the longest legacy name the text starts with, shorter than what was read (as HTML5 does).
        for (int x = Math.min(nameEnd - start - 2, LONGEST_LEGACY); x >= 2; x--) {
            Integer legacy = LEGACY.get(text.subSequence(start + 1, start + 1 + x).toString());
            if (legacy != null) {
                out.appendCodePoint(legacy);
                return start + 1 + x;
            }
        }
        return start;
    }

    /** Name characters as HTML5 scans them: anything but white space, {@code <}, {@code &}, {@code #} and {@code ;}. */
    private static boolean isNameChar(char c) {
        return c != '\t' && c != '\n' && c != '\f' && c != ' ' && c != '<' && c != '&' && c != '#' && c != ';';
    }

    /** Decodes every reference in {@code text}. */
    static String decodeAll(String text) {
        int amp = text.indexOf('&');
        if (amp < 0) {
            return text;
        }
        StringBuilder out = new StringBuilder(text.length());
        int i = 0;
        while (amp >= 0) {
            out.append(text, i, amp);
            int next = decode(text, amp, text.length(), out);
            if (next == amp) {
                out.append('&');
                next = amp + 1;
            }
            i = next;
            amp = text.indexOf('&', i);
        }
        return out.append(text, i, text.length()).toString();
    }

    private static int numeric(CharSequence text, int start, int end, StringBuilder out) {
        int i = start + 2;
        int radix = 10;
        if (i < end && (text.charAt(i) == 'x' || text.charAt(i) == 'X')) {
            radix = 16;
            i++;
        }
        int digitsStart = i;
        long value = 0;
        while (i < end && Character.digit(text.charAt(i), radix) >= 0 && text.charAt(i) < 128) {
            value = Math.min(value * radix + Character.digit(text.charAt(i), radix), Integer.MAX_VALUE);
            i++;
        }
        if (i == digitsStart) {
            return start;
        }
        if (i < end && text.charAt(i) == ';') {
            i++;
        }
        appendNumeric((int) value, out);
        return i;
    }

    /** As HTML5: 0x80–0x9F are windows-1252, NUL and non-characters become U+FFFD, other controls vanish. */
    private static void appendNumeric(int value, StringBuilder out) {
        if (value == 0 || value >= 0xD800 && value <= 0xDFFF || value > Character.MAX_CODE_POINT) {
            out.append('\uFFFD');
        } else if (value >= 0x80 && value <= 0x9F) {
            String decoded = new String(new byte[] {(byte) value}, WINDOWS_1252);
            out.append(decoded);
        } else if (value < 0x20 && value != '\t' && value != '\n' && value != '\f' && value != '\r' || value == 0x7F) {
            return;
        } else {
            out.appendCodePoint(value);
        }
    }
}
