package org.cablegate.archive.release;

import org.cablegate.archive.vault.ReleaseRecord;

/** Hears how a release goes. Every method is called on the thread that runs the release, in order. */
public interface ReleaseListener {
    ReleaseListener NONE = new ReleaseListener() {};

    /** The selection is resolved and logged as pending. */
    default void selected(ReleaseRecord release) {}

    /** Cables handed to the index so far; none is visible before {@link #published}. */
    default void indexed(long done, long total) {}

    /** Segments that hold replaced or withdrawn documents are being rewritten without them. */
    default void expunging() {}

    /** Something the publisher should know: a redaction that matches nothing in the text it applies to. */
    default void warning(String message) {}

    /** The index commit is written: readers that refresh see the whole batch from now on. */
    default void published(ReleaseRecord release) {}
}
