package org.cablegate.opensearch;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import org.apache.lucene.document.LongPoint;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.ConstantScoreQuery;
import org.apache.lucene.search.FieldExistsQuery;
import org.apache.lucene.search.FuzzyQuery;
import org.apache.lucene.search.IndexOrDocValuesQuery;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.MatchNoDocsQuery;
import org.apache.lucene.search.PhraseQuery;
import org.apache.lucene.search.PointRangeQuery;
import org.apache.lucene.search.PrefixQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.RegexpQuery;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TermRangeQuery;
import org.apache.lucene.search.WildcardQuery;
import org.apache.lucene.util.BytesRef;
import org.cablegate.archive.index.BadQueryException;

/**
 * Translates the query the archive's parser made of a reader's text into OpenSearch's query DSL, node by node: the
 * same clauses over the same fields with the same (already analysed) terms and boosts, so that the cluster matches
 * the same cables and scores them by the same BM25 sums. Not {@code query_string}: the cluster's own parser knows
 * nothing of our fields ({@code year:}, {@code id:} over two fields), dates, default fields or boosts, and would
 * answer differently in ways no test could enumerate.
 *
 * <p>A node of a kind not translated here is a {@link BadQueryException} that says so, never a guess.
 */
final class QueryTranslator {
    /**
     * A stop word: it fills a gap of a phrase (where the archive's analyzer dropped a stop word) when the phrase's
     * terms are written back as text, so that the cluster's analyzer puts each term at the archive's position.
     */
    private static final String GAP = "a";

    private final String text;

    private QueryTranslator(String text) {
        this.text = text;
    }

    /** The DSL of {@code query}, which the archive's parser made of {@code text} (named in errors). */
    static ObjectNode translate(Query query, String text) throws BadQueryException {
        return new QueryTranslator(text).node(query);
    }

    private ObjectNode node(Query q) throws BadQueryException {
        if (q instanceof TermQuery t) {
            return leaf("term", t.getTerm().field(), value(t.getTerm().bytes()));
        }
        if (q instanceof BooleanQuery b) {
            return bool(b);
        }
        if (q instanceof BoostQuery b) {
            // Wrapped rather than set on the inner node: every query's score times the boost, whatever its kind.
            ObjectNode wrapped = object();
            ObjectNode bool = wrapped.putObject("bool");
            bool.putArray("must").add(node(b.getQuery()));
            bool.put("boost", b.getBoost());
            return wrapped;
        }
        if (q instanceof ConstantScoreQuery c) {
            ObjectNode node = object();
            node.putObject("constant_score").set("filter", node(c.getQuery()));
            return node;
        }
        if (q instanceof PhraseQuery p) {
            return phrase(p);
        }
        if (q instanceof IndexOrDocValuesQuery i && i.getIndexQuery() instanceof PointRangeQuery r) {
            return range(r);
        }
        if (q instanceof PointRangeQuery r) {
            return range(r);
        }
        if (q instanceof TermRangeQuery r) {
            ObjectNode node = object();
            ObjectNode bounds = node.putObject("range").putObject(r.getField());
            if (r.getLowerTerm() != null) {
                bounds.put(r.includesLower() ? "gte" : "gt", value(r.getLowerTerm()));
            }
            if (r.getUpperTerm() != null) {
                bounds.put(r.includesUpper() ? "lte" : "lt", value(r.getUpperTerm()));
            }
            return node;
        }
        if (q instanceof WildcardQuery w) {
            return leaf("wildcard", w.getTerm().field(), w.getTerm().text());
        }
        if (q instanceof PrefixQuery p) {
            return leaf("prefix", p.getPrefix().field(), p.getPrefix().text());
        }
        if (q instanceof FuzzyQuery f) {
            ObjectNode node = object();
            node.putObject("fuzzy").putObject(f.getTerm().field())
                    .put("value", f.getTerm().text())
                    .put("fuzziness", f.getMaxEdits())
                    .put("prefix_length", f.getPrefixLength())
                    // The classic parser makes every fuzzy query with Lucene's default expansions.
                    .put("max_expansions", FuzzyQuery.defaultMaxExpansions)
                    .put("transpositions", f.getTranspositions());
            return node;
        }
        if (q instanceof RegexpQuery r) {
            Term t = r.getRegexp();
            ObjectNode node = object();
            node.putObject("regexp").putObject(t.field()).put("value", t.text()).put("flags", "ALL");
            return node;
        }
        if (q instanceof FieldExistsQuery e) {
            ObjectNode node = object();
            node.putObject("exists").put("field", e.getField());
            return node;
        }
        if (q instanceof MatchAllDocsQuery) {
            ObjectNode node = object();
            node.putObject("match_all");
            return node;
        }
        if (q instanceof MatchNoDocsQuery) {
            ObjectNode node = object();
            node.putObject("match_none");
            return node;
        }
        throw new BadQueryException("The query '" + text + "' uses a construct the search cluster cannot run ("
                + q.getClass().getSimpleName() + ": " + q + "); the embedded archive can");
    }

