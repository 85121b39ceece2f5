package org.cablegate.core.redact;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.cablegate.core.model.SourceCable;
import org.cablegate.core.read.CableSink;
import org.cablegate.core.read.Rejection;
import org.cablegate.core.read.Sources;
import org.cablegate.sample.BundledSample;

/**
 * The bundled sample of 186 real cables, read once per test JVM through the project's readers: as the 2010–11 site
 * showed them (with {@code XXXXXXXXXXXX} where names were removed) and as the 2011 {@code cables.csv} has them.
 */
final class SampleCables {
    private static Map<String, SourceCable> site;
    private static Map<String, SourceCable> csv;

    private SampleCables() {}

    static synchronized Map<String, SourceCable> site() {
        if (site == null) {
            site = read(BundledSample.SITE_PAGES.path());
        }
        return site;
    }

    static synchronized Map<String, SourceCable> csv() {
        if (csv == null) {
            csv = read(BundledSample.CABLES_CSV.path());
        }
        return csv;
    }

    static SourceCable site(String id) {
        SourceCable cable = site().get(id);
        if (cable == null) {
            throw new IllegalArgumentException(id + " is not in the bundled sample");
        }
        return cable;
    }

    static SourceCable csv(String id) {
        SourceCable cable = csv().get(id);
        if (cable == null) {
            throw new IllegalArgumentException(id + " is not in the bundled sample's cables.csv");
        }
        return cable;
    }

    static Map<String, SourceCable> read(Path path) {
        Map<String, SourceCable> out = new LinkedHashMap<>();
        List<Rejection> rejected = new ArrayList<>();
        try {
            Sources.read(path, new CableSink() {
                @Override
                public void accept(SourceCable cable) {
                    out.put(cable.id(), cable);
                }

                @Override
                public void reject(Rejection rejection) {
                    rejected.add(rejection);
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (!rejected.isEmpty()) {
            throw new IllegalStateException(path + " had rejections: " + rejected);
        }
        return out;
    }
}
