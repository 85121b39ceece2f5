package org.cablegate.archive.vault;

import java.time.Clock;
import java.util.Objects;

/**
 * How an import runs.
 *
 * @param parseThreads          threads that parse at once (besides the reading and the writing thread)
 * @param recordsPerTransaction records written per vault transaction: more is faster, fewer is less to redo after a
 *                              crash (a transaction is also closed after 512 M characters of text, whatever this says)
 * @param clock                 gives the import time recorded with new versions
 */
public record ImportOptions(int parseThreads, int recordsPerTransaction, Clock clock) {
    public ImportOptions {
        if (parseThreads < 1) {
            throw new IllegalArgumentException("at least one parse thread: " + parseThreads);
        }
        if (recordsPerTransaction < 1) {
            throw new IllegalArgumentException("at least one record per transaction: " + recordsPerTransaction);
        }
        Objects.requireNonNull(clock, "clock");
    }

    /** One parse thread per processor, 50,000 records per transaction, the system clock. */
    public static ImportOptions defaults() {
        return new ImportOptions(Runtime.getRuntime().availableProcessors(), 50_000, Clock.systemUTC());
    }

    public ImportOptions withParseThreads(int n) {
        return new ImportOptions(n, recordsPerTransaction, clock);
    }

    public ImportOptions withRecordsPerTransaction(int n) {
        return new ImportOptions(parseThreads, n, clock);
    }

    public ImportOptions withClock(Clock c) {
        return new ImportOptions(parseThreads, recordsPerTransaction, c);
    }
}