    private ObjectNode bool(BooleanQuery b) throws BadQueryException {
        List<BooleanClause> clauses = b.clauses();
        ObjectNode node = object();
        if (clauses.isEmpty()) {
            // Lucene's empty boolean query matches nothing; OpenSearch's empty bool would match everything.
            node.putObject("match_none");
            return node;
        }
        ObjectNode bool = node.putObject("bool");
        boolean required = false;
        int optional = 0;
        for (BooleanClause c : clauses) {
            String occur = switch (c.getOccur()) {
                case MUST -> "must";
                case SHOULD -> "should";
                case MUST_NOT -> "must_not";
                case FILTER -> "filter";
            };
            required |= c.getOccur() == BooleanClause.Occur.MUST || c.getOccur() == BooleanClause.Occur.FILTER;
            optional += c.getOccur() == BooleanClause.Occur.SHOULD ? 1 : 0;
            ArrayNode list = bool.has(occur) ? (ArrayNode) bool.get(occur) : bool.putArray(occur);
            list.add(node(c.getQuery()));
        }
        // Lucene's rule, said explicitly: without a required clause, one optional clause must match (a query of
        // exclusions only matches nothing, as in Lucene: the parser adds match-all to -iran before it gets here).
        int minimum = b.getMinimumNumberShouldMatch() > 0 ? b.getMinimumNumberShouldMatch() : required ? 0 : 1;
        if (optional > 0 || minimum > 0) {
            bool.put("minimum_should_match", minimum);
        }
        if (optional == 0 && !required) {
            // Only exclusions: Lucene matches nothing; OpenSearch would match everything not excluded.
            node.removeAll();
            node.putObject("match_none");
        }
        return node;
    }

    /**
     * The phrase's terms written back as text, a stop word in each gap, for {@code match_phrase}: the cluster's
     * analyzer (tested equal to the archive's) puts every term at its position, so {@code "secretary of state"}
     * keeps its two-position step and the same slop means the same.
     */
    private ObjectNode phrase(PhraseQuery p) throws BadQueryException {
        Term[] terms = p.getTerms();
        int[] positions = p.getPositions();
        if (terms.length == 0) {
            ObjectNode none = object();
            none.putObject("match_none");
            return none;
        }
        StringBuilder written = new StringBuilder();
        int next = 0;
        for (int i = 0; i < terms.length; i++) {
            if (positions[i] < next) {
                // Two terms at one position (a synonym) cannot be written as text.
                throw new BadQueryException("The query '" + text + "' has a phrase the search cluster cannot run ("
                        + p + ")");
            }
            for (; next < positions[i]; next++) {
                written.append(GAP).append(' ');
            }
            written.append(terms[i].text()).append(' ');
            next++;
        }
        ObjectNode node = object();
        node.putObject("match_phrase").putObject(p.getField())
                .put("query", written.toString().trim())
                .put("slop", p.getSlop());
        return node;
    }

    /** A range of minutes, both ends inclusive as the archive's parser made them. */
    private static ObjectNode range(PointRangeQuery r) {
        long from = LongPoint.decodeDimension(r.getLowerPoint(), 0);
        long to = LongPoint.decodeDimension(r.getUpperPoint(), 0);
        ObjectNode node = object();
        ObjectNode bounds = node.putObject("range").putObject(r.getField());
        if (from != Long.MIN_VALUE) {
            bounds.put("gte", from);
        }
        if (to != Long.MAX_VALUE) {
            bounds.put("lte", to);
        }
        return node;
    }

    private static ObjectNode leaf(String kind, String field, String value) {
        ObjectNode node = object();
        node.putObject(kind).putObject(field).put("value", value);
        return node;
    }

    private static String value(BytesRef bytes) {
        return bytes.utf8ToString();
    }

    private static ObjectNode object() {
        return OpenSearchClient.JSON.createObjectNode();
    }
}
