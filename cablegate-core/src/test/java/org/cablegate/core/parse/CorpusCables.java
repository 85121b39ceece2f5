package org.cablegate.core.parse;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.apache.commons.compress.compressors.xz.XZCompressorInputStream;
import org.cablegate.core.SharedCorpus;
import org.cablegate.core.model.SourceCable;
import org.cablegate.core.read.CableSink;
import org.cablegate.core.read.Rejection;
import org.cablegate.core.read.Sources;

/**
 * The real corpus for the whole-corpus tests, read once per test JVM: the 6,712 cables from the site pages and from the
 * CSV (through the project's readers), and what the original site itself shows on each page (its ground truth, read
 * here from the page HTML without the readers, so that a reader bug cannot hide a parser bug).
 */
final class CorpusCables {
    static final String SITE = "cablegate-site-2011-04-11.tar.xz";
    static final String CSV = "cables-2011-04.csv.gz";

    private static Map<String, SourceCable> site;
    private static Map<String, SourceCable> csv;
    private static Map<String, SiteTruth> truth;

    private CorpusCables() {}

    static synchronized Map<String, SourceCable> site() throws IOException {
        if (site == null) {
            site = read(SharedCorpus.corpusFile(SITE));
        }
        return site;
    }

    static synchronized Map<String, SourceCable> csv() throws IOException {
        if (csv == null) {
            csv = read(SharedCorpus.corpusFile(CSV));
        }
        return csv;
    }

    static synchronized Map<String, SiteTruth> truth() throws IOException {
        if (truth == null) {
            truth = readTruth(SharedCorpus.corpusFile(SITE));
        }
        return truth;
    }

    private static Map<String, SourceCable> read(Path path) throws IOException {
        Map<String, SourceCable> out = new LinkedHashMap<>();
        List<Rejection> rejected = new ArrayList<>();
        Sources.read(path, new CableSink() {
            @Override
            public void accept(SourceCable cable) {
                out.put(cable.id(), cable);
            }

            @Override
            public void reject(Rejection rejection) {
                rejected.add(rejection);
            }
        });
        if (!rejected.isEmpty()) {
            throw new IllegalStateException(path + " had rejections: " + rejected);
        }
        return out;
    }

    /** What a page of the original site shows, read from its HTML. */
    record SiteTruth(String id, String created, String released, String classification, String origin,
            String subject, List<String> tags, boolean tagsLinked, List<Integer> anchors, String path) {}

    private static final Pattern CELL = Pattern.compile("<td>\\s*<a [^>]*>([^<]*)</a>\\s*</td>");
    private static final Pattern TITLE = Pattern.compile("<h3>Viewing cable ([^,<]*), ?(.*?)</h3>", Pattern.DOTALL);
    private static final Pattern TAG_LINK = Pattern.compile("<a href='/tag/([^']*)_0\\.html'>([^<]*)</a>");
    private static final Pattern ANCHOR = Pattern.compile("<a id='par(\\d+)'");
    private static final Pattern ENTITY = Pattern.compile("&(#x[0-9A-Fa-f]+|#\\d+|amp|lt|gt|quot|apos|nbsp);");

    private static Map<String, SiteTruth> readTruth(Path path) throws IOException {
        Map<String, SiteTruth> out = new LinkedHashMap<>();
        try (InputStream file = new BufferedInputStream(Files.newInputStream(path), 1 << 16);
                TarArchiveInputStream tar = new TarArchiveInputStream(new XZCompressorInputStream(file))) {
            TarArchiveEntry entry;
            while ((entry = tar.getNextEntry()) != null) {
                String name = entry.getName();
                if (!entry.isFile() || !name.matches("(\\./)?cable/\\d{4}/\\d{2}/[^/]+\\.html")) {
                    continue;
                }
                String html = new String(tar.readAllBytes(), StandardCharsets.UTF_8);
                SiteTruth t = truth(html, name);
                out.put(t.id(), t);
            }
        }
        return out;
    }

    static SiteTruth truth(String html, String name) {
        int table = html.indexOf("<table class='cable'>");
        int tableEnd = html.indexOf("</table>", table);
        List<String> cells = new ArrayList<>();
        Matcher c = CELL.matcher(html).region(table, tableEnd);
        while (c.find()) {
            cells.add(decode(c.group(1)).strip());
        }
        Matcher t = TITLE.matcher(html);
        String subject = t.find() ? decode(t.group(2)) : "";
        int firstPre = html.indexOf("<pre>", tableEnd);
        int bodyPre = html.indexOf("<pre>", html.indexOf("</pre>", firstPre));
        int bodyEnd = html.indexOf("</pre>", bodyPre);
        String body = bodyPre < 0 ? "" : html.substring(bodyPre, bodyEnd < 0 ? html.length() : bodyEnd);
        // Tags as the site linked them in the TAGS line: the links on the first line that has any.
        List<String> tags = new ArrayList<>();
        int firstLink = body.indexOf("<a href='/tag/");
        if (firstLink >= 0) {
            int lineEnd = body.indexOf("&#x000A;", firstLink);
            Matcher l = TAG_LINK.matcher(body).region(firstLink, lineEnd < 0 ? body.length() : lineEnd);
            while (l.find()) {
                tags.add(decode(l.group(2)));
            }
        }
        List<Integer> anchors = new ArrayList<>();
        Matcher a = ANCHOR.matcher(body);
        while (a.find()) {
            anchors.add(Integer.parseInt(a.group(1)));
        }
        return new SiteTruth(cells.size() > 0 ? cells.get(0) : "", cells.size() > 1 ? cells.get(1) : "",
                cells.size() > 2 ? cells.get(2) : "", cells.size() > 3 ? cells.get(3) : "",
                cells.size() > 4 ? cells.get(4) : "", subject, tags, firstLink >= 0, anchors, name);
    }

    static String decode(String s) {
        if (s.indexOf('&') < 0) {
            return s;
        }
        Matcher m = ENTITY.matcher(s);
        StringBuilder sb = new StringBuilder();
        while (m.find()) {
            String e = m.group(1);
            String r = switch (e) {
                case "amp" -> "&";
                case "lt" -> "<";
                case "gt" -> ">";
                case "quot" -> "\"";
                case "apos" -> "'";
                case "nbsp" -> " ";
                default -> e.startsWith("#x") ? new String(Character.toChars(Integer.parseInt(e.substring(2), 16)))
                        : new String(Character.toChars(Integer.parseInt(e.substring(1))));
            };
            m.appendReplacement(sb, Matcher.quoteReplacement(r));
        }
        m.appendTail(sb);
        return sb.toString();
    }

    /** The build directory of this test run (target, or target-parser with -Dbuild.dir.name). */
    static Path buildDir() {
        try {
            Path classes = Path.of(CorpusCables.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            return classes.getParent();
        } catch (Exception e) {
            return Path.of("target");
        }
    }
}
