package org.cablegate.archive.vault;

import java.io.IOException;

/** The vault could not be read or written: the database file is missing, locked, damaged or full. */
public final class VaultException extends IOException {
    private static final long serialVersionUID = 1L;

    public VaultException(String message, Throwable cause) {
        super(message, cause);
    }

    public VaultException(String message) {
        super(message);
    }
}
