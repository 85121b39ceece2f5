package org.cablegate.core.parse;

import java.util.List;
import java.util.Optional;
import org.cablegate.core.model.Cable;
import org.cablegate.core.model.Header;
import org.cablegate.core.model.SourceCable;

/**
 * Turns a {@link SourceCable} into a {@link Cable}. Never throws on text: what it cannot read becomes a ParseIssue.
 * Thread-safe: one instance may parse on many threads.
 */
public final class CableParser {

    public Cable parse(SourceCable source) {
        // PLACEHOLDER while the real parser is being written: metadata only.
        return new Cable(source.id(), source.id(), source.created(), source.released(), source.classification(),
                source.origin(), false, Header.EMPTY, List.of(), List.of(), "", List.of(), Optional.empty(), "",
                List.of(), List.of(), "", "", "", source.header(), source.body(), List.of());
    }
}
