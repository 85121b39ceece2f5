package org.cablegate.archive.index;

import java.time.Duration;
import java.util.Objects;

/**
 * Every limit a search obeys, in one place, so that each backend (the embedded Lucene archive, and an OpenSearch
 * cluster later) and the web server in front of them enforce the same ones. Issue 12 forced them: 256 connections
 * asking for 50 regular expressions ({@code /.*a.* / OR /.*b.* / OR …}) or 400 fuzzy terms ({@code ab0~2 OR …}) each
 * held the server out of memory in Lucene's term expansion for over 8 minutes.
 *
 * <p>The cost check runs while the query is parsed, before any term is expanded: each expanding clause (regular
 * expression, fuzzy term, wildcard, prefix, range of words) costs its kind's weight once per field it searches (a bare
 * word searches two: subject and body); a query may hold at most {@code maxExpandingClauses} of them and spend at
 * most {@code expansionBudget}. A wildcard or regular expression that does not start with a literal letter reads every
 * word of the index, and costs {@code unanchoredFactor} times its weight; a leading {@code *} or {@code ?} is refused.
 *
 * @param maxQueryLength      characters of query text
 * @param maxExpandingClauses regular expressions, fuzzy terms, wildcards, prefixes and word ranges, as written
 * @param expansionBudget     the sum of the weights of the expanding clauses, per field searched
 * @param prefixWeight        {@code nucle*}
 * @param wildcardWeight      {@code nucl?ar}, {@code nu*ar}
 * @param fuzzyWeightPerEdit  {@code nuclear~1} costs this, {@code nuclear~2} twice this
 * @param regexWeight         {@code /nucle.r/}
 * @param rangeWeight         {@code subject:[a TO c]} (date ranges read points and cost nothing)
 * @param unanchoredFactor    multiplies a regular expression that starts with no literal character
 * @param timeout             a search running longer is stopped, its term expansion included, and answered with
 *                            {@link SearchInterruptedException}
 * @param searchThreads       searches run at once by a web server; the rest wait
 * @param searchQueue         searches that may wait; the web server answers the rest 503 at once
 * @param queueWait           how long a search may wait for a thread before it is answered 503
 * @param retryAfter          what the 503 tells a client to wait ({@code Retry-After})
 */
public record SearchLimits(
        int maxQueryLength,
        int maxExpandingClauses,
        int expansionBudget,
        int prefixWeight,
        int wildcardWeight,
        int fuzzyWeightPerEdit,
        int regexWeight,
        int rangeWeight,
        int unanchoredFactor,
        Duration timeout,
        int searchThreads,
        int searchQueue,
        Duration queueWait,
        Duration retryAfter) {

    public SearchLimits {
        Objects.requireNonNull(timeout, "timeout");
        Objects.requireNonNull(queueWait, "queueWait");
        Objects.requireNonNull(retryAfter, "retryAfter");
        if (maxQueryLength < 1 || maxExpandingClauses < 0 || expansionBudget < 0 || searchThreads < 1 || searchQueue < 0
                || timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException("search limits must be positive: " + this);
        }
    }

    /**
     * Defaults for one machine. Five regular expressions over subject and body, or ten fuzzy words of one edit,
     * answer in milliseconds on the whole set; beyond, a query is a scan of the dictionary rather than a search.
     * One search per core: a search is CPU-bound, more at once only makes each slower and takes the processor from
     * the threads that answer pages.
     */
    public static SearchLimits defaults() {
        int cores = Runtime.getRuntime().availableProcessors();
        return new SearchLimits(4000, 10, 40, 1, 2, 2, 4, 4, 3, Duration.ofSeconds(2), Math.max(2, cores),
                Math.max(8, 8 * cores), Duration.ofSeconds(1), Duration.ofSeconds(2));
    }

    public SearchLimits withTimeout(Duration newTimeout) {
        return new SearchLimits(maxQueryLength, maxExpandingClauses, expansionBudget, prefixWeight, wildcardWeight,
                fuzzyWeightPerEdit, regexWeight, rangeWeight, unanchoredFactor, newTimeout, searchThreads, searchQueue,
                queueWait, retryAfter);
    }

    public SearchLimits withPool(int threads, int queue, Duration wait) {
        return new SearchLimits(maxQueryLength, maxExpandingClauses, expansionBudget, prefixWeight, wildcardWeight,
                fuzzyWeightPerEdit, regexWeight, rangeWeight, unanchoredFactor, timeout, threads, queue, wait,
                retryAfter);
    }
}
