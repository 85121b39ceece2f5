package org.cablegate.web.mirror;

import java.util.Optional;

/** The export's own pages: what a mirror is and how to check one, and where search went. */
final class Pages {
    private Pages() {}

    static String search(String base) {
        String b = escape(base);
        return page("Search — Cablegate mirror", """
                <h1>Search needs a server</h1>
                <p>This is a mirror of the site as plain files, and plain files cannot search. The nginx configuration
                that comes with the mirror sends every search to the publisher's site, with the query kept; on this
                server, search there:</p>
                <form method="get" action="%s/search"><p><label>Search the cables <input type="search" name="q"></label>
                <button type="submit">Search</button></p></form>
                <p>Every page of the site is here: browse the cables by <a href="/reldate/index.html">release day</a>,
                <a href="/date/index.html">creation date</a>, <a href="/origin/index.html">origin</a>,
                <a href="/tag/index.html">tag</a> and <a href="/classification/index.html">classification</a>.</p>
                """.formatted(b));
    }

    static String mirror(String base, Optional<String> key) {
        String b = escape(base);
        String k = key.map(Pages::escape).orElse("(the publisher has not made a key)");
        return page("Mirrors — Cablegate", """
                <h1>This site as a mirror</h1>
                <p>A mirror is a copy of the whole public site as plain files, served by any web server. Every page is
                at the address it has on the publisher's site (%s), byte for byte what that site sends.</p>
                <h2>How to check a mirror</h2>
                <p>The file <a href="/MANIFEST">MANIFEST</a> lists every file with its size and SHA-256 hash, the
                release it is of, and until when it may be trusted. <a href="/MANIFEST.sig">MANIFEST.sig</a> is the
                publisher's Ed25519 signature of it. The publisher's public key is:</p>
                <pre>%s</pre>
                <p>Save that line in a file and run <code>cablegate verify DIR --key FILE</code> on a copy of the
                mirror: it names every file that is missing, changed or extra, and refuses a manifest older than one
                it checked before, one whose time has run out, and one that does not continue the one it checked
                before. <code>cablegate mirror URL DIR --key FILE</code> makes and keeps such a copy.</p>
                <h2>How to serve one</h2>
                <p>The export carries <code>nginx.conf</code>:
                <code>nginx -p DIR/ -c nginx.conf -g 'pid /run/cablegate-mirror.pid;'</code> serves it, with the
                compressed files, the not-found page and the pages of withdrawn cables.</p>
                """.formatted(b, k));
    }

    private static String page(String title, String main) {
        return "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n<title>" + escape(title)
                + "</title>\n<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
                + "<link rel=\"stylesheet\" href=\"/static/cablegate.css\">\n</head>\n<body>\n"
                + "<p class=\"brand\"><a href=\"/\">Cablegate</a></p>\n<main id=\"main\">\n" + main
                + "</main>\n</body>\n</html>\n";
    }

    static String escape(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
