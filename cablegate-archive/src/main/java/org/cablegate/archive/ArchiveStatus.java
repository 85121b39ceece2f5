package org.cablegate.archive;

import java.io.IOException;
import java.text.NumberFormat;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import org.cablegate.archive.index.PublicArchive;
import org.cablegate.archive.vault.ReleaseRecord;
import org.cablegate.archive.vault.Vault;
import org.cablegate.archive.vault.VaultStatus;

/**
 * Where publishing stands: what {@code cablegate status} prints.
 *
 * @param vault       what the vault holds
 * @param released    cables in the public archive (what readers can see)
 * @param lastRelease the public archive's last release according to the vault's log
 */
public record ArchiveStatus(VaultStatus vault, long released, Optional<ReleaseRecord> lastRelease) {
    public ArchiveStatus {
        Objects.requireNonNull(vault, "vault");
        Objects.requireNonNull(lastRelease, "lastRelease");
    }

    public static ArchiveStatus read(Vault vault, PublicArchive archive) throws IOException {
        VaultStatus v = vault.status();
        return new ArchiveStatus(v, archive.count(), v.lastRelease());
    }

    /** The denominator: every cable of the whole set, imported or only known by id. */
    public long total() {
        return vault.total();
    }

    /** {@code released 6,712 / 251,287}, as the original site's counter put it. */
    public String releasedLine() {
        NumberFormat n = NumberFormat.getIntegerInstance(Locale.US);
        return "released " + n.format(released) + " / " + n.format(total());
    }
}
