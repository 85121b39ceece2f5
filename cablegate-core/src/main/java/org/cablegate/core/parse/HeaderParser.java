package org.cablegate.core.parse;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.cablegate.core.model.Header;
import org.cablegate.core.model.ParseIssue;
import org.cablegate.core.model.Recipient;

/**
 * Reads the routing header: transmission id, date-time group, FM, and the TO/INFO recipients one a line.
 *
 * <p>Recipients are read only after the FM line (or the date-time group): the State distribution block of older
 * cables also starts with {@code INFO} ({@code INFO  LOG-00 ADS-00 ...} in 90CAPETOWN97) and names offices, not
 * addressees.
 */
final class HeaderParser {
    private static final Pattern TRANSMISSION = Pattern.compile("VZCZC[A-Z0-9]*");
    /** {@code O 101120Z JUN 08}; {@code P R 281848Z DEC 66} (action and info precedence) in 66BUENOSAIRES2481. */
    private static final Pattern DTG = Pattern.compile("([ZOPR])(?:\\s+[ZOPR])?\\s+(\\d{6}Z\\s+[A-Z]{3}\\s+\\d{2}(?:\\d{2})?)\\b.*");
    private static final Pattern FM = Pattern.compile("FM\\s+(\\S.*)");
    /** {@code TO RUEHC/...}; also glued {@code TORUEHC/SECSTATE} in 08ECTION01OF02MANAMA492. */
    private static final Pattern TO = Pattern.compile("TO(?:\\s+|(?=[A-Z]{4,8}/))(\\S.*)");
    private static final Pattern INFO = Pattern.compile("INFO\\s+(\\S.*)");
    /** {@code PAGE 02 MOSCOW 01647 101120Z}: a page break of the teletype copy inside the recipient list. */
    private static final Pattern PAGE = Pattern.compile("PAGE\\s+\\d{2,3}\\b.*");
    private static final Pattern CLASSIFICATION_LINE = Pattern.compile(
            "(?:UNCLAS(?:SIFIED)?|CONFIDENTIAL|SECRET|LIMITED OFFICIAL USE|C O N F I D E N T I A L|S E C R E T)(?:\\s.*)?");

    /** The header and whether the record says it is a partial extract. */
    record Result(Header header, boolean partial) {}

    /** XMT: the lines name posts left out of the collective above, not addressees. */
    private enum Mode { NONE, TO, INFO, XMT }

    /** {@code XMT AMCONSUL JOHANNESBURG}, {@code XMT/AMEMBASSY KHARTOUM}: the first post a collective leaves out. */
    private static final Pattern XMT = Pattern.compile("XMT(?:[ \\t]+|/)(\\S.*)");

    private HeaderParser() {}

