package org.cablegate.web.site;

import gg.jte.ContentType;
import gg.jte.TemplateEngine;
import gg.jte.output.Utf8ByteOutput;

/**
 * The jte templates, compiled to classes at build time (jte-maven-plugin): each takes one view record and renders
 * UTF-8 bytes, escaping every value for HTML.
 */
final class Templates {
    private final TemplateEngine engine = TemplateEngine.createPrecompiled(ContentType.Html);

    byte[] render(String template, Object view) {
        Utf8ByteOutput out = new Utf8ByteOutput();
        engine.render(template, view, out);
        return out.toByteArray();
    }
}
