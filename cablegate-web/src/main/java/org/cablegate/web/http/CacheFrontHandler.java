package org.cablegate.web.http;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.cablegate.archive.index.PublicArchive;
import org.eclipse.jetty.http.HttpField;
import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.io.EndPoint;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.BufferUtil;
import org.eclipse.jetty.util.Callback;

/**
 * A Jetty core handler in front of Javalin's: a GET or HEAD of a page (or data answer) already made for this release is answered
 * here, from the {@link PageCache}, with headers encoded and bytes gzipped in advance, without the servlet layer and
 * Javalin's pipeline (which cost about half of nginx's speed on their own), and on the selector thread that read the
 * request (no hand-over to another thread). Anything else (a miss, a query string, another method) goes on to
 * Javalin, on a pool thread.
 */
public final class CacheFrontHandler extends Handler.Wrapper {
    private final PageCache cache;
    private final SearchGate gate;
    private final Set<String> searchPaths;

    /**
     * @param gate        the search pool: while it is full, a request for one of {@code searchPaths} is answered 503
     *                    here, on the selector thread, and never queues for a request thread (issue 12: a flood of
     *                    searches queued so many that the front page, a cache miss then, waited minutes for one)
     */
    public CacheFrontHandler(PageCache cache, SearchGate gate, Set<String> searchPaths) {
        this.cache = cache;
        this.gate = gate;
        this.searchPaths = Set.copyOf(searchPaths);
    }

    /** Every resource of the site is read-only. */
    static final String ALLOW = "GET, HEAD";
    private static final ByteBuffer NOT_ALLOWED = BufferUtil.toBuffer(
            "405 Method Not Allowed: this site is read-only; use GET or HEAD\n", StandardCharsets.UTF_8);

    private static final ByteBuffer BUSY = BufferUtil.toBuffer(
            "503 Service Unavailable: the server is busy with other searches; please try again in a moment\n",
            StandardCharsets.UTF_8);

    @Override
    public boolean handle(Request request, Response response, Callback callback) throws Exception {
        String method = request.getMethod();
        if (!"GET".equals(method) && !"HEAD".equals(method)) {
            // Issue 12: PUT, DELETE, POST and OPTIONS got the 404 page; the resource is there, the method is not.
            response.setStatus(405);
            HttpFields.Mutable out = response.getHeaders();
            out.put(HttpHeader.ALLOW, ALLOW);
            out.put(HttpHeader.CONTENT_TYPE, "text/plain;charset=utf-8");
            out.put("X-Content-Type-Options", "nosniff");
            out.put(HttpHeader.CACHE_CONTROL, "no-cache");
            response.write(true, NOT_ALLOWED.duplicate(), callback);
            return true;
        }
        if (("GET".equals(method) || "HEAD".equals(method)) && request.getHttpURI().getQuery() == null) {
            CachedPage page = cache.get(request.getHttpURI().getPath());
            if (page != null) {
                HttpFields in = request.getHeaders();
                CachedPage.Variant v = page.variant(in.get(HttpHeader.ACCEPT_ENCODING));
                HttpFields.Mutable out = response.getHeaders();
                if (page.notModified(in.get(HttpHeader.IF_NONE_MATCH), in.get(HttpHeader.IF_MODIFIED_SINCE))) {
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
        boolean search = searchPaths.contains(request.getHttpURI().getPath());
        if (search && !gate.admit()) {
            response.setStatus(503);
            HttpFields.Mutable out = response.getHeaders();
            out.put(HttpHeader.RETRY_AFTER, Long.toString(gate.retryAfterSeconds()));
            out.put(HttpHeader.CONTENT_TYPE, "text/plain;charset=utf-8");
            out.put("X-Content-Type-Options", "nosniff");
            out.put(HttpHeader.CACHE_CONTROL, "no-cache");
            if (gate.holdRefusal()) {
                // Answered when a queued search would have given up, on Jetty's scheduler, holding no thread: a
                // client that floods (each connection asking again as soon as it is answered) then asks at most once
                // per connection per queueWait. Refused at once, 768 flooding connections got 8,000 refusals a
                // second, and every other request, GET / among them, waited its turn behind ~768 others (95 ms).
                request.getComponents().getScheduler().schedule(() -> {
                    gate.releaseRefusal();
                    response.write(true, BUSY.duplicate(), callback);
                }, gate.refusalDelay().toMillis(), TimeUnit.MILLISECONDS);
            } else {
                response.write(true, BUSY.duplicate(), callback);
            }
            return true;
        }
        // A miss may block (rendering, reading the archive, Javalin's servlet): it moves to a pool thread, so that
        // the selector thread, which called this handler, never waits.
        request.getComponents().getExecutor().execute(() -> {
            try {
                handleElsewhere(request, response, callback);
            } finally {
                if (search) {
                    gate.leave();
                }
            }
        });
        return true;
    }

    private void handleElsewhere(Request request, Response response, Callback callback) {
        // A search for a client that has gone stops (issue 12: ~270 threads kept working for clients long gone).
        AtomicBoolean failed = new AtomicBoolean();
        request.addFailureListener(f -> failed.set(true));
        EndPoint endPoint = request.getConnectionMetaData().getConnection().getEndPoint();
        try (PublicArchive.Scope scope = PublicArchive.cancelSearchesWhen(() -> failed.get() || !endPoint.isOpen())) {
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
