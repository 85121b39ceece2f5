package org.cablegate.web.site;

import java.io.IOException;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.cablegate.archive.index.BadQueryException;
import org.cablegate.archive.index.PublicArchive;
import org.cablegate.archive.index.PublicCable;
import org.cablegate.archive.index.SearchBackend;
import org.cablegate.archive.index.WithdrawnCable;
import org.cablegate.web.http.Page;
import org.cablegate.web.http.ReleaseStamp;
import org.cablegate.web.view.HomeView;
import org.cablegate.web.view.Link;
import org.cablegate.web.view.MessageView;
import org.cablegate.web.view.ProseView;
import org.cablegate.web.view.ReleaseBox;
import org.cablegate.web.url.Urls;

/**
 * The site as a function from a URL to a page, for the archive's current release. A page depends on nothing but its
 * path and the release, which is what lets pages be cached until the next release and written out as static files.
 * Reads the public archive only.
 */
public final class Site {
    private static final Pattern CABLE = Pattern.compile("/cable/(\\d{4})/(\\d{2})/([^/]+)\\.(html|txt)");
    private static final Pattern CABLE_BY_ID = Pattern.compile("/cable/([^/]+)\\.html");
    private static final Pattern HISTORY = Pattern.compile("/cable/(\\d{4})/(\\d{2})/([^/]+)/history\\.html");
    private static final Pattern LISTING = Pattern.compile("/(reldate|date|tag|origin|classification)/(.+)_(0|[1-9]\\d{0,5})\\.html");
    private static final Pattern INDEX = Pattern.compile("/(reldate|date|tag|origin|classification)/(?:index\\.html)?");
    private static final byte[] CSS = Resources.bytes("cablegate.css");

    private final PublicArchive archive;
    /** What answers the search page: the archive itself, or a cluster ({@code serve --search}). */
    private final Optional<SearchBackend> searchBackend;
    private final String siteUrl;
    private final Templates templates = new Templates();
    private final Listings listings;
    private final CablePages cables;
    private final SearchPage search;
    private final HistoryPages history;
    private volatile Snapshot snapshot;
    /** A snapshot of a release newer than {@link #snapshot}, read by a page before {@link #refresh()} adopted it. */
    private volatile Snapshot next;

    /**
     * @param siteUrl where readers reach the site ({@code https://cablegate.example}): the canonical links and the
     *                previews of shared links name it; the pages' own links are paths
     */
    public Site(PublicArchive archive, URI siteUrl) throws IOException {
        this(archive, Optional.empty(), siteUrl);
    }

    /**
     * @param search what answers the search page instead of the archive (a cluster); its hits are shown, and their
     *               snippets made, from the archive's release
     */
    public Site(PublicArchive archive, Optional<SearchBackend> search, URI siteUrl) throws IOException {
        this.archive = archive;
        this.searchBackend = search;
        this.siteUrl = siteUrl.toString();
        this.listings = new Listings(templates);
        this.cables = new CablePages(templates);
        this.search = new SearchPage(templates);
        this.history = new HistoryPages(templates);
        try (PublicArchive.View view = archive.view()) {
            this.snapshot = Snapshot.read(view, this.siteUrl);
        }
    }

    /** The release the pages are rendered for: pages of one release may be cached until it changes. */
    public long release() {
        return snapshot.release;
    }

    /** The current release and when it was published: what a page's headers say it is of. */
    public ReleaseStamp stamp() {
        return snapshot.stamp();
    }

    /**
     * What the files of every cable share beyond the cables themselves, as text: the page around them (navigation, the
     * site's address). With {@link #placesOf} of a cable and of the cables it cites and is cited by, it is all of what
     * a cable's files show; two releases with the same text give the same files for a cable whose inputs are the same
     * in both, which is what lets the export keep such a cable's files rather than render them again
     * ({@code CableInputs}).
     */
    public String sharedByCables() {
        return snapshot.chrome.toString();
    }

    /** The slugs a cable's links to its origin and classification use in this release (a new value may move them). */
    public String placesOf(PublicCable c) {
        Snapshot s = snapshot;
        return s.originSlugs.slug(c.origin()) + " " + s.classificationSlugs.slug(c.classification());
    }

    /** Moves to the archive's newest release, if there is one; true when the pages changed. */
    public synchronized boolean refresh() throws IOException {
        archive.refresh();
        try (PublicArchive.View view = archive.view()) {
            if (view.lastRelease() == snapshot.release) {
                return false;
            }
            snapshot = snapshotOf(view);
            return true;
        }
    }

