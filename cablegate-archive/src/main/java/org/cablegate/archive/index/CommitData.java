package org.cablegate.archive.index;

import java.time.Instant;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.cablegate.core.json.CableJson;

/**
 * What each commit of the public archive records beside its documents, in Lucene's commit user data: which release it
 * published, the size of the whole set, the public release log and the withdrawn cables. They are written in the
 * same atomic commit as the documents, so a reader sees them of the same release as the cables. The one class that
 * writes and reads these keys.
 *
 * @param release   the release the commit published; 0 before the first
 * @param setSize   the size of the whole set when it was made: the denominator of "released 6,712 / 251,287"; the
 *                  vault knows it, the public archive keeps a copy, as its readers never open the vault
 * @param releases  the public release log, oldest first
 * @param withdrawn the cables withdrawn as of this release, by id
 * @param publishedSecond when the commit was made, epoch seconds by the committing machine's clock, each commit later than
 *                  the one before (0: not recorded): what HTTP validators follow, whatever release time a release
 *                  was given (issue 12: a release dated in the past with {@code --at} kept answering 304s)
 * @param texts     the text packs of this commit ({@link CableTexts}), one file per pack; empty for an archive whose
 *                  segments still hold the texts (written before issue 8's text store)
 */
record CommitData(long release, long setSize, List<PublicRelease> releases, List<WithdrawnCable> withdrawn,
        long publishedSecond, List<String> texts) {
    static final String RELEASE = "release";
    static final String SET_SIZE = "setSize";
    static final String RELEASES = "releases";
    static final String WITHDRAWN = "withdrawn";
    static final String PUBLISHED = "published";
    static final String TEXTS = "texts";

    static final CommitData NONE = new CommitData(0, 0, List.of(), List.of(), 0, List.of());

    CommitData {
        releases = List.copyOf(releases);
        withdrawn = List.copyOf(withdrawn);
        texts = List.copyOf(texts);
    }

    CommitData(long release, long setSize, List<PublicRelease> releases, List<WithdrawnCable> withdrawn) {
        this(release, setSize, releases, withdrawn, 0, List.of());
    }

    /** The same data, committed at {@code epochSecond} with these text packs. */
    CommitData committed(long epochSecond, List<String> packs) {
        return new CommitData(release, setSize, releases, withdrawn, epochSecond, packs);
    }

    /** When the release was published; empty before the first, or for an index committed before this was kept. */
    Optional<Instant> published() {
        return publishedSecond == 0 ? Optional.empty() : Optional.of(Instant.ofEpochSecond(publishedSecond));
    }

    Map<String, String> toMap() {
        Map<String, String> map = new HashMap<>();
        map.put(RELEASE, Long.toString(release));
        map.put(SET_SIZE, Long.toString(setSize));
        if (publishedSecond != 0) {
            map.put(PUBLISHED, Long.toString(publishedSecond));
        }
        StringBuilder r = new StringBuilder();
        for (PublicRelease p : releases) {
            r.append(p.number()).append('\t').append(p.time().format(CableJson.MINUTES)).append('\t').append(p.added())
                    .append('\t').append(p.changed()).append('\t').append(p.withdrawn()).append('\t')
                    .append(oneLine(p.name())).append('\n');
        }
        map.put(RELEASES, r.toString());
        StringBuilder w = new StringBuilder();
        for (WithdrawnCable c : withdrawn) {
            w.append(c.id()).append('\t').append(c.created().format(CableJson.MINUTES)).append('\t')
                    .append(c.withdrawn().format(CableJson.MINUTES)).append('\n');
        }
        map.put(WITHDRAWN, w.toString());
        map.put(TEXTS, String.join(",", texts));
        return map;
    }

    /** Reads a commit's user data; keys a commit of an older cablegate lacks read as empty. */
    static CommitData of(Map<String, String> map) {
        List<PublicRelease> releases = new ArrayList<>();
        for (String line : lines(map.get(RELEASES))) {
            String[] f = line.split("\t", 6);
            releases.add(new PublicRelease(Long.parseLong(f[0]), f[5], LocalDateTime.parse(f[1]), Long.parseLong(f[2]),
                    Long.parseLong(f[3]), Long.parseLong(f[4])));
        }
        List<WithdrawnCable> withdrawn = new ArrayList<>();
        for (String line : lines(map.get(WITHDRAWN))) {
            String[] f = line.split("\t", 3);
            withdrawn.add(new WithdrawnCable(f[0], LocalDateTime.parse(f[1]), LocalDateTime.parse(f[2])));
        }
        return new CommitData(Long.parseLong(map.getOrDefault(RELEASE, "0")),
                Long.parseLong(map.getOrDefault(SET_SIZE, "0")), releases, withdrawn,
                Long.parseLong(map.getOrDefault(PUBLISHED, "0")), packs(map.get(TEXTS)));
    }

    /** The text packs a commit's user data names; none for a commit from before the text store. */
    static List<String> packs(String value) {
        return value == null || value.isEmpty() ? List.of() : List.of(value.split(","));
    }

    private static List<String> lines(String text) {
        return text == null || text.isEmpty() ? List.of() : List.of(text.split("\n"));
    }

    /** A release name is the publisher's free text: tabs and line breaks would break the lines above. */
    private static String oneLine(String s) {
        return s.replace('\t', ' ').replace('\n', ' ').replace('\r', ' ');
    }
}
