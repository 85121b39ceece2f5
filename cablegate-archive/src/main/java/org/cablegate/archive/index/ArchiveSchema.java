package org.cablegate.archive.index;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.apache.lucene.document.BinaryDocValuesField;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.LongPoint;
import org.apache.lucene.document.NumericDocValuesField;
import org.apache.lucene.document.SortedDocValuesField;
import org.apache.lucene.document.SortedSetDocValuesField;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.BinaryDocValues;
import org.apache.lucene.index.IndexableField;
import org.apache.lucene.index.LeafReader;
import org.apache.lucene.index.NumericDocValues;
import org.apache.lucene.index.SortedDocValues;
import org.apache.lucene.util.BytesRef;
import org.cablegate.core.json.CableJson;

/**
 * The schema of the public archive: every field, what it is and why. The only class that builds or reads documents.
 *
 * <p>Stored fields are the source fields a page is rebuilt from (the web layer re-parses header and body) plus the
 * parsed fields a hit list shows. Nothing that is not public may be added here: the index holds released cables
 * only, with redactions already applied, so that nothing else can leak from it.
 */
final class ArchiveSchema {
    /** Keyword, stored, sorted doc values: the key of get() and of updateDocument(); doc values build hits. */
    static final String ID = "id";
    /**
     * Number (doc values only): a 64-bit hash of the id, the tie-break of every sort, so that a cursor names one
     * position. A number, not the id itself: a string tie-break looks its value up for every competitive hit.
     */
    static final String ID_KEY = "idKey";
    /** Keyword, stored, binary doc values: the corrected id of a malformed published one; {@code id:} searches both. */
    static final String CANONICAL_ID = "canonicalId";
    /** Stored only: which vault version is public, for the page and for checks. */
    static final String VERSION = "version";
    /** Number (epoch minute): point for ranges, numeric doc values for sorting; stored as ISO text for display. */
    static final String CREATED = "created";
    /** Number like {@link #CREATED}: when the cable was released. */
    static final String RELEASED = "released";
    /** Text, stored: {@code classification:secret} matches SECRET and SECRET//NOFORN; the exact value is a facet. */
    static final String CLASSIFICATION = "classification";
    /** Text, stored: {@code origin:moscow} matches every Moscow post; the exact value is a facet. */
    static final String ORIGIN = "origin";
    /** Keyword upper-cased, stored, one value per tag: tags are codes and are matched whole. */
    static final String TAG = "tag";
    /**
     * Binary doc values only: all tags in order, for hit lists. Not under {@link #TAG}: Lucene requires a field to
     * have the same structure in every document, and a cable without tags would have doc values but no terms there.
     */
    static final String TAG_LIST = "tagList";
    /**
     * Text, stored and binary doc values: searched by default with a boost, since a subject match is a strong one;
     * hit lists read it from the doc values (stored fields would decompress the body next to it).
     */
    static final String SUBJECT = "subject";
    /** Text with positions for phrases, stored: the page is rebuilt from it. No term vectors: they cost indexing time. */
    static final String BODY = "body";
    /** Text, stored: the FM line. */
    static final String FROM = "from";
    /** Text, stored, one value per TO and INFO addressee. */
    static final String TO = "to";
    /**
     * Keyword, stored, one value per cable its REF lines cite: {@code cites:08MOSCOW1647} finds the cables that cite
     * one, for its "cited by" list. Ids as the parser resolved them (canonical form).
     */
    static final String CITES = "cites";
    /** Stored only: the routing header is shown, not searched beyond FM and TO. */
    static final String HEADER = "header";

    /** Exact value as keyword (drill-down filter) and as sorted doc values (facet counts), under one name. */
    static final String FACET_ORIGIN = "facet.origin";
    static final String FACET_CLASSIFICATION = "facet.classification";
    static final String FACET_YEAR = "facet.year";
    static final String FACET_CREATED_MONTH = "facet.createdMonth";
    static final String FACET_RELEASED_DAY = "facet.releasedDay";
    /** Like the other facet fields, but multi-valued: sorted set doc values. */
    static final String FACET_TAG = "facet.tag";

    /** Tags never hold a newline: the parser reads them from one logical line. */
    private static final String TAG_SEPARATOR = "\n";

    private static final Set<String> KEYWORDS = Set.of(ID, CANONICAL_ID, TAG, CITES, FACET_ORIGIN, FACET_CLASSIFICATION,
            FACET_YEAR, FACET_CREATED_MONTH, FACET_RELEASED_DAY, FACET_TAG);

    private ArchiveSchema() {}

    static boolean isKeyword(String field) {
        return KEYWORDS.contains(field);
    }

    static String facetField(Facet facet) {
        return switch (facet) {
            case ORIGIN -> FACET_ORIGIN;
            case TAG -> FACET_TAG;
            case CLASSIFICATION -> FACET_CLASSIFICATION;
            case YEAR -> FACET_YEAR;
            case CREATED_MONTH -> FACET_CREATED_MONTH;
            case RELEASED_DAY -> FACET_RELEASED_DAY;
        };
    }

