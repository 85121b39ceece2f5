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
 * ({@code 7575LIBREVILLE1895}) or a misspelt station ({@code 07BAU...}). The public id stays as published; the
 * canonical id is what REF lines of other cables cite, so it is what links use.
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

    /** The station list shipped with the parser (282 stations from all 251,287 ids). */
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

    /** The station in the letters of an id: exact, a known misspelling, or the end of a glued word (EFTOBAKU). */
    private Optional<String> stationInId(String letters) {
        if (stations.contains(letters)) {
            return Optional.of(letters);
        }
        String typo = typos.get(letters);
        if (typo != null) {
            return Optional.of(typo);
        }
        for (int i = 1; i + MIN_SUFFIX <= letters.length(); i++) {
            String suffix = letters.substring(i);
            if (stations.contains(suffix)) {
                return Optional.of(suffix);
            }
            typo = typos.get(suffix);
            if (typo != null) {
                return Optional.of(typo);
            }
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
        if (letters == 0 || letters > longestName) {
            return Optional.empty();
        }
        StringBuilder joined = new StringBuilder(letters);
        for (int i = 0; i < place.length(); i++) {
            char c = place.charAt(i);
            if (Character.isLetter(c)) {
                joined.append(Character.toUpperCase(c));
            }
        }
        String key = joined.toString();
        if (stations.contains(key)) {
            return Optional.of(key);
        }
        String alias = aliases.get(key);
        if (alias != null) {
            return Optional.of(alias);
        }
        String typo = typos.get(key);
        if (typo != null) {
            return Optional.of(typo);
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
