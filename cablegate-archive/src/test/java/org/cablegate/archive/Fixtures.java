package org.cablegate.archive;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.cablegate.core.model.SourceCable;
import org.cablegate.core.model.SourceFormat;
import org.cablegate.core.write.CablesCsvWriter;

/** Cables written for tests, in the shape real ones have, so that the real reader and parser handle them. */
public final class Fixtures {
    private Fixtures() {}

    /** A cable with a routing header and a body carrying TAGS, SUBJECT and one numbered paragraph. */
    public static SourceCable cable(String id, String created, String classification, String origin, String tags,
            String subject, String paragraph) {
        String post = origin.replace("Embassy ", "").toUpperCase();
        String header = "VZCZCXRO1331\nPP RUEHDBU\nDE RUEHMO #1442/01 0920750\nZNY CCCCC ZZH\nP 020750Z APR 07\n"
                + "FM AMEMBASSY " + post + "\nTO RUEHC/SECSTATE WASHDC PRIORITY 8840\n";
        String body = classification + " " + post + " 001647\n\nSIPDIS\n\nE.O. 12958: DECL: 06/04/2018\nTAGS: " + tags
                + "\nSUBJECT: " + subject + "\n\nClassified By: Ambassador John Beyrle. Reasons 1.4(b) and (d)\n\n"
                + "1. (C) " + paragraph + "\n\nBEYRLE\n";
        return new SourceCable(id, LocalDateTime.parse(created), Optional.empty(), classification, origin, header, body,
                SourceFormat.CSV, "test");
    }

    /** Writes cables as a cables.csv of the 2011 release. */
    public static Path writeCsv(Path file, List<SourceCable> cables) throws IOException {
        try (Writer out = Files.newBufferedWriter(file, StandardCharsets.UTF_8);
                CablesCsvWriter csv = new CablesCsvWriter(out)) {
            for (SourceCable c : cables) {
                csv.write(c, "");
            }
        }
        return file;
    }

    /**
     * Writes a cable as a page of the original site ({@code <top box> <pre>header</pre> <pre>body</pre>}), with the
     * release time the site showed.
     */
    public static Path writeSitePage(Path dir, SourceCable c, String released) throws IOException {
        String html = "<html><body><table class='cable'><tr><th>Reference ID</th><th>Created</th><th>Released</th>"
                + "<th>Classification</th><th>Origin</th></tr><tr><td><a href='x'>" + c.id() + "</a></td><td>"
                + c.created().toString().replace('T', ' ') + "</td><td>" + released + "</td><td><a href='y'>"
                + c.classification() + "</a></td><td><a href='z'>" + c.origin() + "</a></td></tr></table>"
                + "<pre>" + escape(c.header()) + "</pre><pre>" + escape(c.body()) + "</pre></body></html>";
        Path page = dir.resolve(c.id() + ".html");
        Files.writeString(page, html, StandardCharsets.UTF_8);
        return page;
    }

    private static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\n", "&#x000A;");
    }

    /** {@code n} distinct cables over several origins, years and tags, for bulk and crash tests. */
    public static List<SourceCable> generated(int n) {
        String[] origins = {"Embassy Moscow", "Embassy London", "Embassy Paris", "Embassy Tokyo"};
        String[] tags = {"PREL RS", "PGOV UK", "ECON FR", "PTER JA"};
        String[] classes = {"CONFIDENTIAL", "SECRET", "UNCLASSIFIED", "SECRET//NOFORN"};
        List<SourceCable> cables = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            int k = i % 4;
            String year = String.format("%02d", 5 + i % 5);
            String created = String.format("20%s-%02d-%02dT%02d:%02d", year, 1 + i % 12, 1 + i % 28, i % 24, i % 60);
            StringBuilder text = new StringBuilder("Paragraph of cable number " + i + " about the ministry.");
            for (int j = 0; j < 40; j++) {
                text.append(" Sentence ").append(j).append(" of cable ").append(i).append(" on trade, oil and security.");
            }
            cables.add(cable(year + origins[k].replace("Embassy ", "").toUpperCase() + (1000 + i), created, classes[k],
                    origins[k], tags[k], "GENERATED SUBJECT " + i, text.toString()));
        }
        return cables;
    }
}
