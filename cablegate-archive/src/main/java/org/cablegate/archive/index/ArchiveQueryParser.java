package org.cablegate.archive.index;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.index.Term;
import org.apache.lucene.queryparser.classic.MultiFieldQueryParser;
import org.apache.lucene.queryparser.classic.ParseException;
import org.apache.lucene.queryparser.classic.QueryParser;
import org.apache.lucene.queryparser.classic.Token;
import org.apache.lucene.queryparser.classic.TokenMgrError;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.ConstantScoreQuery;
import org.apache.lucene.search.PhraseQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.QueryVisitor;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.util.BytesRef;
import org.apache.lucene.util.automaton.ByteRunAutomaton;
import org.apache.lucene.util.automaton.TooComplexToDeterminizeException;

/**
 * Turns Lucene query syntax as a reader types it into a query over {@link ArchiveSchema}: bare words search subject
 * (boosted) and body and must all match; {@code field:} names are case-insensitive and checked; {@code created:} and
 * {@code released:} take dates of any precision ({@code 2008}, {@code 2008-06}, {@code 2008-06-10}) alone or in ranges;
 * {@code year:2009} is {@code created:2009}; {@code id:} finds a cable by its published or its corrected id. Every
 * failure becomes a {@link BadQueryException} whose message names the problem, never a parser stack.
 */
final class ArchiveQueryParser {
    static final List<String> FIELD_NAMES = List.of("subject", "body", "tag", "origin", "classification", "id", "from",
            "to", "cites", "created", "released", "year");

    private static final String YEAR = "year";

    private static final Map<String, String> FIELDS = Map.ofEntries(
            Map.entry("subject", ArchiveSchema.SUBJECT),
            Map.entry("body", ArchiveSchema.BODY),
            Map.entry("tag", ArchiveSchema.TAG),
            Map.entry("tags", ArchiveSchema.TAG),
            Map.entry("origin", ArchiveSchema.ORIGIN),
            Map.entry("classification", ArchiveSchema.CLASSIFICATION),
            Map.entry("id", ArchiveSchema.ID),
            Map.entry("from", ArchiveSchema.FROM),
            Map.entry("to", ArchiveSchema.TO),
            Map.entry("cites", ArchiveSchema.CITES),
            Map.entry("created", ArchiveSchema.CREATED),
            Map.entry("released", ArchiveSchema.RELEASED),
            Map.entry(YEAR, YEAR));

    private static final Pattern DATE = Pattern.compile("(\\d{4})(?:-(\\d{1,2})(?:-(\\d{1,2})(?:[T ](\\d{1,2}):(\\d{2}))?)?)?");

    private final Analyzer analyzer;
    private final SearchLimits limits;

    ArchiveQueryParser(Analyzer analyzer) {
        this(analyzer, SearchLimits.defaults());
    }

    ArchiveQueryParser(Analyzer analyzer, SearchLimits limits) {
        this.analyzer = analyzer;
        this.limits = limits;
    }

    Query parse(String text) throws BadQueryException {
        return liftSubjectBoosts(parseAsWritten(text));
    }

    /** The query as the classic parser reads it, before {@link #liftSubjectBoosts}. */
    Query parseAsWritten(String text) throws BadQueryException {
        if (text.isBlank()) {
            return new MatchAllDocsQuery();
        }
        if (text.length() > limits.maxQueryLength()) {
            throw new BadQueryException(String.format("The query is %,d characters long; at most %,d are allowed",
                    text.length(), limits.maxQueryLength()));
        }
        // The classic parser keeps state: one per call (they are cheap to make).
        Parser parser = new Parser(analyzer, limits);
        try {
            return onlyNegative(parser.parse(text));
        } catch (ParseException e) {
            throw new BadQueryException(message(text, e), e);
        }
    }

