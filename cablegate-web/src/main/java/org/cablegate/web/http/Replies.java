package org.cablegate.web.http;

import io.javalin.http.Context;
import io.javalin.http.Header;
import java.nio.ByteBuffer;
import org.eclipse.jetty.http.HttpField;

/** Sends a page through Javalin with exactly the headers and bytes the fast path sends. */
public final class Replies {
    private Replies() {}

    public static void send(Context ctx, CachedPage page) {
        // The variant is already gzipped or deliberately plain.
        ctx.disableCompression();
        CachedPage.Variant v = page.variant(ctx.header(Header.ACCEPT_ENCODING));
        if (page.notModified(ctx.header(Header.IF_NONE_MATCH), ctx.header(Header.IF_MODIFIED_SINCE))) {
            ctx.status(304);
            for (HttpField f : v.notModifiedHeaders()) {
                ctx.header(f.getName(), f.getValue());
            }
            return;
        }
        ctx.status(page.page().status());
        for (HttpField f : v.headers()) {
            ctx.header(f.getName(), f.getValue());
        }
        ByteBuffer body = v.body().duplicate();
        byte[] bytes = new byte[body.remaining()];
        body.get(bytes);
        ctx.result(bytes);
    }
}
