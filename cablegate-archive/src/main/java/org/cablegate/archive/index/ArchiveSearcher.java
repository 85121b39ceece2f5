package org.cablegate.archive.index;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.lucene.facet.FacetResult;
import org.apache.lucene.facet.LabelAndValue;
import org.apache.lucene.facet.StringDocValuesReaderState;
import org.apache.lucene.facet.StringValueFacetCounts;
import org.apache.lucene.index.DocValuesType;
import org.apache.lucene.index.FieldInfo;
import org.apache.lucene.index.FieldInfos;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.SearcherFactory;

/**
 * A searcher over one point-in-time of the archive, with the facet ordinal maps of that point built once when it is
 * opened (building them is the costly part of counting facets over many segments; doing it per query would be waste).
 */
final class ArchiveSearcher extends IndexSearcher {
    private final Map<Facet, StringDocValuesReaderState> facetStates = new EnumMap<>(Facet.class);
    /** Counts over every cable, by facet, most frequent first: they only change with the next release. */
    private final Map<Facet, List<FacetCount>> allCounts = new ConcurrentHashMap<>();

    ArchiveSearcher(IndexReader reader) throws IOException {
        super(reader);
        FieldInfos fields = FieldInfos.getMergedFieldInfos(reader);
        for (Facet facet : Facet.values()) {
            FieldInfo info = fields.fieldInfo(ArchiveSchema.facetField(facet));
            if (info != null && info.getDocValuesType() != DocValuesType.NONE) {
                facetStates.put(facet, new StringDocValuesReaderState(reader, info.name));
            }
        }
    }

    /**
     * The counts of a facet over every cable of this point in time (which must have no deletions), most frequent
     * first, ties by value; computed once, as the archive's front page asks for them on every visit.
     */
    List<FacetCount> countsOfAll(Facet facet) throws IOException {
        List<FacetCount> counts = allCounts.get(facet);
        if (counts == null) {
            counts = new ArrayList<>();
            Optional<StringDocValuesReaderState> state = facetState(facet);
            if (state.isPresent()) {
                FacetResult all = new StringValueFacetCounts(state.get()).getAllChildren(ArchiveSchema.facetField(facet));
                if (all != null) {
                    for (LabelAndValue lv : all.labelValues) {
                        counts.add(new FacetCount(lv.label, lv.value.longValue()));
                    }
                }
            }
            counts.sort(Comparator.comparingLong(FacetCount::count).reversed().thenComparing(FacetCount::value));
            counts = List.copyOf(counts);
            allCounts.put(facet, counts);
        }
        return counts;
    }

    /** Empty when no released cable carries the facet yet. */
    Optional<StringDocValuesReaderState> facetState(Facet facet) {
        return Optional.ofNullable(facetStates.get(facet));
    }

    static final class Factory extends SearcherFactory {
        @Override
        public IndexSearcher newSearcher(IndexReader reader, IndexReader previous) throws IOException {
            return new ArchiveSearcher(reader);
        }
    }
}
