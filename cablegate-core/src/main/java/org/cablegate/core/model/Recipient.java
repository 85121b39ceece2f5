package org.cablegate.core.model;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * One addressee of a TO or INFO line: {@code RUEHC/SECSTATE WASHDC PRIORITY 8840}.
 *
 * @param route      routing indicator ({@code RUEHC}); empty when the line names no indicator (null in JSON)
 * @param name       plain address ({@code SECSTATE WASHDC})
 * @param precedence {@code FLASH}, {@code NIACT IMMEDIATE}, {@code IMMEDIATE}, {@code PRIORITY}, {@code ROUTINE}, or
 *                   empty (null in JSON)
 * @param mcn        message continuity number ({@code 8840}), or empty (null in JSON)
 * @param excluded   the posts an {@code XMT} line leaves out of this collective ({@code XMT AMCONSUL JOHANNESBURG}
 *                   under {@code SECURITY OFFICER COLLECTIVE} in 08STATE116943); empty for most recipients
 */
public record Recipient(String route, String name, String precedence, String mcn, List<String> excluded) {
    public Recipient {
        Objects.requireNonNull(route, "route");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(precedence, "precedence");
        Objects.requireNonNull(mcn, "mcn");
        excluded = List.copyOf(excluded);
    }

    /** A recipient that excludes no one: what every line but a collective's with XMT lines reads as. */
    public Recipient(String route, String name, String precedence, String mcn) {
        this(route, name, precedence, mcn, List.of());
    }

    /** This recipient with {@code post} left out of it as well. */
    public Recipient excluding(String post) {
        if (excluded.contains(post)) {
            return this;
        }
        List<String> more = new ArrayList<>(excluded);
        more.add(post);
        return new Recipient(route, name, precedence, mcn, more);
    }
}
