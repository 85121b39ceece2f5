package org.cablegate.core.parse;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.cablegate.core.model.Cable;
import org.cablegate.core.model.Paragraph;
import org.cablegate.core.model.SourceCable;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The acceptance bar: the parser against what the original site shows on each of its 6,712 cable pages (the top box,
 * the tag links of the TAGS line, the subject of the page title, the ¶ anchors of numbered paragraphs).
 *
 * <p>Comparisons: top-box fields exactly; tags as the site linked them against {@code tagsAsWritten}; the subject
 * after HTML entities are decoded and white space collapsed, case kept (the site copied the subject from the text, so
 * case must agree); anchors as a set against the parsed paragraph numbers. Every disagreement goes to
 * {@code fidelity-report.txt} in the build directory with its category. Two behaviours of the site are known to be
 * wrong and are counted apart, not against the parser:
 * <ul>
 *   <li>the site linked only the first line of a wrapped TAGS line (06PARTO9 {@code ... LE} / {@code SY, IS}) and
 *       linked nothing on a TAGS line without a colon ({@code TAGS PGOV, ELAB, EU} in 06PARIS5975);</li>
 *   <li>the page title carries only the first line of a wrapped subject (06COPENHAGEN1327), and on re-flowed pages the
 *       whole line, REF list included (08LONDON3038).</li>
 * </ul>
 */
