package org.cablegate.archive.vault;

import java.time.LocalDateTime;
import java.util.List;
import org.cablegate.core.model.SourceCable;

/**
 * A source record after parsing on a worker thread: what the writer stores, computed off its thread, and the places
 * outside the station table its REF lines cite, for the import's report.
 */
record ParsedCable(
        SourceCable source,
        String canonicalId,
        LocalDateTime created,
        String classification,
        String origin,
        String subject,
        List<String> tags,
        String from,
        List<String> to,
        List<String> cites,
        String parsedJson,
        byte[] hash,
        List<String> unknownStations) {}
