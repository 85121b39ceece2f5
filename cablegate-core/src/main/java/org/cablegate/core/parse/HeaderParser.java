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

    private enum Mode { NONE, TO, INFO }

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
                add(m.group(1), to);
                continue;
            }
            if (line.startsWith("INFO") && (m = INFO.matcher(line)).matches()) {
                mode = Mode.INFO;
                add(m.group(1), info);
                continue;
            }
            if (line.equals("BT") || line.equals("NNNN")) {
                mode = Mode.NONE;
                continue;
            }
            // Page breaks and XMT (posts left out of a collective) sit inside lists without ending them.
            if (line.startsWith("PAGE") && PAGE.matcher(line).matches() || line.startsWith("XMT")
                    || mayBeClassification(line) && CLASSIFICATION_LINE.matcher(line).matches()) {
                continue;
            }
            if (mode == Mode.TO) {
                add(line, to);
            } else if (mode == Mode.INFO) {
                add(line, info);
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
