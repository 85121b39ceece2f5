package org.cablegate.app.command;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.cablegate.archive.release.RedactionDesk;
import org.cablegate.archive.vault.CableRecord;
import org.cablegate.archive.vault.Redaction;
import org.cablegate.archive.vault.Vault;
import org.cablegate.archive.vault.VersionRecord;
import org.cablegate.core.model.SourceCable;
import org.cablegate.core.read.CableSink;
import org.cablegate.core.read.Rejection;
import org.cablegate.core.read.Sources;
import org.cablegate.core.redact.RedactionFile;
import org.cablegate.core.redact.RedactionRule;
import org.cablegate.core.redact.RedactionSuggester;
import org.cablegate.core.redact.Redactor;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code cablegate redact}: keeps words of a cable out of the public archive. The redaction is stored in the vault;
 * the next release publishes the cable again with {@code XXXXXXXXXXXX} in their place, everywhere the text shows.
 */
@Command(name = "redact", mixinStandardHelpOptions = true, description = {
    "Redact words of a cable: the next release publishes it with XXXXXXXXXXXX in their place.",
    "One rule: ID with --text WORDS [--every], --paragraph N, --span FROM:TO or --subject, and --reason.",
    "A batch: --file FILE (CSV: id,kind,value,reason; all or nothing).",
    "Proposals from a redacted copy (e.g. the 2011 site's pages): --suggest ID --copy SOURCE, or --suggest-from SOURCE."})
