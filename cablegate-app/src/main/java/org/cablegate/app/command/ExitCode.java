package org.cablegate.app.command;

/** What a command's exit status says. One place, so that scripts can rely on them. */
public final class ExitCode {
    /** Everything done. */
    public static final int OK = 0;
    /** Done, but some records were rejected (each was reported with its position). */
    public static final int SOME_REJECTED = 1;
    /** The command line was wrong. */
    public static final int USAGE = 2;
    /** Nothing or not everything could be done: a source or the data directory could not be read or written. */
    public static final int FAILED = 3;

    private ExitCode() {}
}
