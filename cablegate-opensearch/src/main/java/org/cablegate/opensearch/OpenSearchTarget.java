package org.cablegate.opensearch;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Objects;

/**
 * Where the archive goes on a cluster, as a user writes it: {@code opensearch://host:port[/index]}. The index is the
 * alias readers search (default {@code cables}); the port defaults to OpenSearch's 9200. Spoken over plain HTTP: a
 * cluster behind TLS is reached through a local proxy.
 */
public record OpenSearchTarget(String host, int port, String index) {
    public static final String DEFAULT_INDEX = "cables";
    public static final int DEFAULT_PORT = 9200;

    public OpenSearchTarget {
        Objects.requireNonNull(host, "host");
        Objects.requireNonNull(index, "index");
    }

    /** Reads {@code opensearch://host:port[/index]}; the message of a bad one says what is wrong. */
    public static OpenSearchTarget parse(String text) {
        URI uri;
        try {
            uri = new URI(text);
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("'" + text + "' is not an address: " + e.getReason() + " at index "
                    + e.getIndex());
        }
        if (!"opensearch".equals(uri.getScheme())) {
            throw new IllegalArgumentException("'" + text + "' does not start with opensearch:// (e.g. opensearch://127.0.0.1:9200/cables)");
        }
        if (uri.getHost() == null) {
            throw new IllegalArgumentException("'" + text + "' names no host (e.g. opensearch://127.0.0.1:9200/cables)");
        }
        String path = uri.getPath() == null ? "" : uri.getPath();
        String index = path.isEmpty() || path.equals("/") ? DEFAULT_INDEX : path.substring(1);
        // OpenSearch's rules for index names, those a user can break: lower case, no separators, no leading - _ +.
        if (!index.matches("[a-z0-9][a-z0-9._-]*")) {
            throw new IllegalArgumentException("'" + index + "' in '" + text + "' is not an index name OpenSearch "
                    + "takes: lower-case letters, digits, '.', '_' and '-', starting with a letter or digit");
        }
        return new OpenSearchTarget(uri.getHost(), uri.getPort() < 0 ? DEFAULT_PORT : uri.getPort(), index);
    }

    /** The cluster's HTTP address. */
    public URI http() {
        return URI.create("http://" + (host.contains(":") ? "[" + host + "]" : host) + ":" + port);
    }
}
