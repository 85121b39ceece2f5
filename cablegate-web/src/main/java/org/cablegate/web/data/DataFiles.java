package org.cablegate.web.data;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.cablegate.archive.index.PublicArchive;
import org.cablegate.archive.index.PublicCable;

/**
 * The data routes' answers that a static export writes once per cable, made in the process rather than fetched over
 * HTTP: the same {@link Api} code the routes run, so the bytes are the server's (the export's "same bytes" test
 * compares them with a running server). Only answers that are a 200 are made here; anything else (a withdrawn cable's
 * 410) the caller fetches from the server.
 */
public final class DataFiles {
    private final Api api;

    public DataFiles(URI baseUrl) {
        this.api = new Api(new SiteUrls(baseUrl));
    }

    /** {@code /api/cable/ID.json} of a public cable of the view's release. */
    public Optional<byte[]> cableJson(PublicArchive.View view, String id) throws IOException {
        Optional<PublicCable> c = view.get(id);
        return c.map(cable -> utf8(api.cable(cable)));
    }

    /** {@code /api/cable/ID/history.json} of a public cable of the view's release. */
    public Optional<byte[]> historyJson(PublicArchive.View view, String id) throws IOException {
        Optional<PublicCable> c = view.get(id);
        return c.map(cable -> utf8(api.history(cable)));
    }

    /** The content type those answers are sent with. */
    public static String jsonType() {
        return Http.JSON;
    }

    private static byte[] utf8(CharSequence s) {
        return s.toString().getBytes(StandardCharsets.UTF_8);
    }
}
