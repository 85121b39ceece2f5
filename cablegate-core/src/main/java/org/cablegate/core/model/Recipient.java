package org.cablegate.core.model;

import java.util.Objects;

/**
 * One addressee of a TO or INFO line: {@code RUEHC/SECSTATE WASHDC PRIORITY 8840}.
 *
 * @param route      routing indicator ({@code RUEHC}); empty when the line names no indicator
 * @param name       plain address ({@code SECSTATE WASHDC})
 * @param precedence {@code FLASH}, {@code NIACT IMMEDIATE}, {@code IMMEDIATE}, {@code PRIORITY}, {@code ROUTINE}, or empty
 * @param mcn        message continuity number ({@code 8840}), or empty
 */
public record Recipient(String route, String name, String precedence, String mcn) {
    public Recipient {
        Objects.requireNonNull(route, "route");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(precedence, "precedence");
        Objects.requireNonNull(mcn, "mcn");
    }
}
