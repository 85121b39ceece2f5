package org.cablegate.web.mirror;

import java.io.IOException;
import java.net.URI;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.cablegate.archive.index.PublicArchive;
import org.cablegate.web.data.DataFiles;
import org.cablegate.web.http.Page;
import org.cablegate.web.site.Site;

/**
 * The export's fast path: the pages and the per-cable JSON made in the process by the very code the server runs for
 * them ({@link Site#render} is what the server's page routes and its page cache call; {@link DataFiles} runs the data
 * routes' {@code Api}), instead of asking the loopback server. Over HTTP each of the ~1.8 million files of the full
 * archive cost a request, a response and a copy; here a page is rendered once and written.
 *
 * <p>Only what is certainly the server's answer is made here: paths of the site's page routes and of a cable's JSON,
 * written plainly (no percent-escape, no dot segment, nothing Jetty would normalise), and only when the answer is a
 * 200. Everything else (redirects, 404s, 410s of withdrawn cables, listings' data, feeds, downloads) still goes to the
 * server. The export test crawls the server and the export side by side, which is what proves the two paths equal.
 */
final class InProcess implements Crawler.Local {
    /** The page routes of {@code SiteRoutes} whose answers are files. */
    private static final Pattern SITE = Pattern.compile(
            "/(?:index\\.html|cablegate\\.html|about\\.html|faq\\.html|resources\\.html|releases\\.html"
                    + "|static/cablegate\\.css|static/html/faq\\.html"
                    + "|(?:cable|reldate|date|tag|origin|classification)/[A-Za-z0-9_,+\\-/.]+\\.(?:html|txt))");
    private static final Pattern CABLE_JSON = Pattern.compile("/api/cable/([A-Za-z0-9_\\-]+)(/history)?\\.json");

    private final PublicArchive archive;
    private final Site site;
    private final DataFiles data;

    InProcess(PublicArchive archive, URI baseUrl) throws IOException {
        this.archive = archive;
        this.site = new Site(archive, baseUrl);
        this.data = new DataFiles(baseUrl);
    }

    /** The site the pages are rendered by: what a cable's files are made of is its to say ({@link CableInputs}). */
    Site site() {
        return site;
    }

    /** The release the pages are rendered for. */
    long release() {
        return site.release();
    }

    @Override
    public Optional<Crawler.Response> answer(String path) throws IOException {
        if (path.contains("//") || path.contains("/.")) {
            return Optional.empty();
        }
        if (SITE.matcher(path).matches()) {
            Page p = site.render(path);
            return p.status() == 200
                    ? Optional.of(new Crawler.Response(200, p.contentType(), Optional.empty(), p.body()))
                    : Optional.empty();
        }
        Matcher m = CABLE_JSON.matcher(path);
        if (m.matches()) {
            try (PublicArchive.View view = archive.view()) {
                Optional<byte[]> body = m.group(2) == null ? data.cableJson(view, m.group(1))
                        : data.historyJson(view, m.group(1));
                return body.map(b -> new Crawler.Response(200, DataFiles.jsonType(), Optional.empty(), b));
            }
        }
        return Optional.empty();
    }
}
