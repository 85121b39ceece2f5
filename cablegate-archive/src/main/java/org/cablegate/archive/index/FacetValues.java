package org.cablegate.archive.index;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.lucene.index.DocValues;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.LeafReader;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.NumericDocValues;
import org.apache.lucene.index.OrdinalMap;
import org.apache.lucene.index.SortedSetDocValues;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.util.LongValues;
import org.apache.lucene.util.packed.PackedInts;

/**
 * The values of one facet over one point in time of the archive: every value numbered in byte order (the order
 * Lucene's own facet counts break ties in), and for each document of each segment the numbers of its values, read
 * from doc values once, when the point in time is first counted by this facet. Counting a hit is then one or a few
 * array reads: doc values would be decoded again for every hit of every query.
 */
final class FacetValues {
    /** A document without a period yet (no period number is this low: years have four digits). */
    private static final int NONE = Integer.MIN_VALUE;

    /** The value of each number. */
    private final String[] labels;
    /** Per segment (by leaf ord): the value number of each document, -1 for none; multi-valued: see starts. */
    private final int[][] numbers;
    /** Per segment, multi-valued facets only: where each document's numbers begin in numbers (CSR), else null. */
    private final int[][] starts;

    private FacetValues(String[] labels, int[][] numbers, int[][] starts) {
        this.labels = labels;
        this.numbers = numbers;
        this.starts = starts;
    }

    static FacetValues read(IndexReader reader, Facet facet) throws IOException {
        String timeField = ArchiveSchema.facetTimeField(facet);
        return timeField != null ? fromTime(reader, facet, timeField) : fromStrings(reader, facet);
    }

    int size() {
        return labels.length;
    }

    String label(int number) {
        return labels[number];
    }

    /** Adds one to the count of each value of document {@code doc} of segment {@code leaf}. */
    void count(int leaf, int doc, int[] counts) {
        int[] ns = numbers[leaf];
        int[] from = starts[leaf];
        if (from == null) {
            int n = ns[doc];
            if (n >= 0) {
                counts[n]++;
            }
        } else {
            for (int i = from[doc], end = from[doc + 1]; i < end; i++) {
                counts[ns[i]]++;
            }
        }
    }

    /** The {@code limit} most frequent values with a count, most frequent first, ties in value order. */
    List<FacetCount> top(int[] counts, int limit) {
        int nonZero = 0;
        for (int c : counts) {
            if (c > 0) {
                nonZero++;
            }
        }
        long[] keys = new long[nonZero];
        int k = 0;
        for (int n = 0; n < counts.length; n++) {
            if (counts[n] > 0) {
                // Sorting these ascending gives the highest count first, then the lowest value number.
                keys[k++] = ((long) (Integer.MAX_VALUE - counts[n]) << 32) | n;
            }
        }
        Arrays.sort(keys);
        List<FacetCount> top = new ArrayList<>(Math.min(limit, keys.length));
        for (int i = 0; i < keys.length && i < limit; i++) {
            int n = (int) keys[i];
            top.add(new FacetCount(labels[n], counts[n]));
        }
        return top;
    }

    private static FacetValues fromStrings(IndexReader reader, Facet facet) throws IOException {
        String field = ArchiveSchema.facetField(facet);
        List<LeafReaderContext> leaves = reader.leaves();
        SortedSetDocValues[] bySegment = new SortedSetDocValues[leaves.size()];
        for (LeafReaderContext leaf : leaves) {
            bySegment[leaf.ord] = DocValues.getSortedSet(leaf.reader(), field);
        }
        // Each segment numbers its own values; the map merges them into one numbering, in byte order.
        OrdinalMap global = OrdinalMap.build(null, bySegment, PackedInts.DEFAULT);
        String[] labels = new String[(int) global.getValueCount()];
        for (int n = 0; n < labels.length; n++) {
            SortedSetDocValues first = bySegment[global.getFirstSegmentNumber(n)];
            labels[n] = first.lookupOrd(global.getFirstSegmentOrd(n)).utf8ToString();
        }
        int[][] numbers = new int[leaves.size()][];
        int[][] starts = new int[leaves.size()][];
        for (LeafReaderContext leaf : leaves) {
            LeafReader r = leaf.reader();
            LongValues toGlobal = global.getGlobalOrds(leaf.ord);
            SortedSetDocValues values = DocValues.getSortedSet(r, field);
            if (facet == Facet.TAG) {
                int[] from = new int[r.maxDoc() + 1];
                int[] ns = new int[Math.max(16, r.maxDoc())];
                int n = 0;
                int next = 0;
                for (int doc = values.nextDoc(); doc != DocIdSetIterator.NO_MORE_DOCS; doc = values.nextDoc()) {
                    while (next <= doc) {
                        from[next++] = n;
                    }
                    for (int i = 0; i < values.docValueCount(); i++) {
                        if (n == ns.length) {
                            ns = Arrays.copyOf(ns, ns.length * 2);
                        }
                        ns[n++] = (int) toGlobal.get(values.nextOrd());
                    }
                }
                while (next <= r.maxDoc()) {
                    from[next++] = n;
                }
                numbers[leaf.ord] = ns;
                starts[leaf.ord] = from;
            } else {
                int[] ns = new int[r.maxDoc()];
                Arrays.fill(ns, -1);
                for (int doc = values.nextDoc(); doc != DocIdSetIterator.NO_MORE_DOCS; doc = values.nextDoc()) {
                    ns[doc] = (int) toGlobal.get(values.nextOrd());
                }
                numbers[leaf.ord] = ns;
            }
        }
        return new FacetValues(labels, numbers, starts);
    }

    /** A period of a time field (the month of creation, the day of release): numbered by the period, in order. */
    private static FacetValues fromTime(IndexReader reader, Facet facet, String field) throws IOException {
        List<LeafReaderContext> leaves = reader.leaves();
        int[][] numbers = new int[leaves.size()][];
        int[] all = new int[reader.maxDoc()];
        int count = 0;
        for (LeafReaderContext leaf : leaves) {
            int[] ns = new int[leaf.reader().maxDoc()];
            Arrays.fill(ns, NONE);
            NumericDocValues values = DocValues.getNumeric(leaf.reader(), field);
            for (int doc = values.nextDoc(); doc != DocIdSetIterator.NO_MORE_DOCS; doc = values.nextDoc()) {
                ns[doc] = ArchiveSchema.facetPeriod(facet, values.longValue());
                all[count++] = ns[doc];
            }
            numbers[leaf.ord] = ns;
        }
        int[] periods = Arrays.stream(all, 0, count).sorted().distinct().toArray();
        String[] labels = new String[periods.length];
        for (int i = 0; i < periods.length; i++) {
            labels[i] = ArchiveSchema.facetPeriodLabel(facet, periods[i]);
        }
        for (int[] ns : numbers) {
            for (int doc = 0; doc < ns.length; doc++) {
                ns[doc] = ns[doc] == NONE ? -1 : Arrays.binarySearch(periods, ns[doc]);
            }
        }
        return new FacetValues(labels, numbers, new int[leaves.size()][]);
    }
}
