package org.cablegate.core.model;

import java.util.regex.Pattern;

/**
 * The one rule for line ends in a {@link org.cablegate.core.model.SourceCable}: {@code \n}. A run of carriage returns
 * before a line feed is one line end: a text converted to Windows line ends twice has {@code \r\r\n}, and replacing
 * {@code \r\n} once left {@code \r\n} in it, which the next reader (a {@code cables.csv} written back) read as a line
 * end of its own (SitePageFuzzTest, seed cr-runs-before-lf.html). A carriage return alone stays.
 *
 * <p>{@link SourceCable} applies it to its header and body, whoever builds one; the readers apply it to every field
 * they read. The hour of fuzzing (issue 13) found a cable built with {@code \r…\r\n} in its body, which parsed one
 * way as given and another once written as CSV and read back (CableParserFuzzTest, seed nul-and-soh.txt).
 */
public final class LineEnds {
    private static final Pattern CR_BEFORE_LF = Pattern.compile("\r+\n");

    private LineEnds() {}

    public static String normalise(CharSequence text) {
        String s = text.toString();
        return s.indexOf('\r') < 0 ? s : CR_BEFORE_LF.matcher(s).replaceAll("\n");
    }
}
