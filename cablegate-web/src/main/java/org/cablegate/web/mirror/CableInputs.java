package org.cablegate.web.mirror;

import java.io.BufferedWriter;
import java.io.IOException;
import java.net.URISyntaxException;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.security.CodeSource;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Stream;
import org.cablegate.archive.index.PublicArchive;
import org.cablegate.archive.index.PublicCable;
import org.cablegate.core.parse.CableParser;
import org.cablegate.web.site.Site;
import org.cablegate.web.url.Urls;

/**
 * What the files of each public cable of one export are made of: its page, plain text, JSON and history show the
 * cable's public record, the public places of the cables it cites, the rows of the public cables that cite it, and
 * what every cable's files share ({@link Site#sharedByCables}, and the code that renders them). An export keeps this
 * record in the data directory under its manifest's hash; the next export into the same directory compares and
 * links, unrendered, the files of every cable none of whose inputs changed. After a release of 1,000 cables that is
 * nearly all of them: rendering every cable page again to find it unchanged was most of the export's time.
 *
 * <p>The comparison errs towards rendering: any change to what all cables share renders them all; a cable that
 * changed (new, corrected, redacted, withdrawn) renders itself, every cable that cites it and every cable it cites.
 * Only public records are read, and a cable that is not public now is never kept.
 */
final class CableInputs {
    private static final String HEADER = "cablegate-cable-inputs 1";
    /** How many records of earlier exports are kept (the export a target holds is one of the newest). */
    private static final int KEPT = 3;

    /** One cable: its ids, its page's path, the SHA-256 of its whole public record, and the ids its REF lines cite. */
    record Cable(String id, String canonicalId, String page, String record, List<String> cites) {}

    private final String shared;
    private final Map<String, Cable> byId;

    private CableInputs(String shared, Map<String, Cable> byId) {
        this.shared = shared;
        this.byId = byId;
    }

    /** Inputs as given: {@code shared} stands for all that every cable's files share. */
    static CableInputs of(String shared, List<Cable> cables) {
        Map<String, Cable> byId = new HashMap<>();
        cables.forEach(c -> byId.put(c.id(), c));
        return new CableInputs(shared, byId);
    }

    /** The inputs of every cable of the view's release, as {@code site} renders that release. */
    static CableInputs of(PublicArchive.View view, Site site) throws IOException {
        Map<String, Cable> cables = new HashMap<>();
        view.forEachCable(c -> cables.put(c.id(), new Cable(c.id(), c.canonicalId(), Urls.cable(c.id(), c.created()),
                Sha256.of(record(c, site)), c.cites())));
        return new CableInputs(Sha256.of((build() + "\n" + site.sharedByCables()).getBytes(StandardCharsets.UTF_8)),
                cables);
    }

    /** Every field of the record, history included (a record is a value: its text names all of it), and its places. */
    private static byte[] record(PublicCable c, Site site) {
        return (c + "\n" + site.placesOf(c)).getBytes(StandardCharsets.UTF_8);
    }

    /**
     * The ids of this release's cables whose files are the same as in the export {@code before} describes: public in
     * both, with the same record, citing and cited by cables that did not change, and nothing shared changed.
     */
    Set<String> unchangedSince(CableInputs before) {
        if (!shared.equals(before.shared)) {
            return Set.of();
        }
        List<Cable> changed = new ArrayList<>();
        for (Cable now : byId.values()) {
            Cable then = before.byId.get(now.id());
            if (then == null || !then.equals(now)) {
                changed.add(now);
                if (then != null) {
                    changed.add(then);
                }
            }
        }
        for (Cable then : before.byId.values()) {
            if (!byId.containsKey(then.id())) {
                changed.add(then);
            }
        }
        // Ids a changed cable is known by, and ids it cites: the cables citing the first and cited by the second show it.
        Set<String> names = new HashSet<>();
        Set<String> cited = new HashSet<>();
        for (Cable c : changed) {
            names.add(c.id());
            names.add(c.canonicalId());
            cited.addAll(c.cites());
        }
        Set<String> unchanged = new HashSet<>();
        for (Cable now : byId.values()) {
            if (names.contains(now.id()) || names.contains(now.canonicalId()) || cited.contains(now.id())
                    || cited.contains(now.canonicalId()) || now.cites().stream().anyMatch(names::contains)) {
                continue;
            }
            unchanged.add(now.id());
        }
        return unchanged;
    }

    /** A cable of this release by its id. */
    Optional<Cable> cable(String id) {
        return Optional.ofNullable(byId.get(id));
    }

