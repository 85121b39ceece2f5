package org.cablegate.web.view;

import java.util.List;
import java.util.Optional;

/**
 * The history of a cable's public versions, {@code /cable/2008/06/08MOSCOW1647/history.html}, with a word diff between
 * two of them.
 *
 * @param chrome   the page around it
 * @param id       the reference id
 * @param cable    the cable's page
 * @param versions every public version, oldest first
 * @param from     the version the diff starts from (0 when there is no diff: a single version)
 * @param to       the version it ends at
 * @param diff     the diff, as runs of unchanged, inserted and deleted text
 * @param choices  every version that a diff can start or end at (the withdrawals have no text)
 */
public record HistoryView(Chrome chrome, String id, Link cable, List<Version> versions, int from, int to,
        List<DiffRun> diff, List<Integer> choices) {
    public HistoryView {
        versions = List.copyOf(versions);
        diff = List.copyOf(diff);
        choices = List.copyOf(choices);
    }

    /** One row of the version table; {@code diff} compares it with the public version before it, if there is one. */
    public record Version(int number, String time, String kind, Link release, Optional<Link> diff) {}

    /** A run of the diff: {@code same}, {@code ins} or {@code del}. */
    public record DiffRun(String kind, String text) {
        public boolean same() {
            return kind.equals("same");
        }

        public boolean inserted() {
            return kind.equals("ins");
        }
    }
}