    /**
     * Whether the query ranks hits by words. One of dates and exclusions only ({@code created:2009},
     * {@code -iran}, or nothing at all) gives every hit the same score: it has no relevance to sort by.
     */
    static boolean hasWords(Query query) {
        boolean[] words = {false};
        query.visit(new QueryVisitor() {
            @Override
            public void consumeTerms(Query q, Term... terms) {
                words[0] = true;
            }

            @Override
            public void consumeTermsMatching(Query q, String field, Supplier<ByteRunAutomaton> automaton) {
                words[0] = true;
            }

            @Override
            public QueryVisitor getSubVisitor(Occur occur, Query parent) {
                // Excluded and filtering clauses match, but do not score.
                return occur == Occur.MUST_NOT || occur == Occur.FILTER ? QueryVisitor.EMPTY_VISITOR : this;
            }
        });
        return words[0];
    }

    /** {@code -iran} alone means "everything but iran", not nothing, which is what Lucene would make of it. */
    private static Query onlyNegative(Query q) {
        if (q instanceof BooleanQuery b && !b.clauses().isEmpty()
                && b.clauses().stream().allMatch(c -> c.getOccur() == Occur.MUST_NOT)) {
            BooleanQuery.Builder all = new BooleanQuery.Builder().add(new MatchAllDocsQuery(), Occur.MUST);
            for (BooleanClause c : b.clauses()) {
                all.add(c);
            }
            return all.build();
        }
        return q;
    }

    /**
     * The same matches and the same scores, in a shape Lucene prunes better. A bare word is parsed as
     * {@code (subject:w^2 body:w)}; required, that disjunction's score bound is the sum of both fields' bounds, and
     * the subject's (a short field, boosted) is so high that Lucene can skip few blocks of {@code iran AND nuclear}.
     * Rewritten, each required word matches {@code (body:w, or subject:w scoring 0)}, bounded by the body alone, and
     * the subject's score is added by an optional {@code subject:w^2} beside it, which Lucene skips where it cannot
     * change the top hits. A boolean query with a minimum of optional clauses to match is left as it is.
     */
    static Query liftSubjectBoosts(Query query) {
        if (!(query instanceof BooleanQuery b) || b.getMinimumNumberShouldMatch() > 0) {
            return query;
        }
        BooleanQuery.Builder out = new BooleanQuery.Builder();
        List<Query> lifted = new ArrayList<>();
        for (BooleanClause c : b.clauses()) {
            Query sub = c.getQuery();
            if (c.getOccur() == Occur.MUST && sub instanceof BooleanQuery word && isWordOverFields(word)) {
                BoostQuery subject = (BoostQuery) word.clauses().get(0).getQuery();
                Query body = word.clauses().get(1).getQuery();
                out.add(new BooleanQuery.Builder().add(body, Occur.SHOULD)
                        .add(new BoostQuery(new ConstantScoreQuery(subject.getQuery()), 0f), Occur.SHOULD).build(),
                        Occur.MUST);
                lifted.add(subject);
            } else {
                out.add(c.getOccur() == Occur.MUST_NOT || c.getOccur() == Occur.FILTER ? sub : liftSubjectBoosts(sub),
                        c.getOccur());
            }
        }
        for (Query subject : lifted) {
            out.add(subject, Occur.SHOULD);
        }
        return out.build();
    }

    /** {@code (subject:w^2 body:w)} as the parser makes it for a bare word or phrase. */
    private static boolean isWordOverFields(BooleanQuery q) {
        List<BooleanClause> c = q.clauses();
        return q.getMinimumNumberShouldMatch() == 0 && c.size() == 2
                && c.get(0).getOccur() == Occur.SHOULD && c.get(1).getOccur() == Occur.SHOULD
                && c.get(0).getQuery() instanceof BoostQuery boosted && fieldOf(boosted.getQuery()).equals(ArchiveSchema.SUBJECT)
                && fieldOf(c.get(1).getQuery()).equals(ArchiveSchema.BODY);
    }

    private static String fieldOf(Query q) {
        if (q instanceof TermQuery t) {
            return t.getTerm().field();
        }
        if (q instanceof PhraseQuery p) {
            return p.getField();
        }
        return "";
    }

