package org.cablegate.core.parse;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.NavigableSet;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Reference ids: the station list, canonical ids for malformed published ids, and REF places resolved to stations.
 *
 * <p>An id is a 2-digit year, a station and a serial: {@code 08MOSCOW1647}. Some published ids are malformed
 * (found in the full id list, cable2month.csv): a garbled "SECTION 01 OF 02" glued in front of the station
 * ({@code 08ECTION01OF02MANAMA492}), a handling word ({@code 06EFTOBAKU1165}, {@code 09AMEMBASSYHANOI1284},
 * {@code 09NOFORNMOGADISHU...}), a trailer after the serial ({@code 90STATE255577TOSEC140323},
 * {@code 06MADRID002583ZFR2585}, {@code 08ACCRA001382SUSPECTEDDUPLICATE1392}), the year written twice
 * ({@code 7575LIBREVILLE1895}) or a misspelt station ({@code 07BAU...}). Others write a station short or by an alias
 * ({@code RIO}, {@code PARISFR} for the mission to UNESCO, {@code UNVIE}) or keep the post's prefix
 * ({@code AMEMBASSY}, {@code AMCONSUL}, {@code USMISSION}); a few are garbled past reading from the id alone
 * ({@code 10AQNA272}) and take the station the cable's FM line or origin column names
 * ({@link #canonical(String, String, String, String)}). The public id stays as published; the canonical id is what
 * REF lines of other cables cite, so it is what links use. This class is the one owner of both: the station table,
 * and every rule that maps a written place or id to it.
 *
 * <p>Immutable and thread-safe; {@link #standard()} is loaded once from the parser's resources.
 */
public final class ReferenceIds {
    /** Letters then digits at the end: the station and serial of a malformed id. */
    private static final Pattern STATION_SERIAL = Pattern.compile("(.*?)([A-Z]+)(\\d+)");
    /** What follows the serial in malformed ids: TOSEC140323, ZFR2585, ZDK164, SUSPECTEDDUPLICATE1392. */
    private static final Pattern TRAILER = Pattern.compile("(?<=\\d)(?:TOSEC|Z[A-Z]{2}|SUSPECTEDDUPLICATE)\\d+$");
    /** Shortest station suffix trusted inside a glued word (EFTOBAKU → BAKU). */
    private static final int MIN_SUFFIX = 4;
    /** Shortest truncated place trusted as a prefix of one station (RIODEJAN → RIODEJANEIRO). */
    private static final int MIN_PREFIX = 6;

    /**
     * What stands before a post's name in ids and REF lines ({@code 09AMEMBASSYHANOI1284}, {@code AMCONSUL SAO PAULO},
     * {@code USMISSION GENEVA}), longest first so that {@code AMEMBASSY} is not read as {@code AM} + {@code EMBASSY}.
     * {@code AIT} only where the rest names a station ({@code AITTAIPEI} is itself one).
     */
    private static final List<String> POST_PREFIXES = List.of("AMCONSULATE", "USMISSION", "AMEMBASSY", "AMCONSUL",
            "EMBASSY", "CONSULATE", "AIT");

    /** The DE line of a routing header, {@code DE RUEHEK #1021/01 2800932}: the serial as transmitted. */
    private static final Pattern DE_LINE = Pattern.compile("(?m)^DE\\s+[A-Z0-9]+\\s+#(\\d{1,7})");
    /** What an origin column says before the post's name: {@code Embassy Astana}, {@code Consulate Sao Paulo}. */
    private static final Pattern ORIGIN_KIND = Pattern.compile(
            "^(?i)(?:Embassy|Consulate|US Mission|Mission|US Interests Section|REO|American Institute Taiwan,)\\s+");

    /** The target of a misspelling in station-typos.txt that no station is nearest to: {@code AQNA=?}. */
    static final String GARBLED = "?";
    /**
     * Words glued before a station in published ids that are not posts: handling marks ({@code 06EFTOBAKU1165},
     * {@code 85NOFORNMOGADISHU1643}) and the end of a lost "CLASSIFIED" ({@code 09SIFIEDABUJA1673}).
     */
    static final List<String> HANDLING_WORDS = List.of("EFTO", "NOFORN", "SIFIED");

    private static volatile ReferenceIds standard;

    private final NavigableSet<String> stations;
    private final Map<String, String> typos;
    private final Map<String, String> aliases;
    /** The most letters a place can have: the longest station, misspelling or alias. */
    private final int longestName;
    /** The whole set's ids with their months, when known: what a REF without a year can mean (see {@link KnownIds}). */
    private final KnownIds known;

    ReferenceIds(Set<String> stations, Map<String, String> typos, Map<String, String> aliases) {
        this.stations = Collections.unmodifiableNavigableSet(new TreeSet<>(stations));
        this.typos = Map.copyOf(typos);
        this.aliases = Map.copyOf(aliases);
        this.longestName = Stream.of(stations, typos.keySet(), aliases.keySet()).flatMap(Set::stream)
                .mapToInt(String::length).max().orElse(0);
        this.known = KnownIds.NONE;
    }

    private ReferenceIds(ReferenceIds tables, KnownIds known) {
        this.stations = tables.stations;
        this.typos = tables.typos;
        this.aliases = tables.aliases;
        this.longestName = tables.longestName;
        this.known = known;
    }

    /**
     * These stations with the whole set's id list: a REF without a year then never names a cable created after the
     * citing one ({@code new CableParser(ReferenceIds.standard().withKnownIds(KnownIds.read(cable2month)))}).
     */
    public ReferenceIds withKnownIds(KnownIds ids) {
        return new ReferenceIds(this, ids);
    }

    /** The id list these ids know, {@link KnownIds#NONE} by default. */
    public KnownIds knownIds() {
        return known;
    }

    /** The station of a well-formed id ({@code 09TRIPOLI2} → {@code TRIPOLI}), or empty. */
    static String stationOf(String id) {
        String station = wellFormedStation(id);
        return station == null ? "" : station;
    }

    /** The serial of a well-formed id ({@code 09TRIPOLI2} → 2), or -1. */
    static long serialOf(String id) {
        String station = wellFormedStation(id);
        return station == null ? -1 : Long.parseLong(id.substring(2 + station.length()));
    }

    /**
     * The station list shipped with the parser: every station of the 251,287 ids of cable2month.csv (stations.txt,
     * written from that file by StationTableTest), with the aliases and short forms of REF lines (place-aliases.txt)
     * and the misspellings of published ids (station-typos.txt).
     */
    public static ReferenceIds standard() {
        ReferenceIds ids = standard;
        if (ids == null) {
            synchronized (ReferenceIds.class) {
                ids = standard;
                if (ids == null) {
                    ids = new ReferenceIds(new TreeSet<>(lines("stations.txt")), pairs("station-typos.txt"),
                            pairs("place-aliases.txt"));
                    standard = ids;
                }
            }
        }
        return ids;
    }

    /** Misspelt and garbled station letters of published ids, each with the station meant or {@link #GARBLED}. */
    Map<String, String> typos() {
        return typos;
    }

    /** Places as ids and REF lines write them, each with its station. */
    Map<String, String> aliases() {
        return aliases;
    }

    /** Every station, sorted. */
    public Set<String> stations() {
        return stations;
    }

    public boolean isStation(String station) {
        return stations.contains(station);
    }

    /** The four-digit year of a two-digit id year: above 10 is 19YY (1966–1999), else 20YY. */
    public static int fullYear(int twoDigitYear) {
        return twoDigitYear > 10 ? 1900 + twoDigitYear : 2000 + twoDigitYear;
    }

    /** The id of {@code serial} from {@code station} in {@code year} (two or four digits): {@code 08MOSCOW1234}. */
    public static String id(int year, String station, long serial) {
        int yy = year % 100;
        return (yy < 10 ? "0" : "") + yy + station + serial;
    }

    /**
     * The canonical form of a published id: the id itself when well formed, else the id with known damage undone
     * ({@code 08ECTION01OF02MANAMA492} → {@code 08MANAMA492}); the id itself when nothing can be made of it
     * ({@code 06ASTANA}, {@code 092OF5}).
     */
    public String canonical(String id) {
        String wellFormed = wellFormedStation(id);
        if (wellFormed != null && stations.contains(wellFormed)) {
            return id;
        }
        if (id.length() < 4 || !Texts.isDigit(id.charAt(0)) || !Texts.isDigit(id.charAt(1))) {
            return id;
        }
        String year = id.substring(0, 2);
        String rest = id.substring(2);
        // 7575LIBREVILLE1895: the year written twice.
        if (rest.length() > 2 && rest.startsWith(year) && Texts.isUpperLetter(rest.charAt(2))) {
            rest = rest.substring(2);
        }
        rest = TRAILER.matcher(rest).replaceFirst("");
        if (rest.indexOf('-') >= 0) {
            rest = rest.replace("-", ""); // 06PORT-OF-SPAIN123: the place as REF lines hyphenate it
        }
        Matcher s = STATION_SERIAL.matcher(rest);
        if (!s.matches()) {
            return id;
        }
        Optional<String> station = stationInId(s.group(2));
        String serial = stripZeros(s.group(3));
        if (station.isEmpty() || serial.isEmpty() || serial.length() > 7) {
            return id;
        }
        return year + station.get() + serial;
    }

    /**
     * The canonical id of a cable read with its own origin column and header: {@link #canonical(String)}, except that
     * an id whose station is garbled takes the station the cable names itself by in its FM line, or, when the id names
     * none and the header has no FM line, in its origin column: 10AQNA272 of "Embassy Astana" is 10ASTANA272,
     * 09BRUSELS1292 ({@code FM USEU BRUSSELS}) is 09USEUBRUSSELS1292, not the embassy's. A serial the garbling cut
     * short is completed from the header's DE line when the id's serial ends it: 08SECTION01GF02BISHIEK21
     * ({@code BISHIEK 00Q021}, {@code DE RUEHEK #1021/01}) is 08BISHKEK1021; an id without a serial takes the DE
     * line's ({@code 06ASTANA}).
     * Well-formed ids of a known station, and aliases, are never second-guessed (KIEV stays KIEV, not the origin's
     * Kyiv).
     *
     * @param from   the FM line without {@code FM}: {@code AMEMBASSY ASTANA}; empty when the header has none
     * @param header the routing header as published, for its DE line; empty when there is none
     */
    public String canonical(String id, String origin, String from, String header) {
        String wellFormed = wellFormedStation(id);
        if (wellFormed != null && (stations.contains(wellFormed) || aliases.containsKey(wellFormed))) {
            return canonical(id);
        }
        if (id.length() < 2 || !Texts.isDigit(id.charAt(0)) || !Texts.isDigit(id.charAt(1))) {
            return canonical(id);
        }
        String repaired = canonical(id);
        // The FM line is the cable's own word. The origin column is the publisher's: asked only when the id names no
        // station at all and the header has no FM line to ask.
        Optional<String> own = post(from);
        if (own.isEmpty() && from.isBlank() && repaired.equals(id)) {
            own = post(ORIGIN_KIND.matcher(origin).replaceFirst(""));
        }
        if (own.isEmpty()) {
            return repaired;
        }
        String serial = wellFormedStation(repaired) != null ? repaired.substring(2 + stationOf(repaired).length())
                : trailingDigits(id);
        Matcher de = DE_LINE.matcher(header);
        if (de.find()) {
            String transmitted = stripZeros(de.group(1));
            if (serial.isEmpty() || transmitted.length() > serial.length() && transmitted.endsWith(serial)) {
                serial = transmitted;
            }
        }
        return serial.isEmpty() ? repaired : id.substring(0, 2) + own.get() + serial;
    }

    /**
     * The station a post's name gives: {@code AMEMBASSY ASTANA}, {@code USMISSION USEU BRUSSELS},
     * {@code SECSTATE WASHDC}, {@code Astana}; the words from the end dropped one by one ({@code WASHDC}, a country
     * code) until the rest names a station.
     */
    private Optional<String> post(String name) {
        String[] words = name.strip().split("[\\s,]+");
        for (int n = words.length; n >= 1; n--) {
            Optional<String> found = station(String.join(" ", List.of(words).subList(0, n)));
            if (found.isPresent()) {
                return found;
            }
        }
        return Optional.empty();
    }

    private static boolean startsWithPostPrefix(String place) {
        String start = place.strip();
        for (String prefix : POST_PREFIXES) {
            if (start.regionMatches(true, 0, prefix, 0, prefix.length())) {
                return true;
            }
        }
        return false;
    }

    private static String trailingDigits(String id) {
        int i = id.length();
        while (i > 2 && Texts.isDigit(id.charAt(i - 1))) {
            i--;
        }
        return stripZeros(id.substring(i));
    }

    /**
     * The station of a well-formed id, {@code \d{2}[A-Z]+[1-9]\d{0,6}}, or null: read by hand, as it is asked of every
     * cable (the letters and the digits cannot overlap, so the form has one reading).
     */
    private static String wellFormedStation(String id) {
        int n = id.length();
        if (n < 4 || !Texts.isDigit(id.charAt(0)) || !Texts.isDigit(id.charAt(1))) {
            return null;
        }
        int letters = 2;
        while (letters < n && Texts.isUpperLetter(id.charAt(letters))) {
            letters++;
        }
        int digits = n - letters;
        if (letters == 2 || digits < 1 || digits > 7 || id.charAt(letters) == '0') {
            return null;
        }
        for (int i = letters; i < n; i++) {
            if (!Texts.isDigit(id.charAt(i))) {
                return null;
            }
        }
        return id.substring(2, letters);
    }

    /**
     * The station in the letters of an id: exact, an alias or short form ({@code RIO}, {@code RIODEJAN}, {@code UNVIE},
     * {@code PARISFR} → {@code UNESCOPARISFR}), a known misspelling, a post's prefix dropped ({@code AMEMBASSYHANOI},
     * {@code EMBASSYVIENNA}, {@code USMISSIONGENEVA}), a truncation that fits one station only, or the end of a glued
     * word ({@code EFTOBAKU}).
     */
    private Optional<String> stationInId(String letters) {
        Optional<String> named = named(letters, true);
        if (named.isPresent()) {
            return named;
        }
        for (int i = 1; i + MIN_SUFFIX <= letters.length(); i++) {
            String suffix = letters.substring(i);
            if (stations.contains(suffix)) {
                return Optional.of(suffix);
            }
            String typo = typos.get(suffix);
            if (typo != null && !typo.equals(GARBLED)) {
                return Optional.of(typo);
            }
        }
        return Optional.empty();
    }

    /**
     * The station of the joined capitals of a place: a station, an alias, a misspelling, the place after a post's
     * prefix ({@code AMEMBASSY}, {@code EMBASSY}, {@code AMCONSUL}, {@code USMISSION}, {@code AIT}), or a truncation
     * of one station. In an id ({@code inId}) the letters after a prefix are a station's place whatever they are, and
     * an unknown one is kept as it stands ({@code 05EMBASSYBLABLA1} → {@code 05BLABLA1}); in a REF line they may be
     * any words ({@code EMBASSY EMAIL 18 FEB 2010}, 10CAIRO368), so there only a station counts.
     */
    private Optional<String> named(String key, boolean inId) {
        if (stations.contains(key)) {
            return Optional.of(key);
        }
        String alias = aliases.get(key);
        if (alias != null) {
            return Optional.of(alias);
        }
        String typo = typos.get(key);
        if (typo != null) {
            // AQNA (10AQNA272): garbled past guessing; only the cable's own FM line or origin can say (GARBLED).
            return typo.equals(GARBLED) ? Optional.empty() : Optional.of(typo);
        }
        for (String prefix : POST_PREFIXES) {
            if (key.length() > prefix.length() + 1 && key.startsWith(prefix)) {
                String rest = key.substring(prefix.length());
                Optional<String> after = named(rest, inId);
                return after.isPresent() || !inId || prefix.equals("AIT") ? after : Optional.of(rest);
            }
        }
        if (key.length() >= MIN_PREFIX) {
            // The stations it begins sort together from the first one on: one is found, two are ambiguous.
            String found = stations.ceiling(key);
            if (found == null || !found.startsWith(key)) {
                return Optional.empty();
            }
            String next = stations.higher(found);
            return next != null && next.startsWith(key) ? Optional.empty() : Optional.of(found);
        }
        return Optional.empty();
    }

    /**
     * The station a place names as REF lines write it: one or more words ({@code LA PAZ}, {@code SAO PAULO}), an alias
     * ({@code SECSTATE}, {@code HCMC}, {@code USUN}), a known misspelling, or a truncation that fits one station only
     * ({@code RIO DE JAN}). Case and spacing do not matter.
     */
    public Optional<String> station(String place) {
        // Counted first: section markers ask for the words before them, one to four, and most fail here.
        int letters = 0;
        for (int i = 0; i < place.length(); i++) {
            char c = place.charAt(i);
            if (Character.isLetter(c)) {
                letters++;
            } else if (!(c == ' ' || c == '.' || c == '-' || c == '\'' || c == '\t')) {
                return Optional.empty();
            }
        }
        if (letters == 0 || letters > longestName && (letters > longestName + POST_PREFIXES.get(0).length()
                || !startsWithPostPrefix(place))) {
            // Longer than any name, unless a post's prefix stands before one (AMEMBASSY BANDAR SERI BEGAWAN).
            return Optional.empty();
        }
        StringBuilder joined = new StringBuilder(letters);
        for (int i = 0; i < place.length(); i++) {
            char c = place.charAt(i);
            if (Character.isLetter(c)) {
                joined.append(Character.toUpperCase(c));
            }
        }
        return named(joined.toString(), false);
    }

    private static String stripZeros(String digits) {
        int i = 0;
        while (i < digits.length() - 1 && digits.charAt(i) == '0') {
            i++;
        }
        return digits.equals("0") ? "" : digits.substring(i);
    }

    private static List<String> lines(String resource) {
        List<String> out = new ArrayList<>();
        try (InputStream in = ReferenceIds.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("missing parser resource " + resource);
            }
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            String line;
            while ((line = reader.readLine()) != null) {
                line = line.strip();
                if (!line.isEmpty() && !line.startsWith("#")) {
                    out.add(line.toUpperCase(Locale.ROOT));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read parser resource " + resource, e);
        }
        return out;
    }

    private static Map<String, String> pairs(String resource) {
        Map<String, String> map = new HashMap<>();
        for (String line : lines(resource)) {
            int eq = line.indexOf('=');
            if (eq > 0) {
                map.put(line.substring(0, eq).strip(), line.substring(eq + 1).strip());
            }
        }
        return map;
    }

    /** Reads a resource of the parser as trimmed, non-comment lines (shared with the tag vocabulary). */
    static List<String> resourceLines(String resource) {
        return lines(resource);
    }
}
