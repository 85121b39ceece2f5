package org.cablegate.core.parse;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.cablegate.core.model.ParseIssue;
import org.cablegate.core.model.Reference;

/**
 * Reads the value of a REF line into items, and each item into the cables it cites.
 *
 * <p>Items are lettered ({@code A.}, {@code A)}, {@code (A)}, in sequence; a doubled bullet {@code A. A) STATE 144222}
 * of 05MADRID3260 is one) or, without letters, separated by semicolons. A citation is an optional 2- or 4-digit year,
 * a place of one to four words, and a serial: {@code 08 MOSCOW 1234}, {@code RIO DE JAN 456}, {@code SECSTATE 22779},
 * {@code LIMA 4516 (06)}; {@code 09 FOO 12 AND 13} cites two cables. Without a year the cable's own year is meant.
 * Items that cite no cable (e-mails, telcons, meetings) are kept with an empty id.
 */
final class ReferenceParser {
    /**
     * A bullet: {@code A.} {@code A)} {@code (A)} after a space or at the start, before a space, the end, or glued to the
     * item: {@code (A)STATE 071143} (07STATE152317), {@code A)Brasilia 1073}, {@code A.BOGOTA 5486} (two capitals after
     * a dot, so that {@code U.S.} and {@code E.O.} stay words).
     */
    private static final Pattern BULLET = Pattern.compile(
            "(?<![^\\s;,:])(?:\\(([A-Za-z])\\)|([A-Z])[.)])(?=\\s|$|(?<=\\))[A-Za-z0-9]|(?<=\\.)[A-Z]{2})");
    private static final int MAX_SERIAL = 7;
    private static final Pattern YEAR_IN_BRACKETS = Pattern.compile("\\((\\d{2}|\\d{4})\\)");
    private static final Pattern GLUED_ID = Pattern.compile("(\\d{2})([A-Z]{3,})(\\d{1,7})");
    /**
     * An item that reads like a cable citation but did not resolve, its place in group 1: {@code SECDEF 31828}
     * (07ABUDHABI1479), {@code 08 FOOBAR 1234 (NOTAL)}.
     */
    private static final Pattern CITATION_LIKE = Pattern.compile(
            "(?:\\d{2,4}\\s+)?([A-Z][A-Z .]{2,25}?)\\s+\\d{2,7}(?:\\s*\\([A-Z ]+\\))?");
    private static final int MAX_PLACE_WORDS = 4;
    /**
     * Words of REF items that cite no cable: {@code 07 TELCON 12}, {@code POLOFF EMAIL 14}, a date
     * ({@code EMBASSY DAILY OF JANUARY 31}, 08LONDON630); no station to report.
     */
    private static final Pattern NOT_A_CABLE = Pattern.compile("(?i)\\b(?:TELCONS?|E-?MAILS?|MEMO|FAX|IIR|REPORTS?"
            + "|LETTER|MEETING|CALL|NOTE|POINTS|DAILY|JANUARY|FEBRUARY|MARCH|APRIL|MAY|JUNE|JULY|AUGUST|SEPTEMBER"
            + "|OCTOBER|NOVEMBER|DECEMBER)\\b");

    private ReferenceParser() {}

    /**
     * The cable whose REF line is read: its year and month, and its own station and serial (empty and -1 when its id
     * is malformed). A REF without a year means this year, unless that would name a later cable (see {@link #year}).
     */
    record Citing(int year, int month, String station, long serial) {
        /** A cable of {@code year} whose month, station and serial are not known: the year is taken as it is. */
        static Citing ofYear(int year) {
            return new Citing(year, 12, "", -1);
        }
    }

    /** {@link #parse(String, Citing, ReferenceIds, int, Issues)} for a cable of {@code cableYear}, all else unknown. */
    static List<Reference> parse(String value, int cableYear, ReferenceIds ids, int offset, Issues issues) {
        return parse(value, Citing.ofYear(cableYear), ids, offset, issues);
    }

