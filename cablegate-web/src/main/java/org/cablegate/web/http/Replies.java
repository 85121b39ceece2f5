package org.cablegate.web.http;

import io.javalin.http.Context;
import io.javalin.http.Header;
import java.util.List;

/** Sends a page through Javalin with the same headers the fast path sends. */
public final class Replies {
    private Replies() {}

    public static void send(Context ctx, CachedPage page, String lastModified) {
        Reply reply = Reply.of(page, ctx.header(Header.IF_NONE_MATCH),
                ctx.header(Header.IF_MODIFIED_SINCE), ctx.header(Header.ACCEPT_ENCODING), lastModified);
        ctx.status(reply.status());
        List<String> h = reply.headers();
        for (int i = 0; i < h.size(); i += 2) {
            ctx.header(h.get(i), h.get(i + 1));
        }
        // As the fast path does: a length, not chunks, so that both paths send the same response.
        ctx.header("Content-Length", Integer.toString(reply.body().length));
        ctx.result(reply.body());
    }
}