final class RedactCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    DataDirectory data;

    @Parameters(index = "0", arity = "0..1", paramLabel = "ID", description = "The cable to redact.")
    String id;

    @ArgGroup(exclusive = true)
    Rule rule;

    static final class Rule {
        @Option(names = "--text", paramLabel = "WORDS", description = "Exact words (white space matches any white "
                + "space, a line break too); the first occurrence, in the header or the body.")
        String text;

        @Option(names = "--paragraph", paramLabel = "N", description = "The text of numbered paragraph N.")
        Integer paragraph;

        @Option(names = "--span", paramLabel = "FROM:TO", description = "Characters FROM to TO (exclusive) of the body.")
        String span;

        @Option(names = "--subject", description = "The subject's text.")
        boolean subject;
    }

    @Option(names = "--every", description = "With --text: every occurrence, not only the first.")
    boolean every;

    @Option(names = "--reason", paramLabel = "WHY", description = "Why (kept in the vault's log, never published).")
    String reason;

    @Option(names = "--by", paramLabel = "NAME", description = "Who redacts (default: the user running the command).")
    String by;

    @Option(names = "--file", paramLabel = "FILE", description = "A batch of redactions, CSV: id,kind,value,reason.")
    Path file;

    @Option(names = "--suggest", description = "Propose redactions for ID from the redacted copy given by --copy.")
    boolean suggest;

    @Option(names = "--copy", paramLabel = "SOURCE", description = "With --suggest: a source holding a redacted copy.")
    Path copy;

    @Option(names = "--suggest-from", paramLabel = "SOURCE", description = "Propose redactions for every cable of the "
            + "vault that SOURCE holds a redacted copy of (e.g. the 2011 site's pages).")
    Path suggestFrom;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        String who = by != null ? by : System.getProperty("user.name", "unknown");
        if (suggest || suggestFrom != null) {
            return suggest(out, err);
        }
        List<RedactionDesk.Ask> asks = asks();
        try (Vault vault = Vault.open(data.existingVault())) {
            List<Redaction> made;
            try {
                made = new RedactionDesk(vault).redact(asks, who, Instant.now());
            } catch (RedactionDesk.Refused e) {
                err.println("cablegate: " + (file != null ? file + ": row " + (e.index() + 1) + ": " : "")
                        + e.getMessage() + (asks.size() > 1 ? "; nothing was stored" : ""));
                err.flush();
                return ExitCode.FAILED;
            }
            for (Redaction r : made) {
                out.printf("redaction %d on %s: %s %s%n", r.id(), r.cableId(), r.kind(), r.value());
            }
            out.println("stored; the next release (e.g. `cablegate release --changed`) publishes it");
            out.flush();
            return ExitCode.OK;
        }
    }

    private List<RedactionDesk.Ask> asks() throws IOException {
        if (file != null) {
            if (id != null || rule != null || reason != null || every) {
                throw new ParameterException(spec.commandLine(), "--file takes its ids, kinds and reasons from the file");
            }
            List<RedactionDesk.Ask> asks = new ArrayList<>();
            try {
                for (RedactionFile.Row row : RedactionFile.read(file)) {
                    asks.add(new RedactionDesk.Ask(row.id(), row.rule(), row.reason()));
                }
            } catch (RedactionFile.BadRow e) {
                throw new ParameterException(spec.commandLine(), e.getMessage() + "; nothing was stored");
            }
            return asks;
        }
        if (id == null || rule == null) {
            throw new ParameterException(spec.commandLine(), "Say what to redact: ID and one of --text WORDS, "
                    + "--paragraph N, --span FROM:TO, --subject (or --file FILE)");
        }
        if (reason == null || reason.isBlank()) {
            throw new ParameterException(spec.commandLine(), "A redaction needs a --reason");
        }
        if (every && rule.text == null) {
            throw new ParameterException(spec.commandLine(), "--every goes with --text");
        }
        RedactionRule r;
        try {
            if (rule.text != null) {
                r = every ? RedactionRule.everyText(rule.text) : RedactionRule.text(rule.text);
            } else if (rule.paragraph != null) {
                r = RedactionRule.paragraph(rule.paragraph);
            } else if (rule.span != null) {
                r = RedactionRule.parse("span", rule.span);
            } else {
                r = RedactionRule.subject();
            }
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), e.getMessage());
        }
        return List.of(new RedactionDesk.Ask(id, r, reason));
    }

    /**
     * Prints proposals as rows of a batch file (id,kind,value,reason), to review and give to {@code redact --file}.
     */
    private int suggest(PrintWriter out, PrintWriter err) throws Exception {
        Path source = suggestFrom != null ? suggestFrom : copy;
        if (source == null || (suggest && id == null)) {
            throw new ParameterException(spec.commandLine(), "--suggest needs ID and --copy SOURCE; or use --suggest-from SOURCE");
        }
        Map<String, SourceCable> copies = new LinkedHashMap<>();
        Sources.read(source, new CableSink() {
            @Override
            public void accept(SourceCable cable) {
                boolean marked = cable.body().contains(Redactor.MARK) || cable.header().contains(Redactor.MARK);
                if (marked && (suggestFrom != null || cable.id().equals(id))) {
                    copies.put(cable.id(), cable);
                }
            }

            @Override
            public void reject(Rejection rejection) {
                err.println("skipped " + rejection.location() + ": " + rejection.reason());
            }
        });
        RedactionSuggester suggester = new RedactionSuggester();
        int proposals = 0;
        int differences = 0;
        try (Vault vault = Vault.open(data.existingVault())) {
            out.println("id,kind,value,reason");
            for (SourceCable c : copies.values()) {
                Optional<CableRecord> known = vault.cable(c.id());
                if (known.isEmpty()) {
                    continue;
                }
                SourceCable text = null;
                for (VersionRecord v : vault.versions(c.id())) {
                    if (v.version() == known.get().currentVersion()) {
                        text = v.source();
                    }
                }
                RedactionSuggester.Result result = suggester.suggest(text, c);
                for (RedactionSuggester.Suggestion s : result.suggestions()) {
                    out.println(csv(c.id()) + "," + s.rule().kind().word() + "," + csv(s.rule().value()) + ","
                            + csv("as redacted in " + source.getFileName() + ": " + s.words()));
                    proposals++;
                }
                differences += result.differences().size();
            }
        }
        out.flush();
        err.printf("%,d proposals for %,d cables; %,d other differences between the copies were not proposed%n",
                proposals, copies.size(), differences);
        err.flush();
        return ExitCode.OK;
    }

    private static String csv(String value) {
        return "\"" + value.replace("\"", "\"\"") + "\"";
    }
}
