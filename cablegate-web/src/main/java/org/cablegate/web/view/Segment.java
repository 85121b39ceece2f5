package org.cablegate.web.view;

import java.util.Objects;

/**
 * A piece of a cable's text as the page shows it: plain text, a link (a tag, a cited cable) or a paragraph's ¶
 * permalink. The template escapes every piece: cable text never reaches the page as markup.
 */
public record Segment(Kind kind, String text, String href) {
    public enum Kind { TEXT, LINK, PARAGRAPH }

    public Segment {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(href, "href");
    }

    public static Segment text(String text) {
        return new Segment(Kind.TEXT, text, "");
    }

    public static Segment link(String text, String href) {
        return new Segment(Kind.LINK, text, href);
    }

    /**
     * The ¶ before paragraph {@code number}: its anchor is {@code parN}, as on the 2011 site, and {@code parN-2} for
     * the second paragraph numbered N in one cable (10DAMASCUS8 numbers two paragraphs alike).
     */
    public static Segment paragraph(int number, int occurrence) {
        return new Segment(Kind.PARAGRAPH, Integer.toString(number),
                "par" + number + (occurrence > 1 ? "-" + occurrence : ""));
    }

    public boolean isText() {
        return kind == Kind.TEXT;
    }

    public boolean isLink() {
        return kind == Kind.LINK;
    }
}
