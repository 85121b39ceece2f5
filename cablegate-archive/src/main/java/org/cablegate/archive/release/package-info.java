/**
 * Releases: {@link org.cablegate.archive.release.Releaser} publishes a
 * {@link org.cablegate.archive.vault.Selection} of the vault to the public archive in one atomic step, and settles a
 * release that a crash interrupted when it is next opened.
 */
package org.cablegate.archive.release;
