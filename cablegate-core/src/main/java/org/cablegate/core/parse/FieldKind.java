package org.cablegate.core.parse;

/**
 * The fields that open a body, before the first paragraph, in the order they usually come. Its own type so that
 * {@link Preamble}, which locates the fields, and {@link PreambleKeywords}, which finds their keywords, do not need
 * each other both ways.
 */
enum FieldKind { EO, TAGS, SUBJECT, REF, CLASSIFIED_BY }
