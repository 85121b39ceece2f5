package org.cablegate.archive.vault;

import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.TreeSet;

/**
 * Which cables a release publishes. Start from {@link #all()} and narrow; every condition given must hold.
 *
 * <p>A selection never picks a cable whose current version is already public: there is nothing to publish. It does
 * pick a released cable whose text changed since (a new version), unless {@link #withUnreleasedOnly()} says to take
 * only cables never released. Cables are taken oldest created first (then by id), so {@link #withLimit(int)} takes
 * the N oldest of what the other conditions leave.
 *
 * @param ids            published or corrected ids (from an id file); empty: any id
 * @param origin         exact origin, ignoring case ({@code Embassy Moscow})
 * @param tag            a TAGS code the cable carries, ignoring case ({@code PREL})
 * @param createdBefore  only cables created before this day
 * @param limit          at most this many
 * @param unreleasedOnly only cables never released
 * @param changesOnly    nothing but the pending changes of public cables: new texts and changed redactions (every
 *                       release publishes changed redactions besides what it selects)
 */
public record Selection(
        Optional<Set<String>> ids,
        Optional<String> origin,
        Optional<String> tag,
        Optional<LocalDate> createdBefore,
        OptionalInt limit,
        boolean unreleasedOnly,
        boolean changesOnly) {

    public Selection {
        Objects.requireNonNull(ids, "ids");
        ids = ids.map(Set::copyOf);
        Objects.requireNonNull(origin, "origin");
        Objects.requireNonNull(tag, "tag");
        Objects.requireNonNull(createdBefore, "createdBefore");
        Objects.requireNonNull(limit, "limit");
        if (limit.isPresent() && limit.getAsInt() < 0) {
            throw new IllegalArgumentException("a release cannot take a negative number of cables: " + limit.getAsInt());
        }
    }

    /** Every cable with something to publish. */
    public static Selection all() {
        return new Selection(Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), OptionalInt.empty(),
                false, false);
    }

    public Selection withIds(Collection<String> list) {
        return new Selection(Optional.of(Set.copyOf(list)), origin, tag, createdBefore, limit, unreleasedOnly, changesOnly);
    }

    public Selection withOrigin(String value) {
        return new Selection(ids, Optional.of(value), tag, createdBefore, limit, unreleasedOnly, changesOnly);
    }

    public Selection withTag(String value) {
        return new Selection(ids, origin, Optional.of(value), createdBefore, limit, unreleasedOnly, changesOnly);
    }

    public Selection withCreatedBefore(LocalDate day) {
        return new Selection(ids, origin, tag, Optional.of(day), limit, unreleasedOnly, changesOnly);
    }

    /** The {@code n} oldest (by creation) of what the other conditions select. */
    public Selection withLimit(int n) {
        return new Selection(ids, origin, tag, createdBefore, OptionalInt.of(n), unreleasedOnly, changesOnly);
    }

    public Selection withUnreleasedOnly() {
        return new Selection(ids, origin, tag, createdBefore, limit, true, changesOnly);
    }

    /** Only the pending changes of public cables: {@code release --changed}. */
    public Selection withChangesOnly() {
        return new Selection(ids, origin, tag, createdBefore, limit, unreleasedOnly, true);
    }

    /** Whether the selection names any cable of its own (a changes-only selection names none). */
    public boolean selectsCables() {
        return !changesOnly;
    }

    /** One line of {@code key=value} pairs that {@link #decode} reads back: how a scheduled release keeps it. */
    public String encode() {
        List<String> parts = new ArrayList<>();
        ids.ifPresent(s -> parts.add("ids=" + String.join(",", new TreeSet<>(s))));
        origin.ifPresent(o -> parts.add("origin=" + escape(o)));
        tag.ifPresent(t -> parts.add("tag=" + escape(t)));
        createdBefore.ifPresent(d -> parts.add("before=" + d));
        limit.ifPresent(n -> parts.add("limit=" + n));
        if (unreleasedOnly) {
            parts.add("unreleased");
        }
        if (changesOnly) {
            parts.add("changes");
        }
        return String.join("&", parts);
    }

    public static Selection decode(String line) {
        Selection s = all();
        for (String part : line.isEmpty() ? new String[0] : line.split("&")) {
            int eq = part.indexOf('=');
            String key = eq < 0 ? part : part.substring(0, eq);
            String value = eq < 0 ? "" : URLDecoder.decode(part.substring(eq + 1), StandardCharsets.UTF_8);
            s = switch (key) {
                case "ids" -> s.withIds(value.isEmpty() ? List.of() : List.of(value.split(",")));
                case "origin" -> s.withOrigin(value);
                case "tag" -> s.withTag(value);
                case "before" -> s.withCreatedBefore(LocalDate.parse(value));
                case "limit" -> s.withLimit(Integer.parseInt(value));
                case "unreleased" -> s.withUnreleasedOnly();
                case "changes" -> s.withChangesOnly();
                default -> throw new IllegalArgumentException("not a part of a selection: " + part);
            };
        }
        return s;
    }

    private static String escape(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    /** In words, for the release log: {@code origin Embassy Moscow, tag PREL, first 100 by creation}. */
    public String describe() {
        List<String> parts = new ArrayList<>();
        ids.ifPresent(s -> parts.add(s.size() + (s.size() == 1 ? " listed id" : " listed ids")));
        origin.ifPresent(o -> parts.add("origin " + o));
        tag.ifPresent(t -> parts.add("tag " + t));
        createdBefore.ifPresent(d -> parts.add("created before " + d));
        if (unreleasedOnly) {
            parts.add("never released");
        }
        limit.ifPresent(n -> parts.add("first " + n + " by creation"));
        if (changesOnly) {
            parts.add("pending changes only");
        }
        return parts.isEmpty() ? "all" : String.join(", ", parts);
    }
}
