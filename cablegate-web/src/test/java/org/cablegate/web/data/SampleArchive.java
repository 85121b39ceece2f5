package org.cablegate.web.data;

import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import org.cablegate.archive.release.ReleaseListener;
import org.cablegate.archive.release.ReleaseRequest;
import org.cablegate.archive.release.Releaser;
import org.cablegate.archive.vault.ImportListener;
import org.cablegate.archive.vault.Importer;
import org.cablegate.archive.vault.Selection;
import org.cablegate.archive.vault.Vault;
import org.cablegate.core.model.SourceCable;
import org.cablegate.core.read.CableSink;
import org.cablegate.core.read.Rejection;
import org.cablegate.core.read.Sources;
import org.cablegate.sample.BundledSample;

/**
 * A data directory made the way the publisher makes one: the 186 real cables of the bundled sample imported into a
 * vault, then two releases — Embassy London's 16 cables on 2010-11-28, then every other cable but Embassy Tripoli's
 * on 2010-12-05. Tripoli's 10 cables stay in the vault unreleased: nothing public may show them.
 */
final class SampleArchive {
    static final LocalDateTime FIRST = LocalDateTime.parse("2010-11-28T18:00");
    static final LocalDateTime SECOND = LocalDateTime.parse("2010-12-05T09:30");
    static final String HELD_BACK = "Embassy Tripoli";
    static final int SAMPLE_SIZE = 186;
    static final int RELEASED = 176;

    private SampleArchive() {}

    /** The sample as the reader finds it, in file order. */
    static List<SourceCable> cables(Path dir) throws IOException {
        List<SourceCable> cables = new ArrayList<>();
        Sources.read(BundledSample.CABLES_CSV.path(), new CableSink() {
            @Override
            public void accept(SourceCable cable) {
                cables.add(cable);
            }

            @Override
            public void reject(Rejection rejection) {
                throw new AssertionError("the sample reads whole: " + rejection);
            }
        });
        return cables;
    }

    static List<SourceCable> heldBack(Path dir) throws IOException {
        return cables(dir).stream().filter(c -> c.origin().equals(HELD_BACK)).toList();
    }

    static List<SourceCable> released(Path dir) throws IOException {
        return cables(dir).stream().filter(c -> !c.origin().equals(HELD_BACK)).toList();
    }

    /** Builds the data directory under {@code dir} and returns it. */
    static Path build(Path dir) throws IOException {
        Path data = dir.resolve("data");
        try (Vault vault = Vault.open(data)) {
            new Importer(vault).run(List.of(BundledSample.CABLES_CSV.path()), ImportListener.NONE);
            try (Releaser releaser = Releaser.open(vault)) {
                releaser.release(ReleaseRequest.of("London", Selection.all().withOrigin("Embassy London")).at(FIRST),
                        ReleaseListener.NONE);
                List<String> rest = released(dir).stream().map(SourceCable::id).toList();
                releaser.release(ReleaseRequest.of("all but Tripoli", Selection.all().withIds(rest)).at(SECOND),
                        ReleaseListener.NONE);
            }
        }
        return data;
    }
}
