package org.cablegate.archive.index;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.apache.lucene.document.Document;
import org.apache.lucene.index.BinaryDocValues;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.FieldInfo;
import org.apache.lucene.index.IndexableField;
import org.apache.lucene.index.LeafReader;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.SegmentInfos;
import org.apache.lucene.index.SortedDocValues;
import org.apache.lucene.index.SortedSetDocValues;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.index.Terms;
import org.apache.lucene.index.TermsEnum;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.util.BytesRef;

/**
 * Reads everything the committed public archive holds, with Lucene's own API, and reports where some words occur:
 * every term of every field, every stored field of every document (deleted ones too), every doc value, every byte of
 * the text packs ({@link CableTexts}), and any file that the last commit does not reference. What the publisher runs
 * to check that a redacted or withdrawn text is nowhere in the files, and what the leak tests run.
 */
public final class IndexAudit {
    private IndexAudit() {}

    /**
     * Where a word was found: {@code term body:kislyak in _3}, {@code text historyBody of 08MOSCOW1647 (record …)},
     * {@code stored subject of doc 12 in _0}.
     */
    public record Finding(String word, String where) {}

    /**
     * Every occurrence of each word (compared without case) in the index at {@code indexDir}; empty when there is
     * none, or no index.
     */
    public static List<Finding> find(Path indexDir, Set<String> words) throws IOException {
        List<String> wanted = words.stream().map(w -> w.toLowerCase(Locale.ROOT)).toList();
        List<Finding> found = new ArrayList<>();
        try (Directory dir = FSDirectory.open(indexDir)) {
            if (!DirectoryReader.indexExists(dir)) {
                return found;
            }
            SegmentInfos commit = SegmentInfos.readLatestCommit(dir);
            List<String> packs = CommitData.of(commit.getUserData()).texts();
            Set<String> referenced = new HashSet<>(commit.files(true));
            referenced.addAll(packs);
            for (String file : dir.listAll()) {
                if (!referenced.contains(file) && !file.equals("write.lock")) {
                    found.add(new Finding("", "file " + file + " that the last commit does not reference"));
                }
            }
            try (DirectoryReader reader = DirectoryReader.open(dir);
                    CableTexts.Packs open = CableTexts.Packs.open(dir, packs)) {
                List<Record> records = new ArrayList<>();
                for (LeafReaderContext ctx : reader.leaves()) {
                    scan(ctx.reader(), wanted, found, records);
                }
                scanTexts(records, open, wanted, found);
            }
        }
        return found;
    }

    /** Documents deleted but still in a segment's files, per the last commit: 0 when nothing can linger. */
    public static long deletedDocuments(Path indexDir) throws IOException {
        try (Directory dir = FSDirectory.open(indexDir)) {
            if (!DirectoryReader.indexExists(dir)) {
                return 0;
            }
            try (DirectoryReader reader = DirectoryReader.open(dir)) {
                return reader.numDeletedDocs();
            }
        }
    }

    /** A document's text record, as its stored fields name it. */
    private record Record(String id, CableTexts.Ref ref) {}

    /** One segment; the text records its documents refer to are added to {@code records}. */
    private static void scan(LeafReader leaf, List<String> wanted, List<Finding> found, List<Record> records)
            throws IOException {
        String segment = leaf.toString();
        for (FieldInfo field : leaf.getFieldInfos()) {
            Terms terms = leaf.terms(field.name);
            if (terms != null) {
                TermsEnum e = terms.iterator();
                for (BytesRef t = e.next(); t != null; t = e.next()) {
                    check(t.utf8ToString(), wanted, found, "term " + field.name + " in " + segment);
                }
            }
            switch (field.getDocValuesType()) {
                case SORTED -> {
                    SortedDocValues v = leaf.getSortedDocValues(field.name);
                    for (int ord = 0; ord < v.getValueCount(); ord++) {
                        check(v.lookupOrd(ord).utf8ToString(), wanted, found, "doc values " + field.name + " in " + segment);
                    }
                }
                case SORTED_SET -> {
                    SortedSetDocValues v = leaf.getSortedSetDocValues(field.name);
                    for (long ord = 0; ord < v.getValueCount(); ord++) {
                        check(v.lookupOrd(ord).utf8ToString(), wanted, found, "doc values " + field.name + " in " + segment);
                    }
                }
                case BINARY -> {
                    BinaryDocValues v = leaf.getBinaryDocValues(field.name);
                    for (int doc = v.nextDoc(); doc != DocIdSetIterator.NO_MORE_DOCS; doc = v.nextDoc()) {
                        check(v.binaryValue().utf8ToString(), wanted, found, "doc values " + field.name + " of doc "
                                + doc + " in " + segment);
                    }
                }
                default -> {
                    // Numbers and points hold times and hashes, no words.
                }
            }
        }
        StoredFields stored = leaf.storedFields();
        for (int doc = 0; doc < leaf.maxDoc(); doc++) {
            Document d = stored.document(doc);
            for (IndexableField f : d.getFields()) {
                String value = f.stringValue();
                if (value != null) {
                    check(value, wanted, found, "stored " + f.name() + " of doc " + doc + " in " + segment);
                }
            }
            ArchiveSchema.textRef(d).ifPresent(ref -> records.add(new Record(d.get(ArchiveSchema.ID), ref)));
        }
    }

    /**
     * The text packs: each record a document refers to (deleted ones too), by the text it holds; and every byte that no
     * record holds, which must be zero (a superseded record is blanked, never left behind).
     */
    private static void scanTexts(List<Record> records, CableTexts.Packs packs, List<String> wanted,
            List<Finding> found) throws IOException {
        Map<Integer, List<CableTexts.Ref>> used = new TreeMap<>();
        for (Record r : records) {
            used.computeIfAbsent(r.ref().pack(), p -> new ArrayList<>()).add(r.ref());
            List<String> texts = packs.read(r.ref());
            for (int i = 0; i < texts.size(); i++) {
                String what = i == 0 ? "header" : i == 1 ? "body" : i % 2 == 0 ? "historyHeader" : "historyBody";
                check(texts.get(i), wanted, found, "text " + what + " of " + r.id() + " (record " + r.ref() + ")");
            }
        }
        for (int pack : packs.numbers()) {
            byte[] bytes = packs.bytes(pack);
            List<CableTexts.Ref> refs = used.getOrDefault(pack, new ArrayList<>());
            refs.sort(Comparator.comparingLong(CableTexts.Ref::offset));
            long at = 0;
            for (CableTexts.Ref r : refs) {
                unused(bytes, at, r.offset(), pack, wanted, found);
                at = Math.max(at, r.offset() + r.length());
            }
            unused(bytes, at, bytes.length, pack, wanted, found);
        }
    }

    private static void unused(byte[] bytes, long from, long to, int pack, List<String> wanted, List<Finding> found) {
        for (long i = from; i < to; i++) {
            if (bytes[(int) i] != 0) {
                found.add(new Finding("", "text pack " + pack + " holds bytes outside every record at " + from + ".."
                        + to));
                check(new String(bytes, (int) from, (int) (to - from), StandardCharsets.UTF_8), wanted, found,
                        "superseded bytes of text pack " + pack + " at " + from);
                return;
            }
        }
    }

    private static void check(String text, List<String> wanted, List<Finding> found, String where) {
        String lower = text.toLowerCase(Locale.ROOT);
        for (String w : wanted) {
            if (lower.contains(w)) {
                found.add(new Finding(w, where));
            }
        }
    }
}