    static List<Reference> parse(String value, Citing citing, ReferenceIds ids, int offset, Issues issues) {
        String text = Texts.collapse(value);
        // A page header inside the list, "HARARE 5346 CONFIDENTIAL / PAGE 02 HARARE 05461 01 OF 02 271458Z"
        // (00HARARE5461, 02ROME1196), is no item, and the list goes on after it.
        text = Layout.removePageHeaders(text);
        // "STATE 211901 NEW DELHI 00009127 001.2 OF 006" (05NEWDELHI9127): the page's section marker is no item.
        text = Layout.removeSectionMarkers(text);
        List<Reference> out = new ArrayList<>();
        List<int[]> bullets = bullets(text);
        if (bullets.isEmpty()) {
            for (String item : text.split(";")) {
                item(Texts.stripTrailing(item.strip(), ".,;:"), "", citing, ids, offset, issues, out);
            }
            return out;
        }
        String lead = Texts.stripTrailing(text.substring(0, bullets.get(0)[0]).strip(), ".,;:");
        if (!lead.isEmpty()) {
            item(lead, "", citing, ids, offset, issues, out);
        }
        for (int k = 0; k < bullets.size(); k++) {
            int[] b = bullets.get(k);
            int end = k + 1 < bullets.size() ? bullets.get(k + 1)[0] : text.length();
            String item = Texts.stripTrailing(text.substring(b[1], end).strip(), ",;:");
            item(item, String.valueOf((char) b[2]), citing, ids, offset, issues, out);
        }
        return out;
    }

    /** Bullets in letter order, each {start, end, letter}; a repeated letter right after its bullet is skipped. */
    private static List<int[]> bullets(String text) {
        List<int[]> out = new ArrayList<>();
        Matcher m = BULLET.matcher(text).useTransparentBounds(true);
        char expected = 'A';
        int lastEnd = -1;
        for (int at = nextBullet(text, 0, m); at >= 0; at = nextBullet(text, m.end(), m)) {
            String g = m.group(1) != null ? m.group(1) : m.group(2);
            char letter = Character.toUpperCase(g.charAt(0));
            if (letter == expected) {
                out.add(new int[] {m.start(), m.end(), letter});
                expected++;
                lastEnd = m.end();
            } else if (!out.isEmpty() && letter == expected - 1) {
                if (text.substring(lastEnd, m.start()).isBlank()) {
                    out.get(out.size() - 1)[1] = m.end(); // "A. A) STATE 144222"
                } else if (text.charAt(m.start()) == '(' && text.charAt(out.get(out.size() - 1)[0]) == '(') {
                    // "(A)STATE 118258, (B)STATE 146306, (B)STATE 178055" (07REYKJAVIK256): a letter typed twice.
                    out.add(new int[] {m.start(), m.end(), letter});
                }
                lastEnd = m.end();
            }
        }
        return out;
    }

    /**
     * What {@code m.find(from)} finds for {@link #BULLET}: tried only where a bullet's shape starts after a blank or
     * punctuation, not at every character (most are capitals, where the look-behind ran first).
     */
    private static int nextBullet(String text, int from, Matcher m) {
        for (int i = from; i < text.length(); i++) {
            if (mayBeBullet(text, i) && m.region(i, text.length()).lookingAt()) {
                return i;
            }
        }
        return -1;
    }

    /** {@code (A)}, {@code A.} or {@code A)} at {@code i}, at the start or after white space, ';', ',' or ':'. */
    private static boolean mayBeBullet(String text, int i) {
        if (i > 0) {
            char before = text.charAt(i - 1);
            if (!Texts.isRegexSpace(before) && before != ';' && before != ',' && before != ':') {
                return false;
            }
        }
        char c = text.charAt(i);
        if (c == '(') {
            return i + 2 < text.length() && isAsciiLetter(text.charAt(i + 1)) && text.charAt(i + 2) == ')';
        }
        return Texts.isUpperLetter(c) && i + 1 < text.length() && (text.charAt(i + 1) == '.' || text.charAt(i + 1) == ')');
    }

    private static boolean isAsciiLetter(char c) {
        return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z';
    }

    private static void item(String item, String bullet, Citing citing, ReferenceIds ids, int offset, Issues issues,
            List<Reference> out) {
        if (item.isEmpty()) {
            return;
        }
        List<String> cited = citations(item, citing, ids);
        if (cited.isEmpty()) {
            out.add(new Reference(bullet, "", item));
            Matcher like = CITATION_LIKE.matcher(item);
            if (like.matches() && ids.station(like.group(1)).isEmpty() && !NOT_A_CABLE.matcher(like.group(1)).find()) {
                // The station table holds every station of the 251,287 ids: a place outside it is a station the
                // set never heard from, or a short form still to learn. Said, never guessed.
                issues.add(ParseIssue.unknownStation(like.group(1).strip(), item, offset));
            }
            return;
        }
        for (String id : cited) {
            out.add(new Reference(bullet, id, item));
        }
    }

    /** The ids an item of a cable of {@code cableYear} cites, in order. */
    static List<String> citations(String item, int cableYear, ReferenceIds ids) {
        return citations(item, Citing.ofYear(cableYear), ids);
    }

