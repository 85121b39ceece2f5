package org.cablegate.archive.index;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.Base64;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Issue 12, finding 1 and the {@code *a*} message of finding 10: what a search may cost, and how it is stopped. */
class SearchLimitsTest {
    /** The two queries of the flood, as the probe sent them. */
    static final String FIFTY_REGEXPS = IntStream.range(0, 50).mapToObj(i -> "/.*" + (char) ('a' + i % 26) + ".*/")
            .collect(Collectors.joining(" OR "));
    static final String FOUR_HUNDRED_FUZZY = IntStream.range(0, 400).mapToObj(i -> "ab" + i + "~2")
            .collect(Collectors.joining(" OR "));

    @TempDir
    Path dir;

    PublicArchive archive;

    @BeforeEach
    void index() throws IOException {
        try (ArchiveWriter writer = ArchiveWriter.open(dir, 16)) {
            // Enough distinct words that a dictionary walk takes many steps of the terms enumeration.
            for (int n = 0; n < 300; n++) {
                int i = n;
                writer.add(new PublicCable(String.format("09X%05d", i), String.format("09X%05d", i), 1,
                        LocalDateTime.parse("2009-01-01T00:00").plusMinutes(i), PublicArchiveTest.RELEASED, "SECRET",
                        "Embassy X", "SUBJECT " + i, List.of("PREL"), "", List.of(), List.of(), "",
                        IntStream.range(0, 40).mapToObj(w -> "word" + i + "x" + w).collect(Collectors.joining(" "))));
            }
            writer.commit(1);
        }
        archive = PublicArchive.open(dir);
    }

    @AfterEach
    void close() throws IOException {
        archive.close();
    }

    @Test
    void fiftyRegularExpressionsAreRefusedBeforeAnyExpansion() {
        assertThat(FIFTY_REGEXPS).hasSize(50 * 7 + 49 * 4);

        assertThatThrownBy(() -> archive.search(SearchRequest.of(FIFTY_REGEXPS)))
                .isInstanceOf(BadQueryException.class)
                .hasMessageStartingWith("The query would read too much of the index: the regular expression "
                        + "'/.*b.*/' brings its cost to 48, over the limit of 40");
        String fieldOnly = FIFTY_REGEXPS.replace("/.*", "body:/");
        assertThatThrownBy(() -> archive.search(SearchRequest.of(fieldOnly)))
                .isInstanceOf(BadQueryException.class)
                .hasMessage("The query has more than 10 wildcards, prefixes, fuzzy words (~), regular expressions "
                        + "(/.../) and ranges of words; at most 10 are allowed in one search");
    }

    @Test
    void fourHundredFuzzyWordsAreRefusedUnread() {
        assertThatThrownBy(() -> archive.search(SearchRequest.of(FOUR_HUNDRED_FUZZY)))
                .isInstanceOf(BadQueryException.class)
                .hasMessage("The query is 4,286 characters long; at most 4,000 are allowed");
        String eleven = IntStream.range(0, 11).mapToObj(i -> "body:ab" + i + "~1").collect(Collectors.joining(" OR "));
        assertThatThrownBy(() -> archive.search(SearchRequest.of(eleven)))
                .isInstanceOf(BadQueryException.class)
                .hasMessageStartingWith("The query has more than 10 wildcards");
    }

    @Test
    void expansionsSpendABudgetPerFieldSearched() throws Exception {
        // One unanchored expression over subject and body costs 4 x 3 x 2 = 24 of 40: allowed.
        assertThat(archive.search(SearchRequest.of("/.*x1.*/")).total()).isPositive();
        assertThat(archive.search(SearchRequest.of("body:/.*x1.*/ AND subject:/.*1.*/")).total()).isPositive();
        // A second one over both fields brings it to 48.
        assertThatThrownBy(() -> archive.search(SearchRequest.of("/.*x1.*/ OR /.*x2.*/")))
                .isInstanceOf(BadQueryException.class)
                .hasMessage("The query would read too much of the index: the regular expression '/.*x2.*/' brings "
                        + "its cost to 48, over the limit of 40 (each wildcard, fuzzy word or regular expression costs "
                        + "per field it searches, and a bare word searches two, subject and body); name a field "
                        + "(subject:...) or use fewer of them");
        // Ten prefixes with a literal start are cheap: 10 x 1 x 2 = 20.
        String prefixes = IntStream.range(0, 10).mapToObj(i -> "word" + i + "*").collect(Collectors.joining(" OR "));
        assertThat(archive.search(SearchRequest.of(prefixes)).total()).isPositive();
    }

