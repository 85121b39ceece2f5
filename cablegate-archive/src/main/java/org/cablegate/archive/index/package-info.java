/**
 * The public archive: a Lucene index of released cables only, with their text as published.
 * {@link org.cablegate.archive.index.PublicArchive} opens it read-only for search and pages;
 * {@link org.cablegate.archive.index.ArchiveWriter} is the releaser's. {@code ArchiveSchema} is the one class that
 * knows the fields.
 */
package org.cablegate.archive.index;
