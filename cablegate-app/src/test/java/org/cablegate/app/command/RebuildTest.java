package org.cablegate.app.command;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.cablegate.sample.BundledSample;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code cablegate release --rebuild} (issue 13): the public archive rebuilt from the vault and its release log, after
 * releases, a redaction published by {@code release --changed} and a withdrawal, serves the same bytes as before. The
 * crawl is {@code cablegate export}: every page, listing, feed, sitemap and data route of the site as the server
 * sends it, file by file; searches are compared as {@code cablegate search} prints them.
 */
class RebuildTest {
    static final String VALID = "2099-01-01T00:00:00Z";
    static final List<String> QUERIES = List.of("moscow", "body:Onishchenko", "tag:PREL AND created:2009",
            "subject:nuclear*");

    @TempDir
    Path dir;

    static CliRun ok(String... args) {
        CliRun run = CliRun.of(args);
        assertThat(run.exitCode()).as(String.join(" ", args) + ": " + run.err()).isZero();
        return run;
    }

    @Test
    void aRebuiltPublicArchiveServesTheSameBytesAsTheOneItReplaces() throws IOException {
        String data = dir.resolve("data").toString();
        ok("import", "--data", data, BundledSample.CABLES_CSV.path().toString());
        ok("release", "--data", data, "--origin", "Embassy London", "--at", "2010-11-28T18:00");
        ok("release", "--data", data, "--all", "--at", "2010-12-05T09:30");
        ok("redact", "08MOSCOW1647", "--text", "Onishchenko", "--every", "--reason", "protects a source", "--data", data);
        ok("release", "--data", data, "--changed", "--at", "2010-12-12T09:30");
        ok("withdraw", "09LONDON2567", "--reason", "legal advice", "--at", "2010-12-19T09:30", "--data", data);
        ok("keys", "init", "--data", data);
        Map<String, String> before = crawl(data, dir.resolve("before"));

        // The archive damaged: a file of its segments gone, as status now says.
        Path publicDir = Path.of(data, "public");
        try (Stream<Path> files = Files.list(publicDir)) {
            Files.delete(files.filter(p -> p.getFileName().toString().endsWith(".fdt")).findFirst().orElseThrow());
        }
        assertThat(CliRun.of("status", "--data", data).exitCode()).isEqualTo(ExitCode.FAILED);

        CliRun rebuild = ok("release", "--data", data, "--rebuild");
        assertThat(rebuild.out()).isEqualTo("rebuilt the public archive " + publicDir + " from the vault: 4 releases "
                + "replayed, release 4, 185 cables public\n");
        assertThat(Path.of(data, "public.rebuild")).doesNotExist();
        assertThat(Path.of(data, "public.old")).doesNotExist();
        Map<String, String> after = crawl(data, dir.resolve("after"));

        assertThat(after.keySet()).isEqualTo(before.keySet());
        List<String> differing = before.keySet().stream().filter(k -> !before.get(k).equals(after.get(k))).toList();
        assertThat(differing).as("answers that differ after the rebuild").isEmpty();
        assertThat(before).hasSizeGreaterThan(1000);
    }

    /**
     * Every file of an export (the MANIFEST without its {@code previous} lines, which name the exports made before),
     * and every search of {@link #QUERIES} as printed, keyed by path or query.
     */
    static Map<String, String> crawl(String data, Path target) throws IOException {
        ok("export", "--data", data, "--base-url", "https://cablegate.test", "--valid-until", VALID, target.toString());
        Map<String, String> answers = new TreeMap<>();
        Path root = target.toRealPath();
        try (Stream<Path> files = Files.walk(root)) {
            for (Path f : (Iterable<Path>) files.filter(Files::isRegularFile)::iterator) {
                String name = root.relativize(f).toString();
                if (name.equals("MANIFEST.sig")) {
                    continue;
                }
                byte[] bytes = Files.readAllBytes(f);
                String text = name.equals("MANIFEST") ? new String(bytes, StandardCharsets.UTF_8)
                        .lines().filter(l -> !l.startsWith("previous ")).collect(Collectors.joining("\n"))
                        : HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
                answers.put(name, text);
            }
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
        for (String q : QUERIES) {
            answers.put("search " + q, ok("search", "--data", data, q).out());
        }
        return answers;
    }
}
