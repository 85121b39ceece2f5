package org.cablegate.core.read;

import java.time.LocalDateTime;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.cablegate.core.model.SourceCable;
import org.cablegate.core.model.SourceFormat;

/**
 * Reads one cable quoted as plain text, the way articles and the original viewer's page show it:
 *
 * <pre>
 * Reference ID: 08MOSCOW1647            optional metadata, one "Key: value" a line; keys Reference ID (or ID),
 * Created: 2008-06-10 11:11             Created, Released, Classification, Origin, any case; dates as
 * Released: 2011-02-01 21:09            2008-06-10 11:11 or as in cables.csv, 6/10/2008 11:11
 * Classification: SECRET
 * Origin: Embassy Moscow
 *
 * VZCZCXYZ0000                          the header (routing) lines
 * O 101120Z JUN 08
 * FM AMEMBASSY MOSCOW
 *
 * S E C R E T MOSCOW 001647             the body, from the classification banner to the end
 * ...
 * </pre>
 *
 * The metadata may instead be the top-box row as copied from a site page,
 * {@code 08MOSCOW1647 2008-06-10 11:11 2011-02-01 21:09 SECRET Embassy Moscow}, optionally under its heading row
 * {@code Reference ID Created Released Classification Origin} (that is how {@code seed/cable-viewer-page.txt} quotes
 * 08MOSCOW1647).
 *
 * <p>The body starts at the first classification banner ({@link Banner}); the lines before it are the header. The seed
 * page has no blank line between them, and a header can hold blank lines itself (08MOSCOW1647: {@code OO RUEHWEB},
 * blank, {@code DE RUEHMO}), so the banner is the boundary, not the blank line. Without a banner, the first blank line
 * ends the header if the text opens with routing lines; otherwise it is all body.
 *
 * <p>What the metadata does not give is derived: the id from the banner's station and serial and the two-digit year
 * of the date-time group ({@code S E C R E T MOSCOW 001647} + {@code 101120Z JUN 08} = {@code 08MOSCOW1647}), the
 * creation time from the date-time group, the classification from the banner (with {@code //NOFORN} when a
 * {@code NOFORN} line follows it). Origin stays empty: the parser derives it from the FM line.
 */
final class PlainTextCable {
    private PlainTextCable() {}

    sealed interface Result permits Read, Rejected {}

    record Read(SourceCable cable) implements Result {}

    record Rejected(String reason) implements Result {}