    static Result parse(String text, Issues issues) {
        boolean partial = text.contains("partial extract of the original cable");
        Lines lines = new Lines(text);
        String transmission = "";
        String precedence = "";
        String dtg = "";
        String from = "";
        List<Recipient> to = new ArrayList<>();
        List<Recipient> info = new ArrayList<>();
        Mode mode = Mode.NONE;
        Mode listMode = Mode.NONE;
        boolean addressed = false;
        for (int i = 0; i < lines.count(); i++) {
            String line = lines.line(i).strip();
            if (line.isEmpty()) {
                continue;
            }
            // Each regex only where the line starts as it must: most header lines are addressees.
            if (transmission.isEmpty() && line.startsWith("VZCZC") && TRANSMISSION.matcher(line).matches()) {
                transmission = line;
                continue;
            }
            Matcher m;
            if (dtg.isEmpty() && mayBeDtg(line) && (m = DTG.matcher(line)).matches()) {
                precedence = m.group(1);
                dtg = Texts.collapse(m.group(2));
                addressed = true;
                mode = Mode.NONE;
                continue;
            }
            if (from.isEmpty() && line.startsWith("FM") && (m = FM.matcher(line)).matches()) {
                from = Texts.collapse(m.group(1));
                addressed = true;
                mode = Mode.NONE;
                continue;
            }
            if (!addressed) {
                continue;
            }
            if (line.startsWith("TO") && (m = TO.matcher(line)).matches()) {
                mode = Mode.TO;
                // "TO PAGE 02 STATE 015113 182333Z" / "ALL DIPLOMATIC POSTS COLLECTIVE PRIORITY" (09STATE15113): the
                // page break of the teletype copy, the addressees after it.
                if (!isPageBreak(m.group(1))) {
                    add(m.group(1), to);
                }
                continue;
            }
            if (line.startsWith("INFO") && (m = INFO.matcher(line)).matches()) {
                mode = Mode.INFO;
                if (!isPageBreak(m.group(1))) {
                    add(m.group(1), info);
                }
                continue;
            }
            if (line.startsWith("XMT") && (m = XMT.matcher(line)).matches()) {
                listMode = mode == Mode.XMT ? listMode : mode;
                mode = Mode.XMT;
                exclude(Texts.collapse(m.group(1)), to, info);
                continue;
            }
            if (line.equals("BT") || line.equals("NNNN")) {
                mode = Mode.NONE;
                continue;
            }
            // Page breaks sit inside lists without ending them.
            if (isPageBreak(line) || mayBeClassification(line) && CLASSIFICATION_LINE.matcher(line).matches()) {
                continue;
            }
            if (mode == Mode.TO) {
                add(line, to);
            } else if (mode == Mode.INFO) {
                add(line, info);
            } else if (mode == Mode.XMT && hasRoute(line)) {
                // "XMT AMCONSUL VLADIVOSTOK" / "RUEKJCS/SECDEF WASHDC IMMEDIATE": a routed line is an addressee again.
                mode = listMode;
                add(line, mode == Mode.TO ? to : info);
            } else if (mode == Mode.XMT) {
                exclude(Texts.collapse(line), to, info);
            }
        }
        if (!text.isBlank() && !partial) {
            if (dtg.isEmpty()) {
                issues.add(ParseIssue.Kind.HEADER, "no date-time group line (like O 101120Z JUN 08)", -1);
            }
            if (from.isEmpty()) {
                issues.add(ParseIssue.Kind.HEADER, "no FM line", -1);
            }
        }
        return new Result(new Header(transmission, precedence, dtg, from, to, info), partial);
    }

    /** Whether a line opens with a routing indicator and its slash: {@code RUEKJCS/SECDEF WASHDC}. */
    private static boolean hasRoute(String line) {
        int slash = line.indexOf('/');
        if (slash < 3 || slash > 8) {
            return false;
        }
        for (int i = 0; i < slash; i++) {
            char c = line.charAt(i);
            if (!(c >= 'A' && c <= 'Z' || Texts.isDigit(c))) {
                return false;
            }
        }
        return true;
    }

    private static boolean isPageBreak(String line) {
        return line.startsWith("PAGE") && PAGE.matcher(line).matches();
    }

    /**
     * Records {@code post} as left out of the collective above the XMT line: the last recipient whose name is a
     * collective ({@code SECURITY OFFICER COLLECTIVE} in 08STATE116943), in INFO or else in TO; the last recipient
     * when none is.
     */
    private static void exclude(String post, List<Recipient> to, List<Recipient> info) {
        if (post.isEmpty()) {
            return;
        }
        for (List<Recipient> list : List.of(info, to)) {
            for (int k = list.size() - 1; k >= 0; k--) {
                if (list.get(k).name().contains("COLLECTIVE")) {
                    list.set(k, list.get(k).excluding(post));
                    return;
                }
            }
        }
        List<Recipient> last = !info.isEmpty() ? info : to;
        if (!last.isEmpty()) {
            last.set(last.size() - 1, last.get(last.size() - 1).excluding(post));
        }
    }

    private static void add(String line, List<Recipient> list) {
        Recipient recipient = RecipientLine.read(line.strip());
        if (recipient != null) {
            list.add(recipient);
        }
    }

    /** {@code O 101120Z ...}: a precedence letter, then a blank ({@code \s}, as the regex has it). */
    private static boolean mayBeDtg(String line) {
        char c = line.charAt(0);
        return (c == 'Z' || c == 'O' || c == 'P' || c == 'R') && line.length() > 1 && Texts.isRegexSpace(line.charAt(1));
    }

    private static boolean mayBeClassification(String line) {
        char c = line.charAt(0);
        return c == 'U' || c == 'C' || c == 'S' || c == 'L';
    }
}