    /** The ids an item cites, in order. */
    static List<String> citations(String item, Citing citing, ReferenceIds ids) {
        String[] words = item.split(" ");
        List<String> out = new ArrayList<>(2);
        boolean[] used = new boolean[words.length];
        for (int k = 0; k < words.length; k++) {
            String word = strip(words[k]);
            Matcher glued = mayBeGluedId(word) ? GLUED_ID.matcher(word) : null;
            if (glued != null && glued.matches()) {
                String id = ids.canonical(word);
                if (!id.equals(word) || ids.isStation(glued.group(2))) {
                    out.add(id);
                    used[k] = true;
                    continue;
                }
            }
            if (used[k]) {
                continue;
            }
            if (mayBeGluedPlace(word)) {
                // "BEIJING5237": the place and the serial without the space.
                int digits = word.length();
                while (Texts.isDigit(word.charAt(digits - 1))) {
                    digits--;
                }
                Optional<String> station = isSerial(word.substring(digits)) ? ids.station(word.substring(0, digits))
                        : Optional.empty();
                long serial = station.isPresent() ? Long.parseLong(word.substring(digits)) : 0;
                if (serial > 0) {
                    out.add(ReferenceIds.id(year(citing, station.get(), serial, ids), station.get(), serial));
                    used[k] = true;
                    continue;
                }
            }
            if (k == 0 || !isSerial(word)) {
                continue;
            }
            long serial = Long.parseLong(word);
            if (serial == 0) {
                continue;
            }
            if (!cite(words, used, k, k, serial, citing, ids, out) && k >= 2 && isCountryCode(words[k - 1])) {
                // "MADRID SP 0307", "USDAO DUBLIN EI U-0011-06": a country code between the place and the serial.
                cite(words, used, k - 1, k, serial, citing, ids, out);
            }
        }
        return out;
    }

    /**
     * Cites {@code serial} (the word at {@code k}) from the longest run of words ending before {@code placeEnd} that
     * names a station, with the year written before the place or after the serial, and the further serials of the same
     * place after it; false if no run names a station.
     */
    private static boolean cite(String[] words, boolean[] used, int placeEnd, int k, long serial, Citing citing,
            ReferenceIds ids, List<String> out) {
        for (int n = Math.min(MAX_PLACE_WORDS, placeEnd); n >= 1; n--) {
            if (anyUsedOrNumeric(words, used, placeEnd - n, placeEnd)) {
                continue;
            }
            Optional<String> found = ids.station(join(words, placeEnd - n, placeEnd));
            if (found.isEmpty()) {
                continue;
            }
            String station = found.get();
            int year = -1;
            int before = placeEnd - n - 1;
            if (before >= 0 && !used[before] && isYear(strip(words[before]))) {
                year = Integer.parseInt(strip(words[before]));
                used[before] = true;
            } else if (k + 1 < words.length) {
                Matcher y = YEAR_IN_BRACKETS.matcher(words[k + 1]);
                if (y.lookingAt()) {
                    year = Integer.parseInt(y.group(1));
                    used[k + 1] = true;
                }
            }
            for (int x = placeEnd - n; x <= k; x++) {
                used[x] = true;
            }
            if (year < 0 && isItself(citing, station, serial)) {
                // The cable's own header copied into the REF line ("... 04BRUSSELS4944 ... BRUSSELS 004944").
                return true;
            }
            out.add(ReferenceIds.id(year >= 0 ? year : year(citing, station, serial, ids), station, serial));
            // "09 FOO 12 AND 13", "STATE 1234, 5678": the next numbers are the same place and year.
            int j = k + 1;
            String last = words[k];
            while (j < words.length) {
                int next;
                if (j + 1 < words.length && (words[j].equalsIgnoreCase("AND") || words[j].equals("&"))) {
                    next = j + 1;
                } else if (last.endsWith(",")) {
                    next = j;
                } else {
                    break;
                }
                String w = strip(words[next]);
                boolean wordAfter = next + 1 < words.length && !words[next + 1].isEmpty()
                        && Character.isLetter(words[next + 1].charAt(0)) && !words[next + 1].equalsIgnoreCase("AND");
                // After a comma a year may open the next item: "05 ROME 2543, 03 VAT 4859" (05VATICAN514).
                if (!isSerial(w) || followedByPlace(words, next + 1, ids)
                        || next == j && (wordAfter && (w.length() == 2 || isYear(w)) || w.length() == 4 && isYear(w)
                                && next + 1 == words.length)) {
                    break;
                }
                long more = Long.parseLong(w);
                if (more > 0) {
                    out.add(ReferenceIds.id(year >= 0 ? year : year(citing, station, more, ids), station, more));
                }
                for (int x = j; x <= next; x++) {
                    used[x] = true;
                }
                last = words[next];
                j = next + 1;
            }
            return true;
        }
        return false;
    }