    static Document toDocument(PublicCable c) {
        Document d = new Document();
        // Small fields first, header and body last: a hit list reads only the first few stored fields.
        d.add(new StringField(ID, c.id(), Field.Store.YES));
        d.add(new SortedDocValuesField(ID, new BytesRef(c.id())));
        d.add(new NumericDocValuesField(ID_KEY, idKey(c.id())));
        d.add(new StringField(CANONICAL_ID, c.canonicalId(), Field.Store.YES));
        d.add(new BinaryDocValuesField(CANONICAL_ID, new BytesRef(c.canonicalId())));
        d.add(new StoredField(VERSION, c.version()));
        addTime(d, CREATED, c.created());
        addTime(d, RELEASED, c.released());
        d.add(new TextField(CLASSIFICATION, c.classification(), Field.Store.YES));
        d.add(new TextField(ORIGIN, c.origin(), Field.Store.YES));
        d.add(new TextField(SUBJECT, c.subject(), Field.Store.YES));
        d.add(new BinaryDocValuesField(SUBJECT, new BytesRef(c.subject())));
        d.add(new BinaryDocValuesField(TAG_LIST, new BytesRef(String.join(TAG_SEPARATOR, c.tags()))));
        for (String tag : c.tags()) {
            // Indexed upper-cased (the query side upper-cases too), stored as the parser wrote it.
            d.add(new StringField(TAG, tag.toUpperCase(Locale.ROOT), Field.Store.NO));
            d.add(new StoredField(TAG, tag));
            d.add(new StringField(FACET_TAG, tag, Field.Store.NO));
            d.add(new SortedSetDocValuesField(FACET_TAG, new BytesRef(tag)));
        }
        addFacet(d, FACET_ORIGIN, c.origin());
        addFacet(d, FACET_CLASSIFICATION, c.classification());
        addFacet(d, FACET_YEAR, Integer.toString(c.created().getYear()));
        addFacet(d, FACET_CREATED_MONTH, String.format("%04d-%02d", c.created().getYear(), c.created().getMonthValue()));
        addFacet(d, FACET_RELEASED_DAY, c.released().toLocalDate().toString());
        d.add(new TextField(FROM, c.from(), Field.Store.YES));
        for (String to : c.to()) {
            d.add(new TextField(TO, to, Field.Store.YES));
        }
        for (String cited : c.cites()) {
            d.add(new StringField(CITES, cited, Field.Store.YES));
        }
        d.add(new StoredField(HEADER, c.header()));
        d.add(new TextField(BODY, c.body(), Field.Store.YES));
        return d;
    }

    private static void addTime(Document d, String field, LocalDateTime time) {
        long minute = minute(time);
        d.add(new LongPoint(field, minute));
        d.add(new NumericDocValuesField(field, minute));
        d.add(new StoredField(field, time.format(CableJson.MINUTES)));
    }

    private static void addFacet(Document d, String field, String value) {
        d.add(new StringField(field, value, Field.Store.NO));
        d.add(new SortedDocValuesField(field, new BytesRef(value)));
    }

    static PublicCable toCable(Document d) {
        return new PublicCable(d.get(ID), d.get(CANONICAL_ID), d.getField(VERSION).numericValue().intValue(),
                time(d, CREATED), time(d, RELEASED), d.get(CLASSIFICATION), d.get(ORIGIN), d.get(SUBJECT), values(d, TAG),
                d.get(FROM), values(d, TO), values(d, CITES), d.get(HEADER), d.get(BODY));
    }

    /** A hit read from doc values only: no stored field (and no body) is decompressed for a result list. */
    static Hit toHit(LeafReader leaf, int doc, float score) throws IOException {
        String tags = binary(leaf.getBinaryDocValues(TAG_LIST), doc);
        return new Hit(sorted(leaf.getSortedDocValues(ID), doc), binary(leaf.getBinaryDocValues(CANONICAL_ID), doc),
                fromMinute(number(leaf.getNumericDocValues(CREATED), doc)),
                fromMinute(number(leaf.getNumericDocValues(RELEASED), doc)),
                sorted(leaf.getSortedDocValues(FACET_CLASSIFICATION), doc), sorted(leaf.getSortedDocValues(FACET_ORIGIN), doc),
                binary(leaf.getBinaryDocValues(SUBJECT), doc),
                tags.isEmpty() ? List.of() : List.of(tags.split(TAG_SEPARATOR, -1)), score);
    }

    private static String sorted(SortedDocValues values, int doc) throws IOException {
        if (values == null || !values.advanceExact(doc)) {
            throw new IllegalStateException("document " + doc + " lacks a value every released cable has");
        }
        return values.lookupOrd(values.ordValue()).utf8ToString();
    }

    private static String binary(BinaryDocValues values, int doc) throws IOException {
        if (values == null || !values.advanceExact(doc)) {
            throw new IllegalStateException("document " + doc + " lacks a value every released cable has");
        }
        return values.binaryValue().utf8ToString();
    }

    private static long number(NumericDocValues values, int doc) throws IOException {
        if (values == null || !values.advanceExact(doc)) {
            throw new IllegalStateException("document " + doc + " lacks a value every released cable has");
        }
        return values.longValue();
    }

    /**
     * The sort tie-break of an id: the first 8 bytes of its SHA-256. Two of the 251,287 ids sharing one has a chance
     * of about 1 in 10^9; if it happened, those two would be ordered by document number (still a stable order
     * between two releases, as segments are only appended and merged in order).
     */
    static long idKey(String id) {
        try {
            byte[] sha = MessageDigest.getInstance("SHA-256").digest(id.getBytes(StandardCharsets.UTF_8));
            return ByteBuffer.wrap(sha).getLong();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }

    static LocalDateTime fromMinute(long minute) {
        return LocalDateTime.ofEpochSecond(minute * 60, 0, ZoneOffset.UTC);
    }

    private static LocalDateTime time(Document d, String field) {
        return LocalDateTime.parse(d.get(field));
    }

    private static List<String> values(Document d, String field) {
        List<String> values = new ArrayList<>();
        for (IndexableField f : d.getFields(field)) {
            values.add(f.stringValue());
        }
        return values;
    }

    /** Minutes since 1970 (negative before): cables are dated to the minute, and the oldest are from 1966. */
    static long minute(LocalDateTime time) {
        return Math.floorDiv(time.toEpochSecond(ZoneOffset.UTC), 60);
    }
}
