package org.cablegate.app.command;

import java.io.PrintWriter;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.cablegate.archive.index.BadQueryException;
import org.cablegate.archive.index.Facet;
import org.cablegate.archive.index.FacetCount;
import org.cablegate.archive.index.Hit;
import org.cablegate.archive.index.PublicArchive;
import org.cablegate.archive.index.SearchRequest;
import org.cablegate.archive.index.SearchResult;
import org.cablegate.archive.index.SortOrder;
import org.cablegate.archive.release.Releaser;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code cablegate search QUERY}: searches the public archive, and nothing else. */
@Command(name = "search", mixinStandardHelpOptions = true, description = {"Search the public archive (released cables only) with Lucene query syntax.",
        "Fields: subject: body: tag: origin: classification: id: from: to: created:[2008-01 TO 2008-06] released:"})
final class SearchCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    DataDirectory data;

    @Parameters(arity = "0..*", paramLabel = "QUERY", description = "The query; none: every released cable.")
    List<String> words;

    @Option(names = "--sort", defaultValue = "RELEVANCE", description = "One of ${COMPLETION-CANDIDATES}. Default: ${DEFAULT-VALUE}.")
    SortOrder sort;

    @Option(names = "--limit", defaultValue = "10", description = "Hits to show (default: ${DEFAULT-VALUE}).")
    int limit;

    @Option(names = "--offset", defaultValue = "0", description = "Hits to skip.")
    int offset;

    @Option(names = "--filter", paramLabel = "FACET=VALUE", description = "Only hits with this exact value, e.g. origin='Embassy Moscow'.")
    Map<Facet, String> filters;

    @Option(names = "--facets", defaultValue = "10", description = "Values per facet to count (0: none). Default: ${DEFAULT-VALUE}.")
    int facets;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        String query = words == null ? "" : String.join(" ", words);
        SearchRequest request = SearchRequest.of(query).withSort(sort).withPage(offset, limit);
        if (facets > 0) {
            request = request.withFacets(facets);
        }
        if (filters != null) {
            for (Map.Entry<Facet, String> f : filters.entrySet()) {
                request = request.withFilter(f.getKey(), f.getValue());
            }
        }
        try (PublicArchive archive = PublicArchive.open(Releaser.publicDir(data.existing()))) {
            print(archive.search(request), query, out);
            return ExitCode.OK;
        } catch (BadQueryException e) {
            spec.commandLine().getErr().println("cablegate: bad query: " + e.getMessage());
            return ExitCode.USAGE;
        }
    }

    static void print(SearchResult result, String query, PrintWriter out) {
        // Without facets the archive may stop counting early; the total is then a lower bound.
        out.printf("%,d%s hits for %s%n", result.total(), result.totalExact() ? "" : "+",
                query.isBlank() ? "all released cables" : "'" + query + "'");
        for (Hit h : result.hits()) {
            out.printf("  %-22s %s  %-34s %-28s %s%n", h.id(), h.created().toLocalDate(), h.classification(),
                    h.origin(), h.subject());
        }
        for (Map.Entry<Facet, List<FacetCount>> f : result.facets().entrySet()) {
            StringBuilder line = new StringBuilder("  " + f.getKey().name().toLowerCase() + ":");
            for (FacetCount c : f.getValue()) {
                line.append(' ').append(c.value()).append(" (").append(String.format("%,d", c.count())).append(')');
            }
            out.println(line);
        }
        out.flush();
    }
}
