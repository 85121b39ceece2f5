package org.cablegate.web.view;

/** One cable in a listing or a result list: the columns of the 2011 listings. */
public record Row(Link cable, String subject, Link created, Link released, Link classification, Link origin) {}
