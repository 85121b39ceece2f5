package org.cablegate.web.http;

import org.eclipse.jetty.http.HttpField;
import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.BufferUtil;
import org.eclipse.jetty.util.Callback;

/**
 * A Jetty core handler in front of Javalin's: a GET or HEAD of a page already rendered for this release is answered
 * here, from the {@link PageCache}, with headers encoded and bytes gzipped in advance, without the servlet layer and
 * Javalin's pipeline (which cost about half of nginx's speed on their own), and on the selector thread that read the
 * request (no hand-over to another thread). Anything else (a miss, a query string, another method) goes on to
 * Javalin, on a pool thread.
 */
public final class CacheFrontHandler extends Handler.Wrapper {
    private final PageCache cache;

    public CacheFrontHandler(PageCache cache) {
        this.cache = cache;
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) throws Exception {
        String method = request.getMethod();
        if (("GET".equals(method) || "HEAD".equals(method)) && request.getHttpURI().getQuery() == null) {
            CachedPage page = cache.get(request.getHttpURI().getPath());
            if (page != null) {
                HttpFields in = request.getHeaders();
                CachedPage.Variant v = page.variant(in.get(HttpHeader.ACCEPT_ENCODING));
                HttpFields.Mutable out = response.getHeaders();
                if (page.notModified(in.get(HttpHeader.IF_NONE_MATCH), in.get(HttpHeader.IF_MODIFIED_SINCE),
                        cache.lastModified())) {
                    response.setStatus(304);
                    for (HttpField f : v.notModifiedHeaders()) {
                        out.add(f);
                    }
                    response.write(true, BufferUtil.EMPTY_BUFFER, callback);
                    return true;
                }
                response.setStatus(page.page().status());
                for (HttpField f : v.headers()) {
                    out.add(f);
                }
                // Jetty sends no body for a HEAD; the headers are the GET's.
                response.write(true, v.body().duplicate(), callback);
                return true;
            }
        }
        // A miss may block (rendering, reading the archive, Javalin's servlet): it moves to a pool thread, so that
        // the selector thread, which called this handler, never waits.
        request.getComponents().getExecutor().execute(() -> handleElsewhere(request, response, callback));
        return true;
    }

    private void handleElsewhere(Request request, Response response, Callback callback) {
        try {
            if (!super.handle(request, response, callback)) {
                Response.writeError(request, response, callback, 404);
            }
        } catch (Throwable failure) {
            Response.writeError(request, response, callback, failure);
        }
    }

    /**
     * Non-blocking: a hit only queues bytes on the socket, and a miss is handed to a pool thread. Declaring it lets
     * Jetty run this handler on the selector thread that read the request, without waking another thread per request.
     */
    @Override
    public InvocationType getInvocationType() {
        return InvocationType.NON_BLOCKING;
    }
}