    /** The record an earlier export left under its manifest's hash, if it is there and whole. */
    static Optional<CableInputs> read(Path dataDir, String manifestSha256) throws IOException {
        Path file = dir(dataDir).resolve(manifestSha256);
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        if (lines.size() < 3 || !lines.get(0).equals(HEADER) || !lines.get(1).startsWith("shared ")
                || !lines.get(lines.size() - 1).equals("end " + (lines.size() - 3))) {
            return Optional.empty();
        }
        Map<String, Cable> cables = new HashMap<>();
        for (String line : lines.subList(2, lines.size() - 1)) {
            String[] p = line.split(" ", -1);
            if (p.length != 5) {
                return Optional.empty();
            }
            List<String> cites = new ArrayList<>();
            for (String id : p[4].isEmpty() ? new String[0] : p[4].split(",")) {
                cites.add(decode(id));
            }
            cables.put(decode(p[0]), new Cable(decode(p[0]), decode(p[1]), decode(p[2]), p[3], cites));
        }
        return Optional.of(new CableInputs(lines.get(1).substring("shared ".length()), cables));
    }

    /** Writes this record under the manifest's hash (whole or not at all), and drops all but the newest few. */
    void write(Path dataDir, String manifestSha256) throws IOException {
        Path dir = dir(dataDir);
        Files.createDirectories(dir);
        Path temp = dir.resolve(manifestSha256 + ".tmp");
        try (BufferedWriter w = Files.newBufferedWriter(temp, StandardCharsets.UTF_8)) {
            w.write(HEADER + "\nshared " + shared + "\n");
            List<Cable> sorted = new ArrayList<>(byId.values());
            sorted.sort(Comparator.comparing(Cable::id));
            for (Cable c : sorted) {
                w.write(encode(c.id()) + " " + encode(c.canonicalId()) + " " + encode(c.page()) + " " + c.record()
                        + " " + String.join(",", c.cites().stream().map(CableInputs::encode).toList()) + "\n");
            }
            w.write("end " + sorted.size() + "\n");
        }
        Files.move(temp, dir.resolve(manifestSha256), StandardCopyOption.REPLACE_EXISTING,
                StandardCopyOption.ATOMIC_MOVE);
        List<Path> all;
        try (Stream<Path> files = Files.list(dir)) {
            all = new ArrayList<>(files.filter(f -> !f.getFileName().toString().equals(manifestSha256)).toList());
        }
        all.sort(Comparator.comparing((Path f) -> {
            try {
                return Files.getLastModifiedTime(f);
            } catch (IOException gone) {
                return FileTime.fromMillis(0);
            }
        }).reversed());
        for (Path old : all.subList(Math.min(all.size(), KEPT - 1), all.size())) {
            Files.deleteIfExists(old);
        }
    }

    /** Ids are letters and digits, but a REF line may cite anything: one line per cable, whatever it holds. */
    private static String encode(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    private static String decode(String s) {
        return URLDecoder.decode(s, StandardCharsets.UTF_8);
    }

    private static Path dir(Path dataDir) {
        return dataDir.resolve("mirror").resolve("cable-inputs");
    }

    /**
     * The code that renders the files: the SHA-256 of the jars (or class directories) of the site, the archive and the
     * parser, so that an export by another build of cablegate renders every cable again.
     */
    private static String build() throws IOException {
        MessageDigest sha = Sha256.digest();
        Set<String> seen = new HashSet<>();
        for (Class<?> c : List.of(Site.class, PublicCable.class, CableParser.class)) {
            CodeSource source = c.getProtectionDomain().getCodeSource();
            if (source == null) {
                // Code that cannot be read cannot be compared: a build no later export matches, so all is rendered.
                return "unknown " + UUID.randomUUID();
            }
            if (!seen.add(source.getLocation().toString())) {
                continue;
            }
            Path where;
            try {
                where = Path.of(source.getLocation().toURI());
            } catch (URISyntaxException | IllegalArgumentException e) {
                throw new IOException("cannot find the code of " + c.getName() + ": " + source.getLocation(), e);
            }
            if (Files.isRegularFile(where)) {
                sha.update(Files.readAllBytes(where));
            } else {
                try (Stream<Path> files = Files.walk(where)) {
                    for (Path f : files.filter(Files::isRegularFile).sorted().toList()) {
                        sha.update(where.relativize(f).toString().getBytes(StandardCharsets.UTF_8));
                        sha.update(Files.readAllBytes(f));
                    }
                }
            }
        }
        return HexFormat.of().formatHex(sha.digest());
    }
}
