package org.cablegate.core.read;

import java.time.DateTimeException;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.cablegate.core.model.SourceCable;
import org.cablegate.core.model.SourceFormat;

/**
 * Reads one cable page of the original site ({@code cable/2008/06/08MOSCOW1647.html}): the top box
 * {@code <table class='cable'>} gives id, created, released, classification and origin; the first {@code <pre>} after
 * it is the header, the second the body ({@link PageText} turns them back into text).
 *
 * <p>Only the link text of a cell counts: the {@code title} attributes on the classification links are wrong on every
 * page (08MOSCOW1647 is {@code SECRET} with {@code title='confidential'}).
 */
final class SitePage {
    private SitePage() {}

    /** What a page gave: a cable, or why not. */
    sealed interface Result permits Read, Rejected {}

    record Read(SourceCable cable) implements Result {}

    record Rejected(String reason) implements Result {}

    private static final String[] TOP_BOX = {"<table class='cable'", "<table class=\"cable\""};
    private static final int CELLS = 5;

    /** Reads the page text {@code html}; {@code location} names it in the cable. */
    static Result parse(String html, String location) {
        int table = -1;
        for (String marker : TOP_BOX) {
            table = html.indexOf(marker);
            if (table >= 0) {
                break;
            }
        }
        if (table < 0) {
            return new Rejected("no top box (<table class='cable'>): not a cable page");
        }
        int tableEnd = html.indexOf("</table>", table);
        if (tableEnd < 0) {
            return new Rejected("the top box (<table class='cable'>) is not closed");
        }
        List<String> cells = cells(html, table, tableEnd);
        if (cells.size() < CELLS) {
            return new Rejected("the top box has " + cells.size() + " cells, expected " + CELLS
                    + " (id, created, released, classification, origin)");
        }
        String id = cells.get(0);
        if (id.isEmpty()) {
            return new Rejected("the top box has no reference id");
        }
        Optional<LocalDateTime> created = parseTime(cells.get(1));
        if (created.isEmpty()) {
            return new Rejected(
                    "unparseable created date '" + cells.get(1) + "' (expected YYYY-MM-DD HH:MM) for " + id);
        }
        // A page with a garbled release date is still the cable; the date is the publisher's, not the cable's.
        Optional<LocalDateTime> released = parseTime(cells.get(2));

        List<String> blocks = preBlocks(html, tableEnd, 2);
        if (blocks.isEmpty()) {
            return new Rejected("no <pre> text after the top box of " + id);
        }
        // One block only: a page build without the header box; what there is is the body.
        String header = blocks.size() == 2 ? blocks.get(0) : "";
        String body = blocks.get(blocks.size() - 1);
        return new Read(new SourceCable(id, created.get(), released, cells.get(3), cells.get(4), header, body,
                SourceFormat.SITE_PAGE, location));
    }

    private static List<String> cells(String html, int from, int to) {
        List<String> cells = new ArrayList<>(CELLS);
        int i = from;
        while (true) {
            int open = html.indexOf("<td", i);
            if (open < 0 || open >= to) {
                return cells;
            }
            int openEnd = html.indexOf('>', open);
            int close = html.indexOf("</td>", openEnd);
            if (openEnd < 0 || close < 0 || close > to) {
                return cells;
            }
            cells.add(PageText.cell(html, openEnd + 1, close));
            i = close + 5;
        }
    }

    /** The decoded text of up to {@code max} {@code <pre>} blocks after {@code from}. */
    private static List<String> preBlocks(String html, int from, int max) {
        List<String> blocks = new ArrayList<>(max);
        int i = from;
        while (blocks.size() < max) {
            int open = html.indexOf("<pre", i);
            if (open < 0) {
                break;
            }
            int openEnd = html.indexOf('>', open);
            int close = openEnd < 0 ? -1 : html.indexOf("</pre>", openEnd);
            if (close < 0) {
                break;
            }
            blocks.add(PageText.decode(html, openEnd + 1, close));
            i = close + 6;
        }
        return blocks;
    }

    /** Parses the top box's {@code 2008-06-10 11:11}. */
    static Optional<LocalDateTime> parseTime(String text) {
        if (text.length() != 16 || text.charAt(4) != '-' || text.charAt(7) != '-' || text.charAt(10) != ' '
                || text.charAt(13) != ':') {
            return Optional.empty();
        }
        try {
            int year = digits(text, 0, 4);
            // Years before 1000 are refused, as the CSV reader refuses them: a page dated 0983-12-28 was read, and
            // its CSV row (12/28/983) was not (issue 13, the hour of fuzzing).
            if (year < 1000) {
                return Optional.empty();
            }
            return Optional.of(LocalDateTime.of(year, digits(text, 5, 7), digits(text, 8, 10),
                    digits(text, 11, 13), digits(text, 14, 16)));
        } catch (DateTimeException | NumberFormatException e) {
            return Optional.empty();
        }
    }

    private static int digits(String text, int from, int to) {
        int value = 0;
        for (int i = from; i < to; i++) {
            char c = text.charAt(i);
            if (c < '0' || c > '9') {
                throw new NumberFormatException(text);
            }
            value = value * 10 + (c - '0');
        }
        return value;
    }
}
