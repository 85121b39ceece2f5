package org.cablegate.archive.index;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.apache.lucene.search.FieldDoc;
import org.apache.lucene.search.Sort;
import org.apache.lucene.search.SortField;

/**
 * The Lucene sort of each {@link SortOrder}, and the cursor that resumes it. Every sort ends with the id's key
 * ({@link ArchiveSchema#idKey}), unique in practice, so a cursor (the sort values of the last hit) names a position that
 * survives new releases: the next page starts after that cable whatever was added meanwhile. Relevance scores can shift when a release changes term
 * statistics, so a relevance cursor is only as stable as the scores.
 */
final class Sorting {
    private static final SortField BY_ID = new SortField(ArchiveSchema.ID_KEY, SortField.Type.LONG);

    private Sorting() {}

    static Sort sort(SortOrder order) {
        return switch (order) {
            case RELEVANCE -> new Sort(SortField.FIELD_SCORE, BY_ID);
            case CREATED_NEWEST -> new Sort(new SortField(ArchiveSchema.CREATED, SortField.Type.LONG, true), BY_ID);
            case CREATED_OLDEST -> new Sort(new SortField(ArchiveSchema.CREATED, SortField.Type.LONG), BY_ID);
            case RELEASED_NEWEST -> new Sort(new SortField(ArchiveSchema.RELEASED, SortField.Type.LONG, true), BY_ID);
            case RELEASED_OLDEST -> new Sort(new SortField(ArchiveSchema.RELEASED, SortField.Type.LONG), BY_ID);
        };
    }

    /** Where a cursor resumes: after this sort position, and how many hits came before the next page. */
    record After(FieldDoc doc, long position) {}

    /**
     * An opaque, URL-safe token: the order's name, the first sort value, the id's key, and the number of hits before the
     * next page. Issue 12: the HTML search took the page's position from a {@code from=} parameter, so that
     * {@code from=999999999} printed "999,999,999–1,000,000,023 of 780 cables"; the position now travels with the
     * cursor and is checked against the count.
     */
    static String cursor(SortOrder order, FieldDoc last, long position) {
        Object first = last.fields[0];
        String value = first instanceof Float f ? Integer.toHexString(Float.floatToIntBits(f)) : Long.toString((Long) first);
        String plain = order.name() + "\n" + value + "\n" + last.fields[1] + "\n" + position;
        return Base64.getUrlEncoder().withoutPadding().encodeToString(plain.getBytes(StandardCharsets.UTF_8));
    }

    static After after(SortOrder order, String cursor) throws BadQueryException {
        String[] parts;
        try {
            parts = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8).split("\n", -1);
        } catch (IllegalArgumentException e) {
            throw new BadQueryException("The cursor '" + cursor + "' is not one this archive made");
        }
        // Three parts: a cursor made before positions were part of it (a bookmark); its position is unknown.
        if (parts.length != 3 && parts.length != 4) {
            throw new BadQueryException("The cursor '" + cursor + "' is not one this archive made");
        }
        if (!parts[0].equals(order.name())) {
            throw new BadQueryException("The cursor belongs to a search sorted by " + parts[0] + ", not " + order);
        }
        Object first;
        long key;
        long position = 0;
        try {
            if (parts.length == 4) {
                position = Long.parseLong(parts[3]);
                if (position < 0) {
                    throw new NumberFormatException("negative");
                }
            }
            first = order == SortOrder.RELEVANCE ? (Object) Float.intBitsToFloat(Integer.parseUnsignedInt(parts[1], 16))
                    : (Object) Long.parseLong(parts[1]);
            key = Long.parseLong(parts[2]);
        } catch (NumberFormatException e) {
            throw new BadQueryException("The cursor '" + cursor + "' is not one this archive made");
        }
        // Doc id MAX_VALUE: on a tie of every sort value (only the cursor's own cable) the collector's doc-id
        // tie-break then skips it.
        return new After(new FieldDoc(Integer.MAX_VALUE, Float.NaN, new Object[] {first, key}), position);
    }
}