    private static String message(String text, ParseException e) {
        Throwable cause = e.getCause();
        if (cause instanceof FieldProblem p) {
            return p.getMessage();
        }
        String hint = " (use AND, OR, NOT, \"quotes\" for phrases, field:value, and \\ before special characters)";
        if (cause instanceof ParseException syntax && syntax.currentToken != null && syntax.currentToken.next != null) {
            Token next = syntax.currentToken.next;
            if (next.kind == 0) {
                return "The query '" + text + "' ends too early" + hint;
            }
            return "The query '" + text + "' cannot be read at column " + next.beginColumn + ", at '" + next.image + "'"
                    + hint;
        }
        if (cause instanceof TokenMgrError) {
            return "The query '" + text + "' cannot be read: an unclosed quote or a stray special character" + hint;
        }
        if (e.getMessage() != null && e.getMessage().contains("too many boolean clauses")) {
            return "The query '" + text + "' expands to too many terms; make it narrower";
        }
        return "The query '" + text + "' cannot be read" + hint;
    }

    /** A problem found in our own field handling: its message is already for the reader. */
    private static final class FieldProblem extends ParseException {
        private static final long serialVersionUID = 1L;

        FieldProblem(String message) {
            super(message);
        }
    }

    /** What an expanding clause is, for the cost check and its messages. */
    private enum Expansion {
        PREFIX("prefix"), WILDCARD("wildcard"), FUZZY("fuzzy word"), REGEX("regular expression"), RANGE("range of words");

        final String label;

        Expansion(String label) {
            this.label = label;
        }
    }

    private static final class Parser extends MultiFieldQueryParser {
        private final SearchLimits limits;
        /** Expanding clauses as written, and their cost so far: checked as each is parsed, before any expansion. */
        private int clauses;
        private int cost;
        /** Above 0 inside a clause already charged (a bare word comes back once per field). */
        private int depth;

        Parser(Analyzer analyzer, SearchLimits limits) {
            super(new String[] {ArchiveSchema.SUBJECT, ArchiveSchema.BODY}, analyzer, Map.of(ArchiveSchema.SUBJECT, 2f));
            setDefaultOperator(QueryParser.Operator.AND);
            setSplitOnWhitespace(true);
            // A word that the tokenizer splits (U.S., 1.4(b), d'affaires) is searched as the phrase it was.
            setAutoGeneratePhraseQueries(true);
            this.limits = limits;
        }

        /**
         * Charges one expanding clause before Lucene builds it. Issue 12: 400 fuzzy words were refused only after
         * 1.09 s of expansion each, and 50 regular expressions were not refused at all.
         */
        private void charge(Expansion kind, String field, String text, int weight) throws ParseException {
            if (depth > 0) {
                return;
            }
            int fields = field == null ? 2 : 1;
            clauses++;
            cost += weight * fields;
            if (clauses > limits.maxExpandingClauses()) {
                throw new FieldProblem("The query has more than " + limits.maxExpandingClauses()
                        + " wildcards, prefixes, fuzzy words (~), regular expressions (/.../) and ranges of words; "
                        + "at most " + limits.maxExpandingClauses() + " are allowed in one search");
            }
            if (cost > limits.expansionBudget()) {
                throw new FieldProblem("The query would read too much of the index: the " + kind.label + " '" + text
                        + "' brings its cost to " + cost + ", over the limit of " + limits.expansionBudget()
                        + " (each wildcard, fuzzy word or regular expression costs per field it searches, and a bare "
                        + "word searches two, subject and body); name a field (subject:...) or use fewer of them");
            }
        }

        private interface Build {
            Query build() throws ParseException;
        }

        private Query charged(Expansion kind, String field, String text, int weight, Build build) throws ParseException {
            charge(kind, field, text, weight);
            depth++;
            try {
                return build.build();
            } finally {
                depth--;
            }
        }

        /** A literal first character lets Lucene seek to it; anything else walks the whole dictionary. */
        private static boolean anchored(String text) {
            return !text.isEmpty() && Character.isLetterOrDigit(text.charAt(0));
        }

