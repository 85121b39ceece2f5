package org.cablegate.archive.index;

import java.io.Closeable;
import java.io.IOException;
import java.nio.file.NoSuchFileException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.CRC32;
import org.apache.lucene.store.ByteArrayDataInput;
import org.apache.lucene.store.ByteBuffersDataOutput;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.IOContext;
import org.apache.lucene.store.IndexInput;
import org.apache.lucene.store.IndexOutput;

/**
 * The texts of the public cables (each one's header and body, and those of its earlier public versions), kept beside
 * the index's segments in pack files, {@code texts-<pack>-<generation>.pack}, instead of in them.
 *
 * <p>Why: a redaction or a withdrawal must leave no trace, and Lucene forgets a document only by rewriting the whole
 * segment that holds it. With the texts stored in the segments they were 1.2 GB of the full archive's 1.7 GB, and one
 * redaction recompressed a 400 MB segment (issue 8: 9.3 s for one redacted cable). Here the segments hold the postings
 * and the small fields, and a redaction writes one pack of at most {@link #PACK_BYTES} again with the old record's
 * bytes zeroed.
 *
 * <p>Packs are immutable once written, like Lucene's own files: a change to one is a new generation of it, written and
 * synced before the commit that names it. Each commit names the generation of every pack ({@link CommitData#texts()});
 * after the commit the generations it superseded are deleted, and whatever pack the latest commit does not name (left
 * by a killed release) is deleted when a writer opens. A reader opens the packs of its commit as it opens, so it reads
 * its release whole even after a newer one deleted them: an open file stays readable, as Lucene's segments do.
 */
final class CableTexts {
    /** A pack is closed at this size; a redaction rewrites one pack, so this bounds its cost (~0.1 s). */
    static final long PACK_BYTES = 16L << 20;
    private static final Pattern PACK = Pattern.compile("texts-(\\d+)-(\\d+)\\.pack");

    private CableTexts() {}

    /** Where one cable's record is: its pack, offset and length, and the CRC-32 its bytes must have. */
    record Ref(int pack, long offset, int length, long crc) {
        /** As a stored field holds it: {@code pack:offset:length:crc}. */
        @Override
        public String toString() {
            return pack + ":" + offset + ":" + length + ":" + Long.toHexString(crc);
        }

        static Ref parse(String s) {
            String[] f = s.split(":", 4);
            return new Ref(Integer.parseInt(f[0]), Long.parseLong(f[1]), Integer.parseInt(f[2]), Long.parseLong(f[3], 16));
        }
    }

    /** Whether a file of the index directory is a pack (and so the text store's to keep or delete, not Lucene's). */
    static boolean isPack(String fileName) {
        return PACK.matcher(fileName).matches();
    }

    /** The pack number of a pack file's name. */
    static int packOf(String fileName) {
        return Integer.parseInt(parts(fileName).group(1));
    }

    private static int generationOf(String fileName) {
        return Integer.parseInt(parts(fileName).group(2));
    }

    private static Matcher parts(String fileName) {
        Matcher m = PACK.matcher(fileName);
        if (!m.matches()) {
            throw new IllegalArgumentException("not a pack file: " + fileName);
        }
        return m;
    }

    private static String fileName(int pack, int generation) {
        return "texts-" + pack + "-" + generation + ".pack";
    }

    /** One record: its texts, in order, each as a length and UTF-8. */
    static byte[] encode(List<String> texts) {
        ByteBuffersDataOutput out = new ByteBuffersDataOutput();
        try {
            out.writeVInt(texts.size());
            for (String t : texts) {
                out.writeString(t);
            }
        } catch (IOException e) {
            throw new IllegalStateException("writing to memory cannot fail", e);
        }
        return out.toArrayCopy();
    }

