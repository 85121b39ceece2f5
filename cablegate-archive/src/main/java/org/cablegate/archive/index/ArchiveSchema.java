package org.cablegate.archive.index;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
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
import org.apache.lucene.index.Term;
import org.apache.lucene.search.IndexOrDocValuesQuery;
import org.apache.lucene.search.MatchNoDocsQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TermQuery;
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
    /**
     * Text with positions for phrases, not stored: the page is rebuilt from the text store ({@link #TEXT}). No term
     * vectors: they cost indexing time. An archive written before the text store has it stored.
     */
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
    /**
     * Stored only: where the text store keeps the cable's texts ({@link CableTexts.Ref}): its routing header and body,
     * then the header and body of each earlier public version. Not in the segments, so that a redaction rewrites a
     * pack of texts and a segment of postings, not a segment that also holds every text (issue 8).
     */
    static final String TEXT = "text";
    /** Stored only in an archive written before the text store: the routing header (shown, not searched). */
    static final String HEADER = "header";
    /**
     * Stored only, one line per public version ({@code number, release, time, kind}, tab-separated): the history page.
     * The texts of earlier versions are in the text store, never indexed: an old text is shown, not searched, so a
     * search finds a cable by what it says now. (An archive written before the text store has them stored, one value
     * per earlier version, under {@link #HISTORY_HEADER} and {@link #HISTORY_BODY}.)
     */
    static final String HISTORY = "history";
    static final String HISTORY_HEADER = "historyHeader";
    static final String HISTORY_BODY = "historyBody";
    /**
     * Number (epoch minute), point and doc values, only on cables changed since their first release: when they last
     * changed, for the feed of changed cables.
     */
    static final String CHANGED = "changed";

    /** Exact value as keyword (drill-down filter) and as sorted doc values (facet counts), under one name. */
    static final String FACET_ORIGIN = "facet.origin";
    static final String FACET_CLASSIFICATION = "facet.classification";
    static final String FACET_YEAR = "facet.year";
    /** Like the other facet fields, but multi-valued: sorted set doc values. */
    static final String FACET_TAG = "facet.tag";

    private static final long MINUTES_PER_DAY = 24 * 60;

    /** Tags never hold a newline: the parser reads them from one logical line. */
    private static final String TAG_SEPARATOR = "\n";

    private static final Set<String> KEYWORDS = Set.of(ID, CANONICAL_ID, TAG, CITES, FACET_ORIGIN, FACET_CLASSIFICATION,
            FACET_YEAR, FACET_TAG);

    private ArchiveSchema() {}

    static boolean isKeyword(String field) {
        return KEYWORDS.contains(field);
    }

    /** The keyword and doc values field of a facet kept as a value; null for a period of a time field. */
    static String facetField(Facet facet) {
        return switch (facet) {
            case ORIGIN -> FACET_ORIGIN;
            case TAG -> FACET_TAG;
            case CLASSIFICATION -> FACET_CLASSIFICATION;
            case YEAR -> FACET_YEAR;
            case CREATED_MONTH, RELEASED_DAY -> null;
        };
    }

    /**
     * The time field a facet is a period of, else null. These facets need no field of their own: the minute's doc
     * values give the period for counting and its points give the range for filtering, so indexes released before
     * they existed have them too.
     */
    static String facetTimeField(Facet facet) {
        return switch (facet) {
            case CREATED_MONTH -> CREATED;
            case RELEASED_DAY -> RELEASED;
            default -> null;
        };
    }

    /** The period of a minute for a time facet, as a number that orders like the period: months or days since 1970. */
    static int facetPeriod(Facet facet, long minute) {
        long day = Math.floorDiv(minute, MINUTES_PER_DAY);
        if (facet == Facet.RELEASED_DAY) {
            return (int) day;
        }
        LocalDate date = LocalDate.ofEpochDay(day);
        return date.getYear() * 12 + date.getMonthValue() - 1;
    }

    /** The value shown for a period: {@code 2008-06} for a month, {@code 2010-11-28} for a day. */
    static String facetPeriodLabel(Facet facet, int period) {
        return facet == Facet.CREATED_MONTH ? YearMonth.of(Math.floorDiv(period, 12), Math.floorMod(period, 12) + 1).toString()
                : LocalDate.ofEpochDay(period).toString();
    }

    /** The cables that carry exactly this value of the facet; none when the value is not one the facet shows. */
    static Query facetFilter(Facet facet, String value) {
        String timeField = facetTimeField(facet);
        if (timeField == null) {
            return new TermQuery(new Term(facetField(facet), value));
        }
        LocalDateTime start;
        LocalDateTime end;
        try {
            if (facet == Facet.CREATED_MONTH) {
                start = YearMonth.parse(value).atDay(1).atStartOfDay();
                end = start.plusMonths(1);
            } else {
                start = LocalDate.parse(value).atStartOfDay();
                end = start.plusDays(1);
            }
        } catch (DateTimeParseException e) {
            return new MatchNoDocsQuery("not a value of " + facet);
        }
        if (!facetPeriodLabel(facet, facetPeriod(facet, minute(start))).equals(value)) {
            // 2008-6 or +2008-06 parse too, but no cable shows them as its value.
            return new MatchNoDocsQuery("not a value of " + facet);
        }
        return minuteRange(timeField, minute(start), minute(end) - 1);
    }

    /**
     * Cables whose time field lies in the range (inclusive): by the points when the range leads the search, by the
     * doc values when another clause leads and few candidates are left to check (iran within 2008–2009).
     */
    static Query minuteRange(String field, long from, long to) {
        return new IndexOrDocValuesQuery(LongPoint.newRangeQuery(field, from, to),
                NumericDocValuesField.newSlowRangeQuery(field, from, to));
    }

    /** What the text store keeps of a cable: header and body, then those of each earlier version, oldest first. */
    static List<String> texts(PublicCable c) {
        List<String> texts = new ArrayList<>();
        texts.add(c.header());
        texts.add(c.body());
        List<PublicVersion> history = c.history();
        for (int i = 0; i < history.size() - 1; i++) {
            texts.add(history.get(i).header());
            texts.add(history.get(i).body());
        }
        return texts;
    }

    static Document toDocument(PublicCable c, CableTexts.Ref text) {
        Document d = new Document();
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
        d.add(new TextField(FROM, c.from(), Field.Store.YES));
        for (String to : c.to()) {
            d.add(new TextField(TO, to, Field.Store.YES));
        }
        for (String cited : c.cites()) {
            d.add(new StringField(CITES, cited, Field.Store.YES));
        }
        d.add(new TextField(BODY, c.body(), Field.Store.NO));
        addHistory(d, c.history());
        d.add(new StoredField(TEXT, text.toString()));
        return d;
    }

    /** Where the text store keeps a document's texts; empty for a document that holds them itself. */
    static Optional<CableTexts.Ref> textRef(Document d) {
        String ref = d.get(TEXT);
        return ref == null ? Optional.empty() : Optional.of(CableTexts.Ref.parse(ref));
    }

    private static void addHistory(Document d, List<PublicVersion> history) {
        StringBuilder lines = new StringBuilder();
        for (int i = 0; i < history.size(); i++) {
            PublicVersion v = history.get(i);
            lines.append(v.number()).append('\t').append(v.release()).append('\t')
                    .append(v.time().format(CableJson.MINUTES)).append('\t').append(v.kind().name()).append('\n');
        }
        d.add(new StoredField(HISTORY, lines.toString()));
        if (history.size() > 1) {
            long minute = minute(history.get(history.size() - 1).time());
            d.add(new LongPoint(CHANGED, minute));
            d.add(new NumericDocValuesField(CHANGED, minute));
        }
    }

    /** The public versions, from the history lines and the texts (header, body, then two per earlier version). */
    private static List<PublicVersion> history(Document d, List<String> texts) {
        String lines = d.get(HISTORY);
        if (lines == null || lines.isEmpty()) {
            return List.of();
        }
        String[] rows = lines.split("\n");
        List<PublicVersion> versions = new ArrayList<>(rows.length);
        for (int i = 0; i < rows.length; i++) {
            String[] f = rows[i].split("\t", -1);
            boolean last = i == rows.length - 1;
            versions.add(new PublicVersion(Integer.parseInt(f[0]), Long.parseLong(f[1]), LocalDateTime.parse(f[2]),
                    PublicVersion.Kind.valueOf(f[3]), texts.get(last ? 0 : 2 + 2 * i), texts.get(last ? 1 : 3 + 2 * i)));
        }
        return versions;
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

    /** The cable a document holds, its texts read from the packs of the same commit. */
    static PublicCable toCable(Document d, CableTexts.Packs packs) throws IOException {
        Optional<CableTexts.Ref> ref = textRef(d);
        List<String> texts = ref.isPresent() ? packs.read(ref.get()) : inlineTexts(d);
        return new PublicCable(d.get(ID), d.get(CANONICAL_ID), d.getField(VERSION).numericValue().intValue(),
                time(d, CREATED), time(d, RELEASED), d.get(CLASSIFICATION), d.get(ORIGIN), d.get(SUBJECT), values(d, TAG),
                d.get(FROM), values(d, TO), values(d, CITES), texts.get(0), texts.get(1), history(d, texts));
    }

    /** The texts of a document written before the text store, in the order of {@link #texts(PublicCable)}. */
    private static List<String> inlineTexts(Document d) {
        List<String> texts = new ArrayList<>();
        texts.add(d.get(HEADER));
        texts.add(d.get(BODY));
        String[] headers = d.getValues(HISTORY_HEADER);
        String[] bodies = d.getValues(HISTORY_BODY);
        for (int i = 0; i < headers.length; i++) {
            texts.add(headers[i]);
            texts.add(bodies[i]);
        }
        return texts;
    }

    /**
     * Reads the hits of one segment from doc values only: no stored field (and no body) is decompressed for a result
     * list. Doc values are read forward: documents must come in increasing order.
     */
    static final class HitReader {
        private final SortedDocValues id;
        private final BinaryDocValues canonicalId;
        private final NumericDocValues created;
        private final NumericDocValues released;
        private final SortedDocValues classification;
        private final SortedDocValues origin;
        private final BinaryDocValues subject;
        private final BinaryDocValues tags;

        HitReader(LeafReader leaf) throws IOException {
            id = leaf.getSortedDocValues(ID);
            canonicalId = leaf.getBinaryDocValues(CANONICAL_ID);
            created = leaf.getNumericDocValues(CREATED);
            released = leaf.getNumericDocValues(RELEASED);
            classification = leaf.getSortedDocValues(FACET_CLASSIFICATION);
            origin = leaf.getSortedDocValues(FACET_ORIGIN);
            subject = leaf.getBinaryDocValues(SUBJECT);
            tags = leaf.getBinaryDocValues(TAG_LIST);
        }

        Hit read(int doc, float score) throws IOException {
            String tagList = binary(tags, doc);
            return new Hit(sorted(id, doc), binary(canonicalId, doc), fromMinute(number(created, doc)),
                    fromMinute(number(released, doc)), sorted(classification, doc), sorted(origin, doc),
                    binary(subject, doc), tagList.isEmpty() ? List.of() : List.of(tagList.split(TAG_SEPARATOR, -1)),
                    score);
        }
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