        @Override
        protected Query getFieldQuery(String field, String text, boolean quoted) throws ParseException {
            if (field == null) {
                return super.getFieldQuery(null, text, quoted);
            }
            String name = resolve(field);
            if (isDate(name)) {
                return range(name, text, text, true, true);
            }
            if (name.equals(ArchiveSchema.ID)) {
                BytesRef id = getAnalyzer().normalize(ArchiveSchema.ID, text.trim());
                return new BooleanQuery.Builder()
                        .add(new TermQuery(new Term(ArchiveSchema.ID, id)), Occur.SHOULD)
                        .add(new TermQuery(new Term(ArchiveSchema.CANONICAL_ID, id)), Occur.SHOULD)
                        .build();
            }
            return super.getFieldQuery(name, text, quoted);
        }

        /** Quoted text: the parent class bypasses the field mapping for it, so it is routed here. */
        @Override
        protected Query getFieldQuery(String field, String text, int slop) throws ParseException {
            if (field == null) {
                return super.getFieldQuery(null, text, slop);
            }
            String name = resolve(field);
            if (isDate(name) || name.equals(ArchiveSchema.ID)) {
                return getFieldQuery(field, text, true);
            }
            return super.getFieldQuery(name, text, slop);
        }

        @Override
        protected Query getRangeQuery(String field, String lower, String upper, boolean lowerIn, boolean upperIn)
                throws ParseException {
            if (field == null) {
                return charged(Expansion.RANGE, null, "[" + lower + " TO " + upper + "]", limits.rangeWeight(),
                        () -> super.getRangeQuery(null, lower, upper, lowerIn, upperIn));
            }
            String name = resolve(field);
            if (isDate(name)) {
                return range(name, lower, upper, lowerIn, upperIn);
            }
            return charged(Expansion.RANGE, name, "[" + lower + " TO " + upper + "]", limits.rangeWeight(),
                    () -> super.getRangeQuery(name, lower, upper, lowerIn, upperIn));
        }

        @Override
        protected Query getWildcardQuery(String field, String text) throws ParseException {
            if ("*".equals(field)) {
                return super.getWildcardQuery(field, text);
            }
            if (text.startsWith("*") || text.startsWith("?")) {
                // Issue 12: '*a*' was told it "cannot be read (use AND, OR...)", which says nothing of the reason.
                throw new FieldProblem("A wildcard at the start of a word ('" + text + "') is not allowed: it would "
                        + "read every word of the archive; start with a letter (nucl*), or write a regular expression "
                        + "(/.*" + text.replaceAll("^[*?]+", "").replace("*", ".*").replace("?", ".") + "/), "
                        + "which is allowed within the query's budget");
            }
            String name = term(field, text);
            return charged(Expansion.WILDCARD, name, text, limits.wildcardWeight(), () -> {
                try {
                    return super.getWildcardQuery(name, text);
                } catch (TooComplexToDeterminizeException e) {
                    // The translator's fuzz test (CI, 2026-12-04) found 'cl*+++???…' (30 '?' after a '*'): the
                    // automaton Lucene builds for it is too large, which was a server error instead of a refusal.
                    throw new FieldProblem("The wildcard '" + text + "' cannot be used: it has too many '*' and '?' "
                            + "for one word; write fewer of them");
                }
            });
        }

        @Override
        protected Query getPrefixQuery(String field, String text) throws ParseException {
            String name = term(field, text);
            return charged(Expansion.PREFIX, name, text + "*", limits.prefixWeight(),
                    () -> super.getPrefixQuery(name, text));
        }

        @Override
        protected Query getFuzzyQuery(String field, String text, float similarity) throws ParseException {
            String name = term(field, text);
            int edits = similarity >= 1 ? Math.min(2, (int) similarity) : 2;
            return charged(Expansion.FUZZY, name, text + "~" + edits, limits.fuzzyWeightPerEdit() * Math.max(1, edits),
                    () -> super.getFuzzyQuery(name, text, similarity));
        }