    static List<String> decode(byte[] record) throws IOException {
        ByteArrayDataInput in = new ByteArrayDataInput(record);
        int n = in.readVInt();
        List<String> texts = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            texts.add(in.readString());
        }
        return texts;
    }

    private static long crc(byte[] bytes) {
        CRC32 crc = new CRC32();
        crc.update(bytes);
        return crc.getValue();
    }

    /** The packs of one commit, open for reading; thread-safe. Closing lets their files go. */
    static final class Packs implements Closeable {
        private final Map<Integer, IndexInput> inputs;

        private Packs(Map<Integer, IndexInput> inputs) {
            this.inputs = inputs;
        }

        /** Opens the packs a commit names; a missing one means a newer commit deleted it meanwhile. */
        static Packs open(Directory dir, List<String> files) throws IOException {
            Map<Integer, IndexInput> inputs = new HashMap<>();
            try {
                for (String f : files) {
                    inputs.put(packOf(f), dir.openInput(f, IOContext.DEFAULT));
                }
            } catch (IOException | RuntimeException e) {
                for (IndexInput in : inputs.values()) {
                    in.close();
                }
                throw e;
            }
            return new Packs(inputs);
        }

        /** The texts of one record, checked against its CRC: a pack damaged on disk is an error, never a wrong page. */
        List<String> read(Ref ref) throws IOException {
            IndexInput pack = inputs.get(ref.pack());
            if (pack == null) {
                throw new IOException("the public archive's commit names no text pack " + ref.pack() + " (record " + ref
                        + "): the index directory is damaged; rebuild it with `cablegate release --rebuild`");
            }
            byte[] record = new byte[ref.length()];
            IndexInput in = pack.clone();
            in.seek(ref.offset());
            in.readBytes(record, 0, record.length);
            if (crc(record) != ref.crc()) {
                throw new IOException("text record " + ref + " in " + pack + " fails its checksum: the pack is damaged; "
                        + "rebuild the public archive with `cablegate release --rebuild`");
            }
            return decode(record);
        }

        /** The numbers of the packs, in order. */
        List<Integer> numbers() {
            return inputs.keySet().stream().sorted().toList();
        }

        /** Every byte of one pack, for the audit that looks for words that must not be there. */
        byte[] bytes(int pack) throws IOException {
            IndexInput in = inputs.get(pack).clone();
            in.seek(0);
            byte[] bytes = new byte[Math.toIntExact(in.length())];
            in.readBytes(bytes, 0, bytes.length);
            return bytes;
        }

        @Override
        public void close() throws IOException {
            for (IndexInput in : inputs.values()) {
                in.close();
            }
        }
    }

    /**
     * Appends the records of a release and blanks those it supersedes; used by {@link ArchiveWriter} only, which
     * calls {@link #prepareCommit()} before its Lucene commit and {@link #committed()} after it. Thread-safe.
     */
    static final class Writer implements Closeable {
        private final Directory dir;
        private final long packBytes;
        /** The pack files the last commit names, by pack number. */
        private Map<Integer, String> committed;
        /** Packs written since: new generations not yet named by a commit. */
        private final Map<Integer, String> written = new HashMap<>();
        /** Records to blank, by pack: (offset, length) pairs. */
        private final Map<Integer, List<long[]>> blanks = new HashMap<>();
        private IndexOutput out;
        private int outPack;

        /**
         * Opens the store of a commit's packs, deleting every pack file the commit does not name: those a killed
         * release wrote and never committed, and those a release superseded before it was killed.
         */
        Writer(Directory dir, List<String> committedFiles) throws IOException {
            this(dir, committedFiles, PACK_BYTES);
        }

        /** As above, closing packs at {@code packBytes} (tests use small ones). */
        Writer(Directory dir, List<String> committedFiles, long packBytes) throws IOException {
            this.dir = dir;
            this.packBytes = packBytes;
            this.committed = new HashMap<>();
            for (String f : committedFiles) {
                committed.put(packOf(f), f);
            }
            for (String f : dir.listAll()) {
                if (isPack(f) && !committedFiles.contains(f)) {
                    dir.deleteFile(f);
                }
            }
        }

        /**
         * Appends one record. The first of a batch continues the last pack if it is small (a new generation that copies
         * it first, so its records keep their offsets), or starts a new one: a release of a few cables copies at most
         * a quarter of a pack, and a run of small releases does not leave a pack each.
         */
        synchronized Ref append(byte[] record) throws IOException {
            if (out == null) {
                startPack();
            }
            long offset = out.getFilePointer();
            out.writeBytes(record, record.length);
            Ref ref = new Ref(outPack, offset, record.length, crc(record));
            if (out.getFilePointer() >= packBytes) {
                finishPack();
            }
            return ref;
        }

        /** Marks a record as superseded: the next commit's packs hold zeros where it was. */
        synchronized void blank(Ref ref) {
            blanks.computeIfAbsent(ref.pack(), p -> new ArrayList<>()).add(new long[] {ref.offset(), ref.length()});
        }

        private void startPack() throws IOException {
            int last = -1;
            for (int p : committed.keySet()) {
                last = Math.max(last, p);
            }
            for (int p : written.keySet()) {
                last = Math.max(last, p);
            }
            String lastFile = last < 0 ? null : current(last);
            if (lastFile != null && dir.fileLength(lastFile) < packBytes / 4) {
                outPack = last;
                out = dir.createOutput(fileName(last, generationOf(lastFile) + 1), IOContext.DEFAULT);
                try (IndexInput in = dir.openInput(lastFile, IOContext.READONCE)) {
                    out.copyBytes(in, in.length());
                }
                forget(last);
            } else {
                outPack = last + 1;
                out = dir.createOutput(fileName(outPack, 1), IOContext.DEFAULT);
            }
        }

        /** The file a pack has now: the one written in this batch, or else the committed one. */
        private String current(int pack) {
            String w = written.get(pack);
            return w != null ? w : committed.get(pack);
        }

        /** Drops an uncommitted generation that a newer one of this batch replaces. */
        private void forget(int pack) throws IOException {
            String w = written.remove(pack);
            if (w != null) {
                dir.deleteFile(w);
            }
        }

        private void finishPack() throws IOException {
            String name = out.getName();
            out.close();
            out = null;
            written.put(outPack, name);
        }

        /**
         * Writes the packs the batch changed (blanking superseded records) and syncs them; returns the pack files the
         * commit must name.
         */
        synchronized List<String> prepareCommit() throws IOException {
            if (out != null) {
                finishPack();
            }
            for (Map.Entry<Integer, List<long[]>> e : blanks.entrySet()) {
                int pack = e.getKey();
                String source = current(pack);
                if (source == null) {
                    continue;
                }
                List<long[]> regions = new ArrayList<>(e.getValue());
                regions.sort(Comparator.comparingLong(r -> r[0]));
                String target = fileName(pack, generationOf(source) + 1);
                try (IndexInput in = dir.openInput(source, IOContext.READONCE);
                        IndexOutput o = dir.createOutput(target, IOContext.DEFAULT)) {
                    for (long[] r : regions) {
                        long gap = r[0] - in.getFilePointer();
                        if (gap < 0) {
                            continue; // the same record blanked twice
                        }
                        o.copyBytes(in, gap);
                        for (long i = 0; i < r[1]; i++) {
                            o.writeByte((byte) 0);
                        }
                        in.seek(r[0] + r[1]);
                    }
                    o.copyBytes(in, in.length() - in.getFilePointer());
                }
                forget(pack);
                written.put(pack, target);
            }
            blanks.clear();
            dir.sync(written.values());
            Map<Integer, String> next = new TreeMap<>(committed);
            next.putAll(written);
            return List.copyOf(next.values());
        }

        /** After the commit of {@link #prepareCommit()}'s packs: deletes the generations they superseded. */
        synchronized void committed() throws IOException {
            List<String> superseded = new ArrayList<>();
            for (Map.Entry<Integer, String> e : written.entrySet()) {
                String old = committed.put(e.getKey(), e.getValue());
                if (old != null) {
                    superseded.add(old);
                }
            }
            written.clear();
            for (String old : superseded) {
                try {
                    dir.deleteFile(old);
                } catch (NoSuchFileException gone) {
                    // already deleted
                }
            }
        }

        /** Throws away whatever was written since the last commit. */
        @Override
        public synchronized void close() throws IOException {
            if (out != null) {
                String name = out.getName();
                out.close();
                out = null;
                dir.deleteFile(name);
            }
            for (String w : written.values()) {
                dir.deleteFile(w);
            }
            written.clear();
            blanks.clear();
        }
    }
}
