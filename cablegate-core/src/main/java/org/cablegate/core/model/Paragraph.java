package org.cablegate.core.model;

import java.util.Objects;

/**
 * A numbered paragraph of the body: {@code 2. (C) The Core Group dinner…}.
 *
 * @param number  the paragraph number as written (1-based)
 * @param marking the portion marking without brackets ({@code C}, {@code S/NF}, {@code SBU}), or empty
 * @param text    the paragraph's text after number and marking, white space collapsed to single spaces
 * @param offset  where the paragraph starts in the body text (the character of its number), for permalinks
 */
public record Paragraph(int number, String marking, String text, int offset) {
    public Paragraph {
        Objects.requireNonNull(marking, "marking");
        Objects.requireNonNull(text, "text");
    }
}
