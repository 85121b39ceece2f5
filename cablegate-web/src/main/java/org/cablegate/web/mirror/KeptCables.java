package org.cablegate.web.mirror;

import java.io.IOException;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The files of the cables whose inputs did not change since the export the target holds ({@link CableInputs}): a
 * cable's page, plain text and history page, its JSON and its history's JSON. Only a path at the very place the
 * site gives that cable, and one the previous export holds as a file, is kept.
 */
final class KeptCables implements Crawler.Kept {
    private static final Pattern PAGE = Pattern.compile("/cable/\\d{4}/\\d{2}/([A-Za-z0-9]+)(\\.html|\\.txt|/history\\.html)");
    private static final Pattern JSON = Pattern.compile("/api/cable/([A-Za-z0-9]+)(\\.json|/history\\.json)");
    private static final Crawler.Response NO_LINKS = new Crawler.Response(200, "", Optional.empty(), new byte[0]);

    private final CableInputs now;
    private final Set<String> unchanged;
    private final PreviousExport previous;

    KeptCables(CableInputs now, Set<String> unchanged, PreviousExport previous) {
        this.now = now;
        this.unchanged = unchanged;
        this.previous = previous;
    }

    /** How many cables' files are kept. */
    int cables() {
        return unchanged.size();
    }

    @Override
    public Optional<Crawler.Response> previous(String path) throws IOException {
        Matcher page = PAGE.matcher(path);
        if (page.matches()) {
            String id = page.group(1);
            Optional<CableInputs.Cable> cable = now.cable(id).filter(c -> unchanged.contains(id));
            if (cable.isEmpty() || !path.startsWith(cable.get().page().replaceFirst("\\.html$", ""))
                    || previous.entry(path.substring(1)).isEmpty()) {
                return Optional.empty();
            }
            if (!page.group(2).equals(".html")) {
                return Optional.of(NO_LINKS);
            }
            // The page is read back for its links: the plain text, the JSON, the cited cables' pages.
            return previous.read(path.substring(1))
                    .map(body -> new Crawler.Response(200, "text/html; charset=utf-8", Optional.empty(), body));
        }
        Matcher json = JSON.matcher(path);
        if (json.matches() && unchanged.contains(json.group(1)) && previous.entry(path.substring(1)).isPresent()) {
            return Optional.of(NO_LINKS);
        }
        return Optional.empty();
    }
}
