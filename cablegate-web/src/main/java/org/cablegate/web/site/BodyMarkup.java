package org.cablegate.web.site;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.cablegate.core.model.Cable;
import org.cablegate.core.model.Paragraph;
import org.cablegate.core.model.Reference;
import org.cablegate.web.view.Segment;

/**
 * A cable's body as segments for its page: a ¶ permalink before every numbered paragraph the parser found, each tag
 * of the TAGS line linked to its page, each REF item that names a cable linked to it. Everything else is text, which
 * the template escapes.
 */
final class BodyMarkup {
    private static final Pattern TAGS = Pattern.compile("(?m)^[ \\t]*TAGS?\\b[ \\t]*:?");
    /** A REF line, or "REF:" run into the subject where line breaks were lost (09TRIPOLI683 "RELEASE REF: STATE 86640"). */
    private static final Pattern REF = Pattern.compile("(?m)^[ \\t]*(?:REFS?|REFTELS?|REFERENCES?)\\b|\\bREFS?:");
    /** How far past the REF keyword its items are looked for. */
    private static final int REF_WINDOW = 3000;

    private record Mark(int start, int end, Segment segment) {}

    private BodyMarkup() {}

    /**
     * @param cited the page of each cited id: the cable's own page when it is public, else the page that says it
     *              is not
     */
    static List<Segment> segments(Cable cable, Function<String, String> tagHref, Map<String, String> cited) {
        String body = cable.bodyText();
        List<Mark> marks = new ArrayList<>();
        Map<Integer, Integer> seen = new HashMap<>();
        for (Paragraph p : cable.paragraphs()) {
            if (p.offset() >= 0 && p.offset() <= body.length()) {
                marks.add(new Mark(p.offset(), p.offset(), Segment.paragraph(p.number(), seen.merge(p.number(), 1, Integer::sum))));
            }
        }
        tags(cable, body, tagHref, marks);
        references(cable, body, cited, marks);
        marks.sort(Comparator.comparingInt(Mark::start).thenComparingInt(Mark::end));

        List<Segment> segments = new ArrayList<>();
        int at = 0;
        for (Mark m : marks) {
            if (m.start() < at) {
                continue;
            }
            if (m.start() > at) {
                segments.add(Segment.text(body.substring(at, m.start())));
            }
            segments.add(m.segment());
            at = m.end();
        }
        if (at < body.length()) {
            segments.add(Segment.text(body.substring(at)));
        }
        return segments;
    }

    private static void tags(Cable cable, String body, Function<String, String> tagHref, List<Mark> marks) {
        Matcher m = TAGS.matcher(body);
        if (!m.find() || cable.tagsAsWritten().isEmpty()) {
            return;
        }
        int lineEnd = body.indexOf('\n', m.end());
        // TAGS may wrap onto a second line: look until the SUBJECT or a blank line.
        int end = lineEnd < 0 ? body.length() : lineEnd;
        int next = end + 1;
        if (next < body.length()) {
            int nextEnd = body.indexOf('\n', next);
            String line = body.substring(next, nextEnd < 0 ? body.length() : nextEnd);
            if (!line.isBlank() && !line.stripLeading().startsWith("SUBJ")) {
                end = nextEnd < 0 ? body.length() : nextEnd;
            }
        }
        List<String> written = cable.tagsAsWritten();
        boolean aligned = written.size() == cable.tags().size();
        int at = m.end();
        for (int i = 0; i < written.size(); i++) {
            String tag = written.get(i);
            int found = word(body, tag, at, end);
            if (found < 0) {
                continue;
            }
            String target = aligned ? cable.tags().get(i) : tag;
            marks.add(new Mark(found, found + tag.length(), Segment.link(tag, tagHref.apply(target))));
            at = found + tag.length();
        }
    }

    private static void references(Cable cable, String body, Map<String, String> cited, List<Mark> marks) {
        if (cable.references().isEmpty()) {
            return;
        }
        Matcher m = REF.matcher(body);
        if (!m.find()) {
            return;
        }
        int at = m.end();
        int end = Math.min(body.length(), m.end() + REF_WINDOW);
        for (Reference r : cable.references()) {
            if (!r.isCable() || r.text().isEmpty()) {
                continue;
            }
            int found = body.indexOf(r.text(), at);
            if (found < 0 || found + r.text().length() > end) {
                continue;
            }
            String href = cited.get(r.id());
            if (href != null) {
                marks.add(new Mark(found, found + r.text().length(), Segment.link(r.text(), href)));
            }
            at = found + r.text().length();
        }
    }

    /** Where {@code word} occurs in [from, to) as a whole word, or -1. */
    private static int word(String text, String word, int from, int to) {
        for (int i = text.indexOf(word, from); i >= 0 && i + word.length() <= to; i = text.indexOf(word, i + 1)) {
            boolean startOk = i == 0 || !Character.isLetterOrDigit(text.charAt(i - 1));
            int after = i + word.length();
            boolean endOk = after >= text.length() || !Character.isLetterOrDigit(text.charAt(after));
            if (startOk && endOk) {
                return i;
            }
        }
        return -1;
    }
}
