package org.cablegate.opensearch;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.cablegate.archive.index.PublicCable;

/**
 * Sends cables to one physical index in bulk requests of a bounded size, and fails on the first document the cluster
 * refuses (a refused document would be a cable missing from the cluster's answers). Not thread-safe.
 */
final class BulkIndexer {
    /** About 5 MB a request: the size OpenSearch's guide starts from; the full set's bodies average 7 KB. */
    static final int MAX_BYTES = 5 << 20;

    private final OpenSearchClient client;
    private final String index;
    private final StringBuilder batch = new StringBuilder();
    private int batchDocs;
    private long sent;

    BulkIndexer(OpenSearchClient client, String index) {
        this.client = client;
        this.index = index;
    }

    /** Adds a cable (replacing one of the same id); sends the batch when it is full. */
    void add(PublicCable cable) throws IOException {
        batch.append("{\"index\":{\"_id\":").append(OpenSearchClient.JSON.writeValueAsString(cable.id())).append("}}\n");
        batch.append(OpenSearchSchema.toDocument(cable).toString()).append('\n');
        batchDocs++;
        if (batch.length() >= MAX_BYTES) {
            flush();
        }
    }

    /** Sends what is batched. */
    void flush() throws IOException {
        if (batchDocs == 0) {
            return;
        }
        JsonNode answer = client.bulk("/" + index + "/_bulk", batch.toString());
        if (answer.path("errors").asBoolean()) {
            List<String> refused = new ArrayList<>();
            for (JsonNode item : answer.path("items")) {
                JsonNode result = item.path("index");
                if (result.has("error")) {
                    refused.add(result.path("_id").asText() + ": " + result.path("error").path("reason").asText());
                }
                if (refused.size() == 3) {
                    break;
                }
            }
            throw new OpenSearchException(400, "bulk", "the cluster refused cables of a bulk request to " + index
                    + ", e.g. " + refused);
        }
        sent += batchDocs;
        batch.setLength(0);
        batchDocs = 0;
    }

    /** Cables sent and accepted so far. */
    long sent() {
        return sent;
    }
}