    /**
     * The year a REF without one means: the citing cable's, unless that names a cable created after it. A cable cannot
     * cite a later one: 09TRIPOLI2 (January 2009) cites "TRIPOLI 870", and 09TRIPOLI870 is of October 2009, so
     * 08TRIPOLI870 is meant. A station numbers its cables in order through the year, so a serial of the citing cable's
     * own station above its own is of the year before; with the whole set's id list ({@link KnownIds}), so is
     * an id known to be created in a later month.
     */
    static int year(Citing citing, String station, long serial, ReferenceIds ids) {
        if (citing.serial() > 0 && station.equals(citing.station()) && serial > citing.serial()) {
            return citing.year() - 1;
        }
        OptionalInt month = ids.knownIds().month(ReferenceIds.id(citing.year(), station, serial));
        if (month.isPresent() && month.getAsInt() > citing.month()) {
            return citing.year() - 1;
        }
        return citing.year();
    }

    /** Whether a REF without a year names the citing cable itself. */
    private static boolean isItself(Citing citing, String station, long serial) {
        return serial == citing.serial() && station.equals(citing.station());
    }

    /** Two capitals: a country code written after a place ({@code MADRID SP}). */
    private static boolean isCountryCode(String word) {
        return word.length() == 2 && Texts.isUpperLetter(word.charAt(0)) && Texts.isUpperLetter(word.charAt(1));
    }

    /** Whether a word can be a place glued to its serial ({@code BEIJING5237}): capitals, then digits at the end. */
    private static boolean mayBeGluedPlace(String word) {
        return word.length() >= 5 && Texts.isUpperLetter(word.charAt(0)) && Texts.isUpperLetter(word.charAt(1))
                && Texts.isDigit(word.charAt(word.length() - 1));
    }

    private static boolean followedByPlace(String[] words, int k, ReferenceIds ids) {
        return k < words.length && !isSerial(strip(words[k])) && ids.station(strip(words[k])).isPresent()
                && k + 1 < words.length && isSerial(strip(words[k + 1]));
    }

    /**
     * Whether a word is 1-7 digits, {@code \d{1,7}}, or eight with a leading zero ({@code RECIFE 00000074}, the
     * eight-digit serial of the section markers); by hand, as it is asked of every word of every REF item.
     */
    private static boolean isSerial(String word) {
        if (word.isEmpty() || word.length() > MAX_SERIAL + 1 || word.length() > MAX_SERIAL && word.charAt(0) != '0') {
            return false;
        }
        for (int i = 0; i < word.length(); i++) {
            if (!Texts.isDigit(word.charAt(i))) {
                return false;
            }
        }
        return true;
    }

    /** Whether a word can be a glued id ({@link #GLUED_ID}): two digits, then a capital. */
    private static boolean mayBeGluedId(String word) {
        return word.length() >= 6 && Texts.isDigit(word.charAt(0)) && Texts.isDigit(word.charAt(1))
                && Texts.isUpperLetter(word.charAt(2));
    }

    private static boolean anyUsedOrNumeric(String[] words, boolean[] used, int from, int to) {
        for (int i = from; i < to; i++) {
            if (used[i] || words[i].isEmpty() || !Character.isLetter(words[i].charAt(0))) {
                return true;
            }
        }
        return false;
    }

    private static boolean isYear(String word) {
        return (word.length() == 2 || word.length() == 4 && (word.startsWith("19") || word.startsWith("20")))
                && isSerial(word);
    }

    private static String join(String[] words, int from, int to) {
        StringBuilder sb = new StringBuilder();
        for (int i = from; i < to; i++) {
            sb.append(strip(words[i])).append(' ');
        }
        return sb.toString();
    }

    /** A word without the punctuation around it: {@code 1234,} → {@code 1234}. */
    private static String strip(String word) {
        int s = 0;
        int e = word.length();
        while (s < e && "(\"'".indexOf(word.charAt(s)) >= 0) {
            s++;
        }
        while (e > s && ".,;:)\"'".indexOf(word.charAt(e - 1)) >= 0) {
            e--;
        }
        return word.substring(s, e);
    }
}