@Tag("corpus")
class SiteFidelityTest {
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    @Test
    void parsesTheSitePagesAsTheSiteShowsThem() throws IOException {
        Map<String, CorpusCables.SiteTruth> truth = CorpusCables.truth();
        Map<String, SourceCable> site = CorpusCables.site();
        CableParser parser = new CableParser();
        List<String> report = new ArrayList<>();
        int pages = 0;
        int metadata = 0;
        int tagPages = 0;
        int tagsEqual = 0;
        int tagsSiteWrapped = 0;
        int tagsSiteCase = 0;
        int tagsSiteUnlinked = 0;
        int subjectPages = 0;
        int subjectEqual = 0;
        int subjectSiteFirstLine = 0;
        int subjectSiteMangled = 0;
        int anchorPages = 0;
        int anchorsFound = 0;
        int anchorsSiteWrong = 0;
        for (SourceCable source : site.values()) {
            CorpusCables.SiteTruth t = truth.get(source.id());
            assertThat(t).as("ground truth for " + source.id()).isNotNull();
            Cable c = parser.parse(source);
            pages++;
            String box = c.id() + " | " + c.created().format(TIME) + " | " + c.released().map(TIME::format).orElse("")
                    + " | " + c.classification() + " | " + c.origin();
            String siteBox = t.id() + " | " + t.created() + " | " + t.released() + " | " + t.classification() + " | "
                    + t.origin();
            if (box.equals(siteBox)) {
                metadata++;
            } else {
                report.add("METADATA " + c.id() + ": parsed [" + box + "] site [" + siteBox + "]");
            }

            if (t.tagsLinked()) {
                tagPages++;
                if (c.tagsAsWritten().equals(t.tags())) {
                    tagsEqual++;
                } else if (upper(c.tagsAsWritten()).equals(t.tags())) {
                    tagsSiteCase++;
                    report.add("TAGS-SITE-CASE " + c.id() + ": the site wrote in capitals " + t.tags() + " the tags "
                            + c.tagsAsWritten());
                } else if (isStrictPrefix(t.tags(), c.tagsAsWritten())) {
                    tagsSiteWrapped++;
                    report.add("TAGS-SITE-WRAP " + c.id() + ": site linked the first line only " + t.tags()
                            + ", parsed " + c.tagsAsWritten());
                } else {
                    report.add("TAGS " + c.id() + ": parsed " + c.tagsAsWritten() + " site " + t.tags());
                }
            } else if (!c.tagsAsWritten().isEmpty()) {
                tagsSiteUnlinked++;
                report.add("TAGS-SITE-UNLINKED " + c.id() + ": site linked none, parsed " + c.tagsAsWritten());
            }

            String siteSubject = Texts.collapse(t.subject());
            if (!siteSubject.isEmpty() || !c.subject().isEmpty()) {
                subjectPages++;
                if (c.subject().equals(siteSubject)) {
                    subjectEqual++;
                } else if (titleIsFirstLine(siteSubject, c)) {
                    subjectSiteFirstLine++;
                    report.add("SUBJECT-SITE-LINE " + c.id() + ": site [" + siteSubject + "] parsed [" + c.subject() + "]");
                } else if (titleIsMangled(siteSubject, c)) {
                    subjectSiteMangled++;
                    report.add("SUBJECT-SITE-MANGLED " + c.id() + ": site [" + siteSubject + "] parsed [" + c.subject()
                            + "]");
                } else {
                    report.add("SUBJECT " + c.id() + ": site [" + siteSubject + "] parsed [" + c.subject() + "]");
                }
            }

            if (!t.anchors().isEmpty()) {
                anchorPages++;
                Set<Integer> numbers = new HashSet<>();
                for (Paragraph p : c.paragraphs()) {
                    numbers.add(p.number());
                }
                List<Integer> missing = new ArrayList<>();
                for (int a : t.anchors()) {
                    if (!numbers.contains(a)) {
                        missing.add(a);
                    }
                }
                if (missing.isEmpty()) {
                    anchorsFound++;
                } else if (missing.stream().allMatch(n -> anchorIsNotAParagraph(c.bodyText(), n))) {
                    anchorsSiteWrong++;
                    report.add("PARAGRAPHS-SITE-WRAP " + c.id() + ": site anchored " + missing + " at the start of a"
                            + " wrapped line (a year, a date, a number in running text)");
                } else {
                    report.add("PARAGRAPHS " + c.id() + ": site anchored " + missing + " not parsed; parsed "
                            + numbers.size() + " paragraphs " + numbersOf(c));
                }
            }
        }
        double metadataShare = 100.0 * metadata / pages;
        double tagShare = 100.0 * (tagsEqual + tagsSiteWrapped + tagsSiteCase) / tagPages;
        double subjectShare = 100.0 * (subjectEqual + subjectSiteFirstLine + subjectSiteMangled) / subjectPages;
        double anchorShare = 100.0 * (anchorsFound + anchorsSiteWrong) / anchorPages;
        List<String> summary = List.of(
                String.format("pages: %d", pages),
                String.format("metadata (id, created, released, classification, origin) equal the top box: %d/%d = %.2f%%",
                        metadata, pages, metadataShare),
                String.format("tagsAsWritten equal the site's linked tags: %d/%d = %.2f%% exactly; %.2f%% counting %d pages"
                        + " where the site linked only the first line of a wrapped TAGS line and %d where it wrote"
                        + " lower-case tags in capitals", tagsEqual, tagPages, 100.0 * tagsEqual / tagPages, tagShare,
                        tagsSiteWrapped, tagsSiteCase),
                String.format("  + %d pages where the site linked no tag (TAGS without colon, lower case) and the parser"
                        + " read some", tagsSiteUnlinked),
                String.format("subject equals the site's title subject: %d/%d = %.2f%% exactly; %.2f%% counting %d pages"
                        + " where the title holds only the first line of a wrapped subject", subjectEqual, subjectPages,
                        100.0 * subjectEqual / subjectPages, 100.0 * (subjectEqual + subjectSiteFirstLine) / subjectPages,
                        subjectSiteFirstLine),
                String.format("  %.2f%% counting also %d titles the site mangled (first character dropped, leaving"
                        + " \"C) \" of a marking; a <br> or <strong> left in)", subjectShare, subjectSiteMangled),
                String.format("every anchored paragraph found: %d/%d pages = %.2f%% exactly; %.2f%% counting %d pages where"
                        + " the site anchored a number at the start of a wrapped line", anchorsFound, anchorPages,
                        100.0 * anchorsFound / anchorPages, anchorShare, anchorsSiteWrong));
        summary.forEach(System.out::println);
        List<String> out = new ArrayList<>(summary);
        out.add("");
        report.sort(null);
        out.addAll(report);
        Path file = CorpusCables.buildDir().resolve("fidelity-report.txt");
        Files.write(file, out, StandardCharsets.UTF_8);
        System.out.println("report: " + file);

        assertThat(metadataShare).as("metadata").isEqualTo(100.0);
        assertThat(tagShare).as("tags").isGreaterThanOrEqualTo(99.5);
        assertThat(subjectShare).as("subject").isGreaterThanOrEqualTo(98.0);
        assertThat(anchorShare).as("anchored paragraphs").isGreaterThanOrEqualTo(99.0);
    }

