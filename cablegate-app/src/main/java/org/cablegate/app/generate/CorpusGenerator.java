package org.cablegate.app.generate;

import java.io.IOException;
import java.time.LocalDateTime;
import java.time.YearMonth;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.cablegate.core.ids.IdMonth;
import org.cablegate.core.model.SourceCable;
import org.cablegate.core.model.SourceFormat;
import org.cablegate.core.write.CablesCsvWriter;

/**
 * Makes a full-scale corpus for benchmarks: one cable for every id of the whole set, with that id's year and month,
 * the real distribution of classifications, origins taken from the station in the id, and bodies assembled from real
 * cables: the opening (banner, E.O., TAGS, SUBJECT, REF) and closing of one real cable of the same classification
 * around numbered paragraphs drawn from the whole seed corpus, up to the length of the real set's average cable.
 * The same seed, ids and seed cables give the same bytes.
 */
public final class CorpusGenerator {
    /** The classifications of the 251,287 cables of the full 2011 release, with their counts. */
    static final Map<String, Integer> FULL_SET_CLASSIFICATIONS = fullSetClassifications();

    /**
     * Characters of header and body per cable on average, so that the whole set's {@code cables.csv} comes to about
     * 1.7 GB as the 2011 file did (the other columns and the escapes add about a tenth).
     */
    static final int TARGET_MEAN_LENGTH = 6_150;

    private static final Pattern PARAGRAPH_START = Pattern.compile("^\\s*(?:\\u00b6)?(\\d{1,2})\\s?[.,)]", Pattern.MULTILINE);
    private static final Pattern STATION = Pattern.compile("^\\d{2}([A-Z]+?)(\\d+)$");
    private static final Pattern DTG = Pattern.compile("\\b\\d{6}Z [A-Z]{3} \\d{2}\\b");
    private static final DateTimeFormatter DTG_FORMAT = DateTimeFormatter.ofPattern("ddHHmm'Z' MMM yy", Locale.ENGLISH);

    private final Map<String, List<Template>> templatesByClassification = new HashMap<>();
    private final List<String> paragraphPool = new ArrayList<>();
    private final Map<String, String> originByStation = new HashMap<>();
    private final double lengthScale;
    private final long seed;

    /** One real cable cut into the part before its first numbered paragraph and the part after its last one. */
    private record Template(String header, String opening, String closing, int length, String station, String serial) {}

    public CorpusGenerator(List<SourceCable> seedCables, long seed) {
        if (seedCables.isEmpty()) {
            throw new IllegalArgumentException("the generator needs at least one real cable to build from");
        }
        this.seed = seed;
        Map<String, Map<String, Integer>> origins = new HashMap<>();
        long total = 0;
        for (SourceCable c : seedCables) {
            total += c.header().length() + c.body().length();
            Matcher id = STATION.matcher(c.id());
            String station = id.matches() ? id.group(1) : "";
            String serial = id.matches() ? id.group(2) : "";
            origins.computeIfAbsent(station, s -> new HashMap<>()).merge(c.origin(), 1, Integer::sum);
            List<int[]> paragraphs = paragraphSpans(c.body());
            if (paragraphs.size() < 2) {
                // Re-flowed bodies (one long line) hide their paragraph starts: cutting them would mangle the layout.
                continue;
            }
            String opening = c.body().substring(0, paragraphs.get(0)[0]);
            String closing = c.body().substring(paragraphs.get(paragraphs.size() - 1)[1]);
            for (int[] p : paragraphs) {
                paragraphPool.add(c.body().substring(p[0], p[1]));
            }
            templatesByClassification.computeIfAbsent(c.classification(), k -> new ArrayList<>())
                    .add(new Template(c.header(), opening, closing, c.header().length() + c.body().length(), station, serial));
        }
        if (templatesByClassification.isEmpty()) {
            throw new IllegalArgumentException("none of the " + seedCables.size() + " seed cables has numbered paragraphs to build from");
        }
        origins.forEach((station, counts) -> originByStation.put(station,
                counts.entrySet().stream().max(Map.Entry.comparingByValue()).orElseThrow().getKey()));
        lengthScale = (double) TARGET_MEAN_LENGTH / (total / (double) seedCables.size());
    }

    /** Writes one generated cable per id, in the order given. */
    public void generate(List<IdMonth> ids, CablesCsvWriter out) throws IOException {
        SplittableRandom random = new SplittableRandom(seed);
        List<String> classifications = new ArrayList<>(FULL_SET_CLASSIFICATIONS.keySet());
        int[] weights = FULL_SET_CLASSIFICATIONS.values().stream().mapToInt(Integer::intValue).toArray();
        int weightTotal = FULL_SET_CLASSIFICATIONS.values().stream().mapToInt(Integer::intValue).sum();
        for (IdMonth known : ids) {
            String classification = pick(classifications, weights, weightTotal, random);
            out.write(cable(known, classification, random), "");
        }
    }

