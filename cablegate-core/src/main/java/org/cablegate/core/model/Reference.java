package org.cablegate.core.model;

import java.util.Objects;

/**
 * One item of a REF line.
 *
 * @param bullet the bullet letter as written ({@code A}), or empty for an unlettered reference
 * @param id     the reference id it resolves to ({@code 08MOSCOW1234}), or empty when it is not a cable (an e-mail,
 *               a telcon, a meeting) or could not be resolved
 * @param text   the item's text as written ({@code 08 MOSCOW 1234})
 */
public record Reference(String bullet, String id, String text) {
    public Reference {
        Objects.requireNonNull(bullet, "bullet");
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(text, "text");
    }

    public boolean isCable() {
        return !id.isEmpty();
    }
}
