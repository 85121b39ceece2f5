/**
 * The public archive: a Lucene index of released cables only, with their texts as published in text packs beside
 * its segments ({@code CableTexts}, one directory for both, one commit naming both).
 * {@link org.cablegate.archive.index.PublicArchive} opens it read-only for search and pages;
 * {@link org.cablegate.archive.index.ArchiveWriter} is the releaser's. {@code ArchiveSchema} is the one class that
 * knows the fields.
 */
package org.cablegate.archive.index;
