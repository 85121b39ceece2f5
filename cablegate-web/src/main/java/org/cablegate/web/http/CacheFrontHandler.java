package org.cablegate.web.http;

import java.nio.ByteBuffer;
import java.util.List;
import java.util.function.Supplier;
import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

/**
 * A Jetty core handler in front of Javalin's: a GET or HEAD of a page already rendered for this release is answered
 * here, from the {@link PageCache}, without the servlet layer and Javalin's pipeline, which cost about half of
 * nginx's speed on their own. Anything else (a miss, a query string, another method) goes on to Javalin.
 */
public final class CacheFrontHandler extends Handler.Wrapper {
    private final PageCache cache;
    private final Supplier<String> lastModified;

    public CacheFrontHandler(PageCache cache, Supplier<String> lastModified) {
        this.cache = cache;
        this.lastModified = lastModified;
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) throws Exception {
        String method = request.getMethod();
        if (("GET".equals(method) || "HEAD".equals(method)) && request.getHttpURI().getQuery() == null) {
            CachedPage page = cache.get(request.getHttpURI().getPath());
            if (page != null) {
                HttpFields headers = request.getHeaders();
                Reply reply = Reply.of(page, headers.get(HttpHeader.IF_NONE_MATCH),
                        headers.get(HttpHeader.IF_MODIFIED_SINCE), headers.get(HttpHeader.ACCEPT_ENCODING),
                        lastModified.get());
                response.setStatus(reply.status());
                HttpFields.Mutable out = response.getHeaders();
                List<String> h = reply.headers();
                for (int i = 0; i < h.size(); i += 2) {
                    out.put(h.get(i), h.get(i + 1));
                }
                out.put(HttpHeader.CONTENT_LENGTH, reply.body().length);
                response.write(true, ByteBuffer.wrap(reply.body()), callback);
                return true;
            }
        }
        return super.handle(request, response, callback);
    }
}
