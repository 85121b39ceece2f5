package org.cablegate.web.view;

/** A page of text written for readers (introduction, FAQ, community resources); only the chrome varies. */
public record ProseView(Chrome chrome) {}
