package org.cablegate.opensearch;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.Objects;

/**
 * The cluster's REST API over the JDK's HTTP client, JSON in and out. Every call has a deadline: a slow cluster is a
 * {@link ClusterUnavailableException} after it, never a hang. Why not opensearch-java: the requests are JSON the
 * translation builds anyway, and this keeps the dependencies to Jackson, with one place that decides what counts as
 * unavailable.
 */
public final class OpenSearchClient {
    static final ObjectMapper JSON = new ObjectMapper();

    private final URI base;
    private final Duration timeout;
    private final HttpClient http;

    public OpenSearchClient(URI base, Duration timeout) {
        this.base = Objects.requireNonNull(base, "base");
        this.timeout = Objects.requireNonNull(timeout, "timeout");
        this.http = HttpClient.newBuilder().connectTimeout(timeout).version(HttpClient.Version.HTTP_1_1).build();
    }

    /** The JSON mapper requests are built with. */
    public static ObjectMapper json() {
        return JSON;
    }

    public URI base() {
        return base;
    }

    public JsonNode get(String path) throws ClusterUnavailableException, OpenSearchException {
        return send("GET", path, null, "application/json");
    }

    public JsonNode delete(String path) throws ClusterUnavailableException, OpenSearchException {
        return send("DELETE", path, null, "application/json");
    }

    public JsonNode put(String path, JsonNode body) throws ClusterUnavailableException, OpenSearchException {
        return send("PUT", path, body.toString(), "application/json");
    }

    public JsonNode post(String path, JsonNode body) throws ClusterUnavailableException, OpenSearchException {
        return send("POST", path, body == null ? null : body.toString(), "application/json");
    }

    /** A bulk request: newline-delimited JSON, each line ending in a newline. */
    public JsonNode bulk(String path, String ndjson) throws ClusterUnavailableException, OpenSearchException {
        return send("POST", path, ndjson, "application/x-ndjson");
    }

    /** Whether the path exists (HEAD answers 200, not 404). */
    public boolean exists(String path) throws ClusterUnavailableException, OpenSearchException {
        HttpResponse<String> response = exchange("HEAD", path, null, "application/json");
        return response.statusCode() == 200;
    }

    JsonNode send(String method, String path, String body, String type)
            throws ClusterUnavailableException, OpenSearchException {
        HttpResponse<String> response = exchange(method, path, body, type);
        int status = response.statusCode();
        JsonNode json;
        try {
            json = response.body().isEmpty() ? JSON.createObjectNode() : JSON.readTree(response.body());
        } catch (IOException e) {
            throw new ClusterUnavailableException("the cluster at " + base + " answered " + method + " " + path
                    + " with " + status + " and no JSON", e);
        }
        if (status >= 200 && status < 300) {
            return json;
        }
        String reason = json.path("error").path("root_cause").path(0).path("reason").asText(
                json.path("error").path("reason").asText(json.toString()));
        String kind = json.path("error").path("type").asText("");
        // 503 is a cluster without the shards it needs (red), 429 one that sheds load, 504 a timeout on its side.
        if (status == 503 || status == 429 || status == 504 || status >= 500 && kind.contains("unavailable")) {
            throw new ClusterUnavailableException("the cluster at " + base + " cannot answer " + method + " " + path
                    + " now (" + status + "): " + reason);
        }
        throw new OpenSearchException(status, kind, method + " " + path + " failed with " + status + ": " + reason);
    }

    private HttpResponse<String> exchange(String method, String path, String body, String type)
            throws ClusterUnavailableException {
        HttpRequest request = HttpRequest.newBuilder(base.resolve(path)).timeout(timeout)
                .header("Content-Type", type)
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body))
                .build();
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (HttpTimeoutException e) {
            throw new ClusterUnavailableException("the cluster at " + base + " did not answer " + method + " " + path
                    + " within " + timeout.toMillis() + " ms", e);
        } catch (IOException e) {
            throw new ClusterUnavailableException("the cluster at " + base + " cannot be reached: " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ClusterUnavailableException("interrupted while asking the cluster at " + base, e);
        }
    }
}