    @Test
    void aLeadingWildcardIsRefusedWithItsReason() {
        assertThatThrownBy(() -> archive.search(SearchRequest.of("*a*")))
                .isInstanceOf(BadQueryException.class)
                .hasMessage("A wildcard at the start of a word ('*a*') is not allowed: it would read every word of "
                        + "the archive; start with a letter (nucl*), or write a regular expression (/.*a.*/), which is "
                        + "allowed within the query's budget");
        assertThatThrownBy(() -> archive.search(SearchRequest.of("body:?ran")))
                .hasMessageStartingWith("A wildcard at the start of a word ('?ran') is not allowed");
    }

    @Test
    void aRegularExpressionThatCannotBeBuiltIsABadQuery() {
        assertThatThrownBy(() -> archive.search(SearchRequest.of("body:/(a|b){1,3000}(c|d){1,3000}/")))
                .isInstanceOf(BadQueryException.class)
                .hasMessageStartingWith("The regular expression /(a|b){1,3000}(c|d){1,3000}/ cannot be used: ");
    }

    @Test
    void aWildcardThatCannotBeBuiltIsABadQuery() {
        String text = "cl*+++" + "?".repeat(30);

        assertThatThrownBy(() -> archive.search(SearchRequest.of(text)))
                .isInstanceOf(BadQueryException.class)
                .hasMessage("The wildcard '" + text + "' cannot be used: it has too many '*' and '?' for one word; "
                        + "write fewer of them");
    }

    @Test
    void anOverlongQueryIsRefusedByItsLength() {
        String words = "iran ".repeat(1000);

        assertThatThrownBy(() -> archive.search(SearchRequest.of(words)))
                .isInstanceOf(BadQueryException.class)
                .hasMessage("The query is 5,000 characters long; at most 4,000 are allowed");
    }

    @Test
    void aSearchPastItsTimeLimitIsStoppedInTheDictionary() throws Exception {
        try (PublicArchive strict = PublicArchive.open(dir, SearchLimits.defaults().withTimeout(Duration.ofNanos(1)))) {
            assertThatThrownBy(() -> strict.search(SearchRequest.of("body:/.*x.*/")))
                    .isInstanceOf(SearchInterruptedException.class)
                    .hasMessage("The search took longer than 0 ms and was stopped; narrow it (fewer wildcards, fuzzy "
                            + "words or regular expressions)")
                    .satisfies(e -> assertThat(((SearchInterruptedException) e).timedOut()).isTrue());
            // The limit is per search: the thread is free again, and a cheap read still works.
            assertThat(strict.get("09X00001")).isPresent();
        }
    }

    @Test
    void aSearchWhoseClientWentAwayIsCancelled() throws Exception {
        try (PublicArchive.Scope gone = PublicArchive.cancelSearchesWhen(() -> true)) {
            assertThatThrownBy(() -> archive.search(SearchRequest.of("body:/.*x.*/")))
                    .isInstanceOf(SearchInterruptedException.class)
                    .hasMessage("The search was cancelled: its client went away")
                    .satisfies(e -> assertThat(((SearchInterruptedException) e).timedOut()).isFalse());
        }
        assertThat(archive.search(SearchRequest.of("body:/.*x.*/")).total()).isEqualTo(300);
    }

    @Test
    void theCursorCarriesThePositionOfTheNextPage() throws Exception {
        SearchRequest first = SearchRequest.of("").withLimit(10).withSort(SortOrder.CREATED_OLDEST);
        SearchResult page1 = archive.search(first);
        SearchResult page2 = archive.search(first.after(page1.nextCursor().orElseThrow()));
        SearchResult page3 = archive.search(first.after(page2.nextCursor().orElseThrow()));

        assertThat(page1.position()).isZero();
        assertThat(page2.position()).isEqualTo(10);
        assertThat(page3.position()).isEqualTo(20);
        assertThat(page3.hits().get(0).id()).isEqualTo("09X00020");
    }

    @Test
    void aCursorClaimingAPositionBeyondTheHitsIsRefused() throws Exception {
        SearchRequest first = SearchRequest.of("").withLimit(10).withSort(SortOrder.CREATED_OLDEST);
        String cursor = archive.search(first).nextCursor().orElseThrow();
        String[] parts = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8).split("\n");
        String forged = Base64.getUrlEncoder().withoutPadding().encodeToString((parts[0] + "\n" + parts[1] + "\n"
                + parts[2] + "\n999999999").getBytes(StandardCharsets.UTF_8));

        assertThatThrownBy(() -> archive.search(first.withFacets(1).after(forged)))
                .isInstanceOf(BadQueryException.class)
                .hasMessage("The cursor is not one this search made: it resumes after hit 999999999 of 300");
    }
}
