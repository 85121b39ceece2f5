package org.cablegate.archive.index;

import java.io.IOException;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.FilterWeight;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.QueryVisitor;
import org.apache.lucene.search.ScoreMode;
import org.apache.lucene.search.Weight;

/**
 * The same hits as the query it wraps, visited one by one in document order, for the date orders. Visited so, Lucene
 * skips the hits whose date cannot make the page (the date's points tell it which); a disjunction's own way of
 * visiting hits (a bare word searches subject or body) does not, and visits all 90,000 hits of {@code iran} to list
 * the newest ten.
 */
final class DateOrderedQuery extends Query {
    private final Query query;

    DateOrderedQuery(Query query) {
        this.query = query;
    }

    @Override
    public Weight createWeight(IndexSearcher searcher, ScoreMode scoreMode, float boost) throws IOException {
        Weight weight = searcher.createWeight(query, scoreMode, boost);
        // FilterWeight keeps Weight's default bulk scorer, the one-by-one visit this class exists for.
        return new FilterWeight(this, weight) {
            @Override
            public int count(LeafReaderContext context) throws IOException {
                return in.count(context);
            }
        };
    }

    @Override
    public Query rewrite(IndexSearcher searcher) throws IOException {
        Query rewritten = query.rewrite(searcher);
        return rewritten == query ? this : new DateOrderedQuery(rewritten);
    }

    @Override
    public void visit(QueryVisitor visitor) {
        query.visit(visitor.getSubVisitor(Occur.MUST, this));
    }

    @Override
    public String toString(String field) {
        return "dateOrdered(" + query.toString(field) + ")";
    }

    @Override
    public boolean equals(Object other) {
        return sameClassAs(other) && query.equals(((DateOrderedQuery) other).query);
    }

    @Override
    public int hashCode() {
        return 31 * classHash() + query.hashCode();
    }
}
