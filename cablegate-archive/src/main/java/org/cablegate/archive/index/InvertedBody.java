package org.cablegate.archive.index;

import java.io.IOException;
import java.util.Arrays;
import org.apache.lucene.index.BaseTermsEnum;
import org.apache.lucene.index.ImpactsEnum;
import org.apache.lucene.index.NumericDocValues;
import org.apache.lucene.index.PostingsEnum;
import org.apache.lucene.index.SlowImpactsEnum;
import org.apache.lucene.index.Terms;
import org.apache.lucene.index.TermsEnum;
import org.apache.lucene.util.BytesRef;

/**
 * The body postings of one batch, as {@link BodyInverter#finish} leaves them, read through Lucene's postings API so
 * that a merge can write them as a segment's.
 *
 * <p>{@code postings} holds one {@code doc << 32 | position} per token (and may be longer), grouped by term id, each term's run in
 * document and position order; term {@code t}'s run is {@code [start[t], start[t + 1])}. {@code order} lists term
 * ids by their bytes. Immutable after construction; each enum is one reader's.
 */
final class InvertedBody {
    private final byte[] termBytes;
    private final int[] termStart;
    private final int[] order;
    private final int[] start;
    private final int[] docFreq;
    private final long[] postings;
    private final long[] norms;
    private final int maxDoc;
    private final int docCount;
    private final long sumDocFreq;

    InvertedBody(byte[] termBytes, int[] termStart, int[] order, int[] start, int[] docFreq, long[] postings,
            long[] norms, int maxDoc, int docCount, long sumDocFreq) {
        this.termBytes = termBytes;
        this.termStart = termStart;
        this.order = order;
        this.start = start;
        this.docFreq = docFreq;
        this.postings = postings;
        this.norms = norms;
        this.maxDoc = maxDoc;
        this.docCount = docCount;
        this.sumDocFreq = sumDocFreq;
    }

    int maxDoc() {
        return maxDoc;
    }

    Terms terms() {
        return new Terms() {
            @Override
            public TermsEnum iterator() {
                return new Enum();
            }

            @Override
            public long size() {
                return order.length;
            }

            @Override
            public long getSumTotalTermFreq() {
                return start[start.length - 1];
            }

            @Override
            public long getSumDocFreq() {
                return sumDocFreq;
            }

            @Override
            public int getDocCount() {
                return docCount;
            }

            @Override
            public boolean hasFreqs() {
                return true;
            }

            @Override
            public boolean hasOffsets() {
                return false;
            }

            @Override
            public boolean hasPositions() {
                return true;
            }

            @Override
            public boolean hasPayloads() {
                return false;
            }
        };
    }

    /** The norms, one per document: every document has a body, an empty one has norm 0 as with IndexingChain. */
    NumericDocValues norms() {
        return new NumericDocValues() {
            private int doc = -1;

            @Override
            public long longValue() {
                return norms[doc];
            }

            @Override
            public boolean advanceExact(int target) {
                doc = target;
                return true;
            }

            @Override
            public int docID() {
                return doc;
            }

            @Override
            public int nextDoc() {
                return advance(doc + 1);
            }

            @Override
            public int advance(int target) {
                doc = target < maxDoc ? target : NO_MORE_DOCS;
                return doc;
            }

            @Override
            public long cost() {
                return maxDoc;
            }
        };
    }

    private final class Enum extends BaseTermsEnum {
        private final BytesRef term = new BytesRef(termBytes);
        private int ord = -1;

        @Override
        public BytesRef next() {
            if (ord + 1 >= order.length) {
                ord = order.length;
                return null;
            }
            setOrd(ord + 1);
            return term;
        }

        private void setOrd(int ord) {
            this.ord = ord;
            int id = order[ord];
            term.offset = termStart[id];
            term.length = termStart[id + 1] - term.offset;
        }

        @Override
        public SeekStatus seekCeil(BytesRef target) {
            int low = 0;
            int high = order.length - 1;
            while (low <= high) {
                int mid = (low + high) >>> 1;
                int id = order[mid];
                int c = Arrays.compareUnsigned(termBytes, termStart[id], termStart[id + 1], target.bytes, target.offset,
                        target.offset + target.length);
                if (c < 0) {
                    low = mid + 1;
                } else if (c > 0) {
                    high = mid - 1;
                } else {
                    setOrd(mid);
                    return SeekStatus.FOUND;
                }
            }
            if (low >= order.length) {
                ord = order.length;
                return SeekStatus.END;
            }
            setOrd(low);
            return SeekStatus.NOT_FOUND;
        }

        @Override
        public void seekExact(long ord) {
            setOrd((int) ord);
        }

        @Override
        public BytesRef term() {
            return term;
        }

        @Override
        public long ord() {
            return ord;
        }

        @Override
        public int docFreq() {
            return docFreq[order[ord]];
        }

        @Override
        public long totalTermFreq() {
            int id = order[ord];
            return start[id + 1] - start[id];
        }

        @Override
        public PostingsEnum postings(PostingsEnum reuse, int flags) {
            int id = order[ord];
            return new Postings(start[id], start[id + 1], docFreq[id]);
        }

        @Override
        public ImpactsEnum impacts(int flags) {
            return new SlowImpactsEnum(postings(null, flags));
        }
    }

    private final class Postings extends PostingsEnum {
        private final int end;
        private final int docFreq;
        /** Index of the current document's first position, and of the next position to return. */
        private int first;
        private int next;
        private int freq;
        private int doc = -1;

        Postings(int start, int end, int docFreq) {
            this.end = end;
            this.docFreq = docFreq;
            this.first = start;
        }

        @Override
        public int nextDoc() {
            int i = first + freq;
            if (i >= end) {
                doc = NO_MORE_DOCS;
                freq = 0;
                return doc;
            }
            int d = (int) (postings[i] >>> 32);
            int k = i + 1;
            while (k < end && (int) (postings[k] >>> 32) == d) {
                k++;
            }
            first = i;
            next = i;
            freq = k - i;
            doc = d;
            return d;
        }

        @Override
        public int advance(int target) throws IOException {
            return slowAdvance(target);
        }

        @Override
        public int docID() {
            return doc;
        }

        @Override
        public int freq() {
            return freq;
        }

        @Override
        public int nextPosition() {
            return (int) postings[next++];
        }

        @Override
        public int startOffset() {
            return -1;
        }

        @Override
        public int endOffset() {
            return -1;
        }

        @Override
        public BytesRef getPayload() {
            return null;
        }

        @Override
        public long cost() {
            return docFreq;
        }
    }
}
