package org.cablegate.web.view;

/**
 * The page at the URL of a withdrawn cable (status 410): when it was withdrawn, and nothing of its text.
 *
 * @param chrome    the page around it
 * @param id        the reference id
 * @param withdrawn when, {@code 2011-02-03 10:00}
 */
public record WithdrawnView(Chrome chrome, String id, String withdrawn) {}
