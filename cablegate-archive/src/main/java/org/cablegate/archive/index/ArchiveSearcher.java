package org.cablegate.archive.index;

import java.io.IOException;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;
import org.apache.lucene.facet.StringDocValuesReaderState;
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