    /**
     * What the pages of the view's release share. That is the current snapshot, except in the moment between the
     * archive's move to a new release and {@link #refresh()}: a page rendered then reads the new release whole, with
     * a snapshot read for it (once, and adopted by the refresh).
     */
    private Snapshot snapshotOf(PublicArchive.View view) throws IOException {
        long release = view.lastRelease();
        Snapshot s = snapshot;
        if (s.release == release) {
            return s;
        }
        // Read once, however many pages ask for it at the same time.
        synchronized (this) {
            Snapshot n = next;
            if (n == null || n.release != release) {
                n = Snapshot.read(view, siteUrl);
                next = n;
            }
            return n;
        }
    }

    /** The page at a path (as sent, percent-encoded, without the query); every read of it is of one release. */
    public Page render(String rawPath) throws IOException {
        try (PublicArchive.View view = archive.view()) {
            Snapshot s = snapshotOf(view);
            return render(rawPath, view, s).stamped(s.stamp());
        }
    }

    private Page render(String rawPath, PublicArchive.View view, Snapshot s) throws IOException {
        String path = decode(rawPath);
        if (path == null) {
            return notFound(s);
        }
        switch (path) {
            case "/", "/index.html", "/cablegate.html":
                return Page.html(200, home(view, s));
            case "/about.html":
                return prose("about.jte", "Reading and discussing cables", "/about.html",
                        "How to read a diplomatic cable, and how to discuss one.", s);
            case "/faq.html", "/static/html/faq.html":
                return prose("faq.jte", "Questions and answers", "/faq.html",
                        "Questions on the cables, this archive, its search and its data, and their answers.", s);
            case "/resources.html":
                return prose("resources.jte", "Community resources", "/resources.html",
                        "Where readers of the cables discuss them, and other archives of them.", s);
            case "/releases.html":
                return Page.html(200, history.releases(view.releases(), s));
            case ReleaseBox.PATH:
                return Page.html(200, templates.render("release-box.jte", s.box));
            case "/static/cablegate.css":
                return new Page(200, Page.CSS, CSS, Optional.empty());
            default:
                break;
        }
        Matcher m = CABLE.matcher(path);
        if (m.matches()) {
            return cable(view, m.group(3), m.group(1) + "/" + m.group(2), m.group(4).equals("txt"), path, s);
        }
        m = HISTORY.matcher(path);
        if (m.matches()) {
            return history(view, m.group(3), path, Optional.empty(), Optional.empty(), s);
        }
        m = CABLE_BY_ID.matcher(path);
        if (m.matches()) {
            Optional<PublicCable> c = CablePages.find(view, m.group(1));
            return c.isPresent() ? Page.movedTo(Urls.cable(c.get().id(), c.get().created()))
                    : notPublic(view, m.group(1), s);
        }
        m = LISTING.matcher(path);
        if (m.matches()) {
            Optional<byte[]> listing = listings.listing(view, Dimension.of(m.group(1)), m.group(2),
                    Integer.parseInt(m.group(3)), s);
            return listing.isPresent() ? Page.html(200, listing.get()) : notFound(s);
        }
        m = INDEX.matcher(path);
        if (m.matches()) {
            return Page.html(200, listings.index(Dimension.of(m.group(1)), s));
        }
        return notFound(s);
    }

    private Page problem(String message, Snapshot s) {
        return Page.html(400, templates.render("message.jte", new MessageView(
                s.chrome.unplaced("The search cannot run — Cablegate", "A search that cannot run as written."), "The search cannot run as written",
                List.of(message, "Check the query against the examples in the FAQ, or start again."),
                List.of(new Link("/faq.html", "How to search"), new Link("/search", "A new search")))));
    }

    /** Parses and costs a reader's query without running it (see {@link PublicArchive#check}). */
    public void check(String q) throws BadQueryException {
        archive.check(q == null ? "" : q.strip());
    }

    /** The 400 page of a search that cannot run, with the reason. */
    public Page problem(String message) throws IOException {
        try (PublicArchive.View view = archive.view()) {
            Snapshot s = snapshotOf(view);
            return problem(message, s).stamped(s.stamp());
        }
    }

    /** The search page for a query string's parameters; a query that cannot run is a 400 that says why. */
    public Page search(Map<String, List<String>> params) throws IOException {
        try (PublicArchive.View view = archive.view()) {
            Snapshot s = snapshotOf(view);
            return search(params, view, s).stamped(s.stamp());
        }
    }

    private Page search(Map<String, List<String>> params, PublicArchive.View view, Snapshot s) throws IOException {
        SearchPage.Outcome outcome = search.render(view, searchBackend.isPresent() ? searchBackend.get() : view, params, s);
        if (outcome.problem().isPresent()) {
            return problem(outcome.problem().get(), s);
        }
        return Page.html(200, outcome.page());
    }