    private static final Pattern KEY_LINE = Pattern.compile(
            "^\\s*(reference id|ref id|id|created|released|classification|origin)\\s*:\\s*(.*?)\\s*$",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern START_KEY =
            Pattern.compile("^\\s*(reference id|ref id)\\s*:", Pattern.CASE_INSENSITIVE);
    private static final Pattern REFERENCE_ID = Pattern.compile("\\d\\d[A-Z][A-Z0-9]*");
    private static final String TIME = "\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d";
    private static final Pattern TOP_BOX_ROW = Pattern.compile("^\\s*(\\d\\d[A-Z0-9]+)\\s+(" + TIME + ")\\s+(?:(" + TIME
            + ")\\s+)?(UNCLASSIFIED//FOR OFFICIAL USE ONLY|CONFIDENTIAL//NOFORN|SECRET//NOFORN|UNCLASSIFIED"
            + "|CONFIDENTIAL|SECRET)\\s+(\\S.*?)\\s*$");
    private static final Pattern TOP_BOX_HEADING =
            Pattern.compile("^\\s*Reference ID\\s+Created\\s+Released\\s+Classification\\s+Origin\\s*$");
    /** Lines a routing header opens with: VZCZC, a precedence and DTG, DE, FM, or the partial-extract notice. */
    private static final Pattern ROUTING = Pattern.compile(
            "^(VZCZC|[ZOPR]{1,2} \\d{6}Z|DE [A-Z]{5}|FM |ZNY |ZNR |This record is a partial extract)");
    private static final int NOFORN_WINDOW = 12;

    /** Whether {@code line} opens a metadata block, and so a new cable in a file of several. */
    static boolean startsCable(String line) {
        return START_KEY.matcher(line).find() || TOP_BOX_ROW.matcher(line).matches()
                || TOP_BOX_HEADING.matcher(line).matches();
    }

    /** Whether {@code line} is a metadata line (a key line or a top-box row or heading). */
    static boolean isMetadata(String line) {
        return new Metadata().take(line);
    }

    /** Reads the lines of one cable; {@code location} names it. */
    static Result parse(List<String> lines, String location) {
        Metadata meta = new Metadata();
        int i = 0;
        // Metadata, at the top only: a body line "id: 2745" (04BOGOTA2313 has one) must stay body.
        while (i < lines.size()) {
            String line = lines.get(i);
            if (line.isBlank() && !meta.any()) {
                i++;
                continue;
            }
            if (!meta.take(line)) {
                break;
            }
            i++;
        }
        while (i < lines.size() && lines.get(i).isBlank()) {
            i++;
        }
        List<String> text = lines.subList(i, trimEnd(lines, i));
        int bodyStart = -1;
        Optional<Banner> banner = Optional.empty();
        for (int j = 0; j < text.size() && banner.isEmpty(); j++) {
            banner = Banner.parse(text.get(j));
            bodyStart = j;
        }
        if (banner.isEmpty()) {
            bodyStart = !text.isEmpty() && ROUTING.matcher(text.get(0)).find() ? firstBlank(text) : 0;
        }
        String header = String.join("\n", text.subList(0, trimEnd(text.subList(0, bodyStart), 0)));
        String body = String.join("\n", text.subList(Math.min(bodyStart + (banner.isEmpty() && bodyStart > 0 ? 1 : 0),
                text.size()), text.size()));
        if (header.isBlank() && body.isBlank()) {
            return new Rejected("no cable text");
        }

        Optional<Dtg> dtg = Dtg.find(header).or(() -> Dtg.find(body));
        String id = meta.id;
        if (id.isEmpty()) {
            id = derivedId(banner, header + "\n" + body, dtg, meta.created);
        }
        if (id.isEmpty()) {
            return new Rejected("no reference id: no 'Reference ID:' line, and no classification banner with station"
                    + " and serial plus a date-time group (S E C R E T MOSCOW 001647 + 101120Z JUN 08) to derive it");
        }
        Optional<LocalDateTime> created = meta.created.or(() -> dtg.map(Dtg::time));
        if (created.isEmpty()) {
            return new Rejected("no creation time for " + id + ": no 'Created:' line and no date-time group");
        }
        String classification = meta.classification;
        if (classification.isEmpty() && banner.isPresent()) {
            classification = banner.get().classification() + (noforn(text, bodyStart) ? "//NOFORN" : "");
        }
        return new Read(new SourceCable(id, created.get(), meta.released, classification, meta.origin, header, body,
                SourceFormat.PLAIN_TEXT, location));
    }

    private static String derivedId(Optional<Banner> banner, String text, Optional<Dtg> dtg,
            Optional<LocalDateTime> created) {
        Optional<String> station = banner.map(Banner::station).filter(st -> !st.isEmpty());
        Optional<String> serial = banner.map(Banner::serial).filter(se -> !se.isEmpty());
        if (station.isEmpty() || serial.isEmpty()) {
            station = RoutingLines.station(text);
            serial = RoutingLines.serial(text);
        }
        Optional<String> year = dtg.map(Dtg::year)
                .or(() -> created.map(t -> String.format(Locale.ROOT, "%02d", t.getYear() % 100)));
        if (station.isEmpty() || serial.isEmpty() || year.isEmpty()) {
            return "";
        }
        return year.get() + station.get() + serial.get();
    }

    private static boolean noforn(List<String> text, int bodyStart) {
        for (int j = bodyStart + 1; j < Math.min(text.size(), bodyStart + NOFORN_WINDOW); j++) {
            if (text.get(j).strip().equalsIgnoreCase("NOFORN")) {
                return true;
            }
        }
        return false;
    }

    private static int firstBlank(List<String> text) {
        for (int j = 0; j < text.size(); j++) {
            if (text.get(j).isBlank()) {
                return j;
            }
        }
        return text.size();
    }

    /** The end index of {@code lines} without its trailing blank lines, never before {@code from}. */
    private static int trimEnd(List<String> lines, int from) {
        int end = lines.size();
        while (end > from && lines.get(end - 1).isBlank()) {
            end--;
        }
        return end;
    }

    /** The metadata lines read so far. */
    private static final class Metadata {
        String id = "";
        Optional<LocalDateTime> created = Optional.empty();
        Optional<LocalDateTime> released = Optional.empty();
        String classification = "";
        String origin = "";
        boolean seen;

        boolean any() {
            return seen;
        }

        /** Takes {@code line} if it is metadata. */
        boolean take(String line) {
            if (TOP_BOX_HEADING.matcher(line).matches()) {
                seen = true;
                return true;
            }
            Matcher row = TOP_BOX_ROW.matcher(line);
            if (row.matches()) {
                id = row.group(1);
                created = SitePage.parseTime(row.group(2));
                released = row.group(3) == null ? Optional.empty() : SitePage.parseTime(row.group(3));
                classification = row.group(4);
                origin = row.group(5);
                seen = true;
                return true;
            }
            Matcher key = KEY_LINE.matcher(line);
            if (!key.matches()) {
                return false;
            }
            String value = key.group(2);
            switch (key.group(1).toLowerCase(Locale.ROOT)) {
                case "created" -> created = time(value);
                case "released" -> released = time(value);
                case "classification" -> classification = value;
                case "origin" -> origin = value;
                default -> {
                    // "id: 2745" opens the body of 04BOGOTA2313 (a database row id): only a reference id is metadata.
                    if (!REFERENCE_ID.matcher(value).matches()) {
                        return false;
                    }
                    id = value;
                }
            }
            seen = true;
            return true;
        }

        private static Optional<LocalDateTime> time(String value) {
            return SitePage.parseTime(value).or(() -> CsvReader.parseCreated(value));
        }
    }
}
