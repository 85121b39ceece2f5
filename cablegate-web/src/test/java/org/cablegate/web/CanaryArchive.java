package org.cablegate.web;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.cablegate.archive.release.RedactionDesk;
import org.cablegate.archive.release.ReleaseListener;
import org.cablegate.archive.release.ReleaseRequest;
import org.cablegate.archive.release.Releaser;
import org.cablegate.archive.vault.ImportListener;
import org.cablegate.archive.vault.Importer;
import org.cablegate.archive.vault.Selection;
import org.cablegate.archive.vault.Vault;
import org.cablegate.archive.vault.VersionRecord;
import org.cablegate.core.model.Cable;
import org.cablegate.core.model.Paragraph;
import org.cablegate.core.model.SourceCable;
import org.cablegate.core.parse.CableParser;
import org.cablegate.core.read.CableSink;
import org.cablegate.core.read.Rejection;
import org.cablegate.core.read.Sources;
import org.cablegate.core.redact.RedactionRule;
import org.cablegate.core.write.CablesCsvWriter;
import org.cablegate.sample.BundledSample;

/**
 * A data directory in which unique canary words stand wherever the public archive must not show them: in a cable
 * that stays unreleased, in spans redacted before a first release and after one (body, subject, a paragraph), in a
 * withdrawn cable, and in the old text of a cable corrected before its release. Built from the real cables of the
 * bundled sample, each role played by a different cable.
 */
final class CanaryArchive {
    static final LocalDateTime FIRST = LocalDateTime.parse("2011-02-01T12:00");
    static final LocalDateTime SECOND = LocalDateTime.parse("2011-03-01T12:00");

    /** Canary word by role. */
    final Map<String, String> canaries = new LinkedHashMap<>();
    /** Cable id by role. */
    final Map<String, String> roles = new LinkedHashMap<>();
    final Path dataDir;

    private CanaryArchive(Path dataDir) {
        this.dataDir = dataDir;
    }

    /** The roles, in the order the issue lists them. */
    static final List<String> ROLES = List.of("unreleased", "redacted-body-before-release", "redacted-subject",
            "redacted-paragraph", "withdrawn", "corrected-before-release");