    private static List<String> upper(List<String> tags) {
        List<String> out = new ArrayList<>(tags.size());
        for (String tag : tags) {
            out.add(tag.toUpperCase(java.util.Locale.ROOT));
        }
        return out;
    }

    private static boolean isStrictPrefix(List<String> prefix, List<String> list) {
        return !prefix.isEmpty() && prefix.size() < list.size() && list.subList(0, prefix.size()).equals(prefix);
    }

    /** Whether the title subject is the first line of the SUBJECT as the body writes it, the rest on later lines. */
    private static boolean titleIsFirstLine(String title, Cable c) {
        if (title.isEmpty()) {
            return false;
        }
        for (String line : c.bodyText().split("\n")) {
            String collapsed = Texts.collapse(line);
            if (collapsed.endsWith(title) && collapsed.toUpperCase().contains("SUBJ")) {
                return c.subject().startsWith(title) || title.startsWith(c.subject());
            }
        }
        return false;
    }

    private static final Pattern MARKING_REST = Pattern.compile("^[A-Za-z/ ]{1,10}\\) ");
    private static final Pattern RUN_ON = Pattern.compile("REFS?:|REF |Classified|CLASSIFIED|[A-Z ]+ \\d{8} |1\\.");

    /**
     * Whether the title is the subject as the site mangled it: the site dropped the first character of a subject that
     * starts with punctuation ({@code (C) CHIRAC VISIT} → {@code C) CHIRAC VISIT} in 04TRIPOLI31, {@code "I'M GOING}
     * → {@code I'M GOING} in 06MEXICO255) and left markup in ({@code <br>} in 09LAPAZ96, {@code strong>} in
     * 07TELAVIV3586).
     */
    private static boolean titleIsMangled(String title, Cable c) {
        String site = title.replaceFirst("^strong> ", "").replaceFirst(" ?<br>$", "");
        String withoutMarking = MARKING_REST.matcher(site).replaceFirst("");
        String ours = c.subject();
        String oursWithoutFirst = ours.isEmpty() ? ours : ours.substring(1);
        for (String candidate : List.of(site, withoutMarking)) {
            for (String parsed : List.of(ours, oursWithoutFirst)) {
                if (!candidate.isEmpty() && (parsed.equals(candidate) || parsed.startsWith(candidate + " "))) {
                    return true;
                }
                // A re-flowed page: the title runs on into the next field (08LONDON2233 "... OFFICIALS REF: A. ...").
                if (!parsed.isEmpty() && candidate.startsWith(parsed + " ")
                        && RUN_ON.matcher(candidate.substring(parsed.length() + 1)).lookingAt()) {
                    return true;
                }
            }
        }
        return false;
    }

    /**
     * Whether the site's anchor {@code n} marks no paragraph: every line of the body that starts "n." continues the
     * line before it (which ends without a full stop), as in "April\n27. He said" (06REYKJAVIK150) or "in\n2003.";
     * or the number is 0 or a year.
     */
    private static boolean anchorIsNotAParagraph(String body, int n) {
        if (n == 0 || n >= 1000) {
            return true;
        }
        String[] lines = body.split("\n", -1);
        boolean seen = false;
        for (int i = 0; i < lines.length; i++) {
            if (!lines[i].strip().matches(n + "\\.(\\s.*|$)")) {
                continue;
            }
            seen = true;
            String previous = i > 0 ? lines[i - 1].strip() : "";
            if (previous.isEmpty() || previous.matches(".*[.!?:;\"')\\]\u201d]$")) {
                return false;
            }
        }
        return seen;
    }

    private static String numbersOf(Cable c) {
        StringBuilder sb = new StringBuilder();
        for (Paragraph p : c.paragraphs()) {
            sb.append(p.number()).append(' ');
        }
        return sb.toString().strip();
    }
}
