package org.cablegate.archive.vault;

import java.time.LocalDateTime;
import java.util.List;
import java.util.Objects;
import org.cablegate.archive.index.PublicVersion;

/**
 * One public change of a cable as the release log records it: the vault's side of a {@link PublicVersion}, whose
 * public texts the releaser builds from it.
 *
 * @param release      the release that made it
 * @param time         its time in public
 * @param kind         what changed
 * @param version      the vault version that was public after it (the one withdrawn, for a withdrawal)
 * @param redactionIds the redactions its public text had
 */
public record PublicChange(long release, LocalDateTime time, PublicVersion.Kind kind, int version, List<Long> redactionIds) {
    public PublicChange {
        Objects.requireNonNull(time, "time");
        Objects.requireNonNull(kind, "kind");
        redactionIds = List.copyOf(redactionIds);
    }
}