        @Override
        protected Query getRegexpQuery(String field, String text) throws ParseException {
            String name = term(field, text);
            int weight = limits.regexWeight() * (anchored(text) ? 1 : limits.unanchoredFactor());
            return charged(Expansion.REGEX, name, "/" + text + "/", weight, () -> {
                try {
                    return super.getRegexpQuery(name, text);
                } catch (IllegalArgumentException | TooComplexToDeterminizeException e) {
                    throw new FieldProblem("The regular expression /" + text + "/ cannot be used: " + e.getMessage());
                }
            });
        }

        /** A field that takes wildcards, fuzzy and regular expressions: any but the dates. */
        private static String term(String field, String text) throws ParseException {
            if (field == null) {
                return null;
            }
            String name = resolve(field);
            if (isDate(name)) {
                throw new FieldProblem(field + ": takes a date or a range of dates, not '" + text + "'");
            }
            return name;
        }

        private static String resolve(String field) throws ParseException {
            String name = FIELDS.get(field.toLowerCase(Locale.ROOT));
            if (name == null) {
                throw new FieldProblem("There is no field '" + field + ":'; the fields are "
                        + String.join(": ", FIELD_NAMES) + ": (a colon in a word is written \\:)");
            }
            return name;
        }

        private static boolean isDate(String name) {
            return name.equals(ArchiveSchema.CREATED) || name.equals(ArchiveSchema.RELEASED) || name.equals(YEAR);
        }

        /** A range of minutes: each end is a whole period, so [2008-01 TO 2008-06] runs to the end of June. */
        private static Query range(String name, String lower, String upper, boolean lowerIn, boolean upperIn)
                throws ParseException {
            String field = name.equals(YEAR) ? ArchiveSchema.CREATED : name;
            long from = Long.MIN_VALUE;
            long to = Long.MAX_VALUE;
            if (lower != null && !lower.equals("*")) {
                long[] p = period(name, lower);
                from = lowerIn ? p[0] : p[1];
            }
            if (upper != null && !upper.equals("*")) {
                long[] p = period(name, upper);
                to = upperIn ? p[1] - 1 : p[0] - 1;
            }
            return ArchiveSchema.minuteRange(field, from, to);
        }

        /** The first minute of the period written, and the first minute after it. */
        private static long[] period(String name, String text) throws ParseException {
            Matcher m = DATE.matcher(text.trim());
            if (!m.matches() || (name.equals(YEAR) && m.group(2) != null)) {
                throw new FieldProblem(name + ": '" + text + "' is not a date; write "
                        + (name.equals(YEAR) ? "a year: 2009" : "2008, 2008-06, 2008-06-10 or \"2008-06-10 11:11\""));
            }
            try {
                int year = Integer.parseInt(m.group(1));
                LocalDateTime start;
                LocalDateTime end;
                if (m.group(2) == null) {
                    start = LocalDate.of(year, 1, 1).atStartOfDay();
                    end = start.plusYears(1);
                } else if (m.group(3) == null) {
                    start = YearMonth.of(year, Integer.parseInt(m.group(2))).atDay(1).atStartOfDay();
                    end = start.plusMonths(1);
                } else if (m.group(4) == null) {
                    start = LocalDate.of(year, Integer.parseInt(m.group(2)), Integer.parseInt(m.group(3))).atStartOfDay();
                    end = start.plusDays(1);
                } else {
                    start = LocalDate.of(year, Integer.parseInt(m.group(2)), Integer.parseInt(m.group(3)))
                            .atTime(Integer.parseInt(m.group(4)), Integer.parseInt(m.group(5)));
                    end = start.plusMinutes(1);
                }
                return new long[] {ArchiveSchema.minute(start), ArchiveSchema.minute(end)};
            } catch (DateTimeException e) {
                throw new FieldProblem(name + ": '" + text + "' is not a valid date (" + e.getMessage() + ")");
            }
        }
    }
}
