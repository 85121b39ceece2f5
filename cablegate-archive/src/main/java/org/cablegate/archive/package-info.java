/**
 * The archive: the private vault ({@link org.cablegate.archive.vault}), releases ({@link org.cablegate.archive.release})
 * and the public archive with its search ({@link org.cablegate.archive.index}). A data directory holds
 * {@code vault.db} and {@code public/}; {@link org.cablegate.archive.ArchiveStatus} reports on both.
 */
package org.cablegate.archive;