    static CanaryArchive build(Path dir) throws Exception {
        CanaryArchive a = new CanaryArchive(dir.resolve("data"));
        CableParser parser = new CableParser();
        try (Vault vault = Vault.open(a.dataDir)) {
            new Importer(vault).run(List.of(BundledSample.CABLES_CSV.path()), ImportListener.NONE);
            // Cables with a subject line and three numbered paragraphs, each with " the " in paragraphs 2 and 3.
            List<SourceCable> fit = new ArrayList<>();
            for (String id : ids(vault)) {
                SourceCable s = current(vault, id);
                Cable c = parser.parse(s);
                if (!c.subject().isBlank() && s.body().contains("SUBJECT:") && c.paragraphs().size() >= 4
                        && paragraphText(s, c, 2).contains(" the ") && paragraphText(s, c, 3).contains(" the ")) {
                    fit.add(s);
                }
                if (fit.size() == ROLES.size()) {
                    break;
                }
            }
            if (fit.size() < ROLES.size()) {
                throw new IllegalStateException("the sample has too few cables for the canaries: " + fit.size());
            }
            List<SourceCable> changed = new ArrayList<>();
            for (int i = 0; i < ROLES.size(); i++) {
                String role = ROLES.get(i);
                String canary = "zebracanary" + (char) ('a' + i);
                SourceCable s = fit.get(i);
                Cable c = parser.parse(s);
                a.canaries.put(role, canary);
                a.roles.put(role, s.id());
                String body = switch (role) {
                    case "redacted-subject" -> s.body().replaceFirst("SUBJECT: *", "SUBJECT: " + canary.toUpperCase() + " ");
                    case "redacted-paragraph" -> insert(s, c, 3, canary);
                    default -> insert(s, c, 2, canary);
                };
                changed.add(with(s, body));
            }
            write(dir.resolve("canaries.csv"), changed);
            new Importer(vault).run(List.of(dir.resolve("canaries.csv")), ImportListener.NONE);
            // The correction: a new text without the canary (and not the original, which the vault knows already).
            SourceCable corrected = current(vault, a.roles.get("corrected-before-release"));
            write(dir.resolve("correction.csv"), List.of(with(corrected, corrected.body()
                    .replace(" " + a.canaries.get("corrected-before-release"), "").replaceFirst(" the ", " THE "))));
            new Importer(vault).run(List.of(dir.resolve("correction.csv")), ImportListener.NONE);

            RedactionDesk desk = new RedactionDesk(vault);
            Instant at = Instant.parse("2011-01-15T10:00:00Z");
            desk.redact(List.of(new RedactionDesk.Ask(a.roles.get("redacted-body-before-release"),
                    RedactionRule.everyText(a.canaries.get("redacted-body-before-release")), "a source")), "tester", at);
            Set<String> held = Set.of(a.roles.get("unreleased"));
            try (Releaser releaser = Releaser.open(vault)) {
                List<String> released = new ArrayList<>(ids(vault));
                released.removeAll(held);
                releaser.release(ReleaseRequest.of("first", Selection.all().withIds(released)).at(FIRST),
                        ReleaseListener.NONE);
            }
            // Public for a month with these words, then redacted and withdrawn: no trace may stay.
            desk.redact(List.of(new RedactionDesk.Ask(a.roles.get("redacted-subject"), RedactionRule.subject(), "names"),
                    new RedactionDesk.Ask(a.roles.get("redacted-paragraph"), RedactionRule.paragraph(3), "a source")),
                    "tester", at.plusSeconds(86_400 * 20));
            try (Releaser releaser = Releaser.open(vault)) {
                releaser.withdraw(Set.of(a.roles.get("withdrawn")), "endangers a source", Optional.of(SECOND),
                        ReleaseListener.NONE);
                releaser.release(ReleaseRequest.of("redactions", Selection.all().withChangesOnly()).at(SECOND),
                        ReleaseListener.NONE);
            }
        }
        return a;
    }

    /** The sample's ids, in the order of its file. */
    private static List<String> ids(Vault vault) throws IOException {
        List<String> ids = new ArrayList<>();
        Sources.read(BundledSample.CABLES_CSV.path(), new CableSink() {
            @Override
            public void accept(SourceCable cable) {
                ids.add(cable.id());
            }

            @Override
            public void reject(Rejection rejection) {
                throw new IllegalStateException("the sample must read cleanly: " + rejection);
            }
        });
        return ids;
    }

    private static SourceCable current(Vault vault, String id) throws IOException {
        List<VersionRecord> versions = vault.versions(id);
        return versions.get(versions.size() - 1).source();
    }

    /** The raw text of paragraph {@code n} (1-based position), up to the next one. */
    private static String paragraphText(SourceCable s, Cable c, int n) {
        Paragraph p = c.paragraphs().get(n - 1);
        int end = n < c.paragraphs().size() ? c.paragraphs().get(n).offset() : s.body().length();
        return s.body().substring(p.offset(), end);
    }

    /** The body with {@code word} after the first " the " of paragraph {@code n}. */
    private static String insert(SourceCable s, Cable c, int n, String word) {
        int at = s.body().indexOf(" the ", c.paragraphs().get(n - 1).offset()) + " the".length();
        return s.body().substring(0, at) + " " + word + s.body().substring(at);
    }

    private static SourceCable with(SourceCable s, String body) {
        return new SourceCable(s.id(), s.created(), s.released(), s.classification(), s.origin(), s.header(), body,
                s.format(), s.location());
    }

    private static void write(Path file, List<SourceCable> cables) throws IOException {
        try (Writer w = Files.newBufferedWriter(file, StandardCharsets.UTF_8); CablesCsvWriter csv = new CablesCsvWriter(w)) {
            for (SourceCable s : cables) {
                csv.write(s, "");
            }
        }
    }
}