    private Page cable(PublicArchive.View view, String id, String month, boolean text, String path, Snapshot s)
            throws IOException {
        Optional<PublicCable> found = CablePages.find(view, id);
        if (found.isEmpty()) {
            return notPublic(view, id, s);
        }
        PublicCable c = found.get();
        String canonical = text ? Urls.cableText(c.id(), c.created()) : Urls.cable(c.id(), c.created());
        if (!canonical.equals(path)) {
            return Page.movedTo(canonical);
        }
        return text ? Page.text(c.plainText()) : Page.html(200, cables.page(view, c, s));
    }

    /**
     * The page of a cable that is not public: 410 for one that was withdrawn (readers and mirrors must drop it), else
     * the one "not public" page, the same whether the id is unknown, unreleased or malformed.
     */
    private Page notPublic(PublicArchive.View view, String id, Snapshot s) throws IOException {
        Optional<WithdrawnCable> withdrawn = view.withdrawn(id);
        if (withdrawn.isPresent()) {
            return Page.html(410, history.withdrawn(withdrawn.get(), s));
        }
        return Page.html(404, cables.unpublished(view, id, s));
    }

    /**
     * The history page of a cable at a path with the query's choice of versions ({@code ?from=1&to=3}); such a page
     * is not kept in the page cache, as the path alone does not name it.
     */
    public Page history(String rawPath, Map<String, List<String>> params) throws IOException {
        try (PublicArchive.View view = archive.view()) {
            Snapshot s = snapshotOf(view);
            return history(rawPath, params, view, s).stamped(s.stamp());
        }
    }

    private Page history(String rawPath, Map<String, List<String>> params, PublicArchive.View view, Snapshot s)
            throws IOException {
        String path = decode(rawPath);
        Matcher m = path == null ? null : HISTORY.matcher(path);
        if (m == null || !m.matches()) {
            return notFound(s);
        }
        Optional<Integer> from = version(params.get("from"));
        Optional<Integer> to = version(params.get("to"));
        if (from == null || to == null) {
            return notFound(s);
        }
        return history(view, m.group(3), path, from, to, s);
    }

    /** A version number given in a query, empty when not given, null when it is not a number. */
    private static Optional<Integer> version(List<String> values) {
        if (values == null || values.isEmpty()) {
            return Optional.empty();
        }
        String v = values.get(0);
        return v.matches("[1-9][0-9]{0,5}") ? Optional.of(Integer.parseInt(v)) : null;
    }

    private Page history(PublicArchive.View view, String id, String path, Optional<Integer> from, Optional<Integer> to,
            Snapshot s) throws IOException {
        Optional<PublicCable> found = CablePages.find(view, id);
        if (found.isEmpty()) {
            return notPublic(view, id, s);
        }
        PublicCable c = found.get();
        String canonical = Urls.cableHistory(c.id(), c.created());
        if (!canonical.equals(path)) {
            return Page.movedTo(canonical);
        }
        Optional<byte[]> page = history.history(c, from, to, s);
        return page.isPresent() ? Page.html(200, page.get()) : notFound(s);
    }

    private byte[] home(PublicArchive.View view, Snapshot s) throws IOException {
        String day = s.days.isEmpty() ? "" : s.days.get(0).value();
        return templates.render("home.jte", new HomeView(s.chrome.page("Cablegate: US diplomatic cables", "/", "US diplomatic cables, "
                + s.box.released() + " of " + s.box.setSize() + " released so far: browse them by release day, "
                + "creation date, origin, tag and classification, or search their text."), day,
                new Link(Urls.releaseDay(day, 0), "Every cable released on " + day), Listings.latest(view, s),
                Charts.byMonth("Released cables by creation month", s.months)));
    }

    private Page prose(String template, String title, String path, String description, Snapshot s) {
        return Page.html(200, templates.render(template, new ProseView(s.chrome.page(title + " — Cablegate", path,
                description))));
    }

    /** The page for a path that names nothing; the same for every such path. */
    public Page notFound() {
        Snapshot s = snapshot;
        return notFound(s).stamped(s.stamp());
    }

    private Page notFound(Snapshot s) {
        return Page.html(404, templates.render("message.jte", new MessageView(s.chrome.unplaced("Not found — Cablegate", "There is no page at this address."),
                "There is no page at this address",
                List.of("The address may be mistyped, or it names a cable or a listing that is not public yet."),
                List.of(new Link("/", "The front page"), new Link("/reldate/index.html", "The latest releases"),
                        new Link("/search", "Search the cables"), new Link("/faq.html", "Questions and answers")))));
    }

    /** The path with percent-escapes decoded ({@code +} stays a plus), or null when it is not valid UTF-8 escaping. */
    private static String decode(String raw) {
        try {
            return URLDecoder.decode(raw.replace("+", "%2B"), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
