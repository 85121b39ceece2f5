package org.cablegate.core.read;

import java.util.ArrayList;
import java.util.List;
import org.cablegate.core.model.SourceCable;

/** Keeps what a reader delivered, in order, for assertions. */
final class CollectingSink implements CableSink {
    final List<SourceCable> cables = new ArrayList<>();
    final List<Rejection> rejections = new ArrayList<>();
    final List<long[]> progress = new ArrayList<>();

    @Override
    public void accept(SourceCable cable) {
        cables.add(cable);
    }

    @Override
    public void reject(Rejection rejection) {
        rejections.add(rejection);
    }

    @Override
    public void progress(long bytesRead, long total) {
        progress.add(new long[] {bytesRead, total});
    }

    List<String> ids() {
        return cables.stream().map(SourceCable::id).toList();
    }
}
