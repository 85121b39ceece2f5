/**
 * The vault: the publisher's private SQLite store of every cable, every version of its text, the whole set's ids and
 * the release log.
 *
 * <ul>
 *   <li>{@link org.cablegate.archive.vault.Vault#open} a data directory; {@code status()}, {@code digest()},
 *       {@code importIds(cable2month.csv.gz)}, {@code cable(id)}, {@code versions(id)}, {@code releases()}.
 *   <li>{@link org.cablegate.archive.vault.Importer#run} reads sources, parses and stores, idempotently and crash-safely.
 *   <li>{@link org.cablegate.archive.vault.Selection} says which cables a release takes; the
 *       {@link org.cablegate.archive.vault.ReleaseLog} is what the releaser drives.
 * </ul>
 */
package org.cablegate.archive.vault;