    /** {@code n} ids spread evenly over the list, so that a smaller corpus keeps the shape of the whole. */
    public static List<IdMonth> evenlySpaced(List<IdMonth> all, int n) {
        if (n >= all.size()) {
            return all;
        }
        List<IdMonth> chosen = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            chosen.add(all.get((int) ((long) i * all.size() / n)));
        }
        return chosen;
    }

    private SourceCable cable(IdMonth known, String classification, SplittableRandom random) {
        List<Template> candidates = templatesByClassification.getOrDefault(classification,
                templatesByClassification.values().iterator().next());
        Template t = candidates.get(random.nextInt(candidates.size()));
        YearMonth month = known.month();
        LocalDateTime created = month.atDay(1 + random.nextInt(month.lengthOfMonth()))
                .atTime(random.nextInt(24), random.nextInt(60));
        Matcher id = STATION.matcher(known.id());
        String station = id.matches() ? id.group(1) : t.station();
        String serial = id.matches() ? id.group(2) : t.serial();

        StringBuilder body = new StringBuilder(TARGET_MEAN_LENGTH * 2);
        body.append(renamed(t.opening(), t, station, serial));
        int target = (int) (t.length() * lengthScale);
        int number = 1;
        while (number == 1 || body.length() + t.header().length() < target) {
            String p = paragraphPool.get(random.nextInt(paragraphPool.size()));
            body.append(renumbered(p, number++));
        }
        body.append(t.closing());
        String header = DTG.matcher(renamed(t.header(), t, station, serial))
                .replaceFirst(created.format(DTG_FORMAT).toUpperCase(Locale.ROOT));
        return new SourceCable(known.id(), created, Optional.empty(), classification, origin(station), header,
                body.toString(), SourceFormat.CSV, "generated");
    }

    /** The template's own station and serial replaced by the new cable's, as in its banner and DE line. */
    private static String renamed(String text, Template t, String station, String serial) {
        if (t.station().isEmpty()) {
            return text;
        }
        String padded = "0".repeat(Math.max(0, 6 - serial.length())) + serial;
        String oldPadded = "0".repeat(Math.max(0, 6 - t.serial().length())) + t.serial();
        return text.replace(t.station() + " " + oldPadded, station + " " + padded)
                .replace("#" + t.serial() + "/", "#" + serial + "/");
    }

    private static String renumbered(String paragraph, int number) {
        Matcher m = PARAGRAPH_START.matcher(paragraph);
        return m.lookingAt() ? paragraph.substring(0, m.start(1)) + number + paragraph.substring(m.end(1)) : paragraph;
    }

    private String origin(String station) {
        String known = originByStation.get(station);
        if (known != null) {
            return known;
        }
        String name = station.charAt(0) + station.substring(1).toLowerCase(Locale.ROOT);
        return "Embassy " + name;
    }

    /** Spans of numbered paragraphs: each runs from its number to the next one's (or the last blank line). */
    static List<int[]> paragraphSpans(String body) {
        List<int[]> spans = new ArrayList<>();
        Matcher m = PARAGRAPH_START.matcher(body);
        int expected = 1;
        int start = -1;
        while (m.find()) {
            int n = Integer.parseInt(m.group(1));
            if (n != expected) {
                continue;
            }
            int lineStart = body.lastIndexOf('\n', m.start(1)) + 1;
            if (start >= 0) {
                spans.add(new int[] {start, lineStart});
            }
            start = lineStart;
            expected++;
        }
        if (start >= 0) {
            int end = body.indexOf("\n\n", start);
            int lastBlank = body.lastIndexOf("\n\n");
            spans.add(new int[] {start, lastBlank > start ? lastBlank + 1 : end < 0 ? body.length() : end + 1});
        }
        return spans;
    }

    private static String pick(List<String> values, int[] weights, int total, SplittableRandom random) {
        int r = random.nextInt(total);
        for (int i = 0; i < weights.length; i++) {
            r -= weights[i];
            if (r < 0) {
                return values.get(i);
            }
        }
        return values.get(values.size() - 1);
    }

    private static Map<String, Integer> fullSetClassifications() {
        Map<String, Integer> m = new LinkedHashMap<>();
        m.put("UNCLASSIFIED", 75_792);
        m.put("UNCLASSIFIED//FOR OFFICIAL USE ONLY", 58_095);
        m.put("CONFIDENTIAL", 97_070);
        m.put("CONFIDENTIAL//NOFORN", 4_678);
        m.put("SECRET", 11_322);
        m.put("SECRET//NOFORN", 4_330);
        return Collections.unmodifiableMap(m);
    }
}
