package org.cablegate.archive.vault;

import java.util.List;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * What a release would publish: {@code cablegate release --dry-run}.
 *
 * @param count            cables it would publish or publish again
 * @param byKind           how many would be public for the first time, get a new text, changed redactions...
 *                         (by {@code PublicVersion.Kind} name)
 * @param byOrigin         how many by origin
 * @param byClassification how many by classification
 * @param byYear           how many by year of creation
 * @param firstTime        the ids that would be public for the first time (or again after a withdrawal)
 * @param withRedactions   the ids whose public text would have redactions
 */
public record ReleasePreview(
        long count,
        SortedMap<String, Long> byKind,
        SortedMap<String, Long> byOrigin,
        SortedMap<String, Long> byClassification,
        SortedMap<String, Long> byYear,
        List<String> firstTime,
        List<String> withRedactions) {

    public ReleasePreview {
        byKind = new TreeMap<>(byKind);
        byOrigin = new TreeMap<>(byOrigin);
        byClassification = new TreeMap<>(byClassification);
        byYear = new TreeMap<>(byYear);
        firstTime = List.copyOf(firstTime);
        withRedactions = List.copyOf(withRedactions);
    }
}
