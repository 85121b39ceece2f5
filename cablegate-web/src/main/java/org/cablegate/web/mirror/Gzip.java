package org.cablegate.web.mirror;

import java.io.ByteArrayOutputStream;
import java.util.zip.CRC32;
import java.util.zip.Deflater;

/**
 * The {@code .gz} beside each file, with one Deflater per thread: a {@code GZIPOutputStream} per file allocated and
 * freed a native deflate state (~260 KB) for each of the export's ~900,000 compressed files. The header carries no
 * time, no name and "unknown" for the system, so the same bytes give the same {@code .gz} on every machine and JDK.
 */
final class Gzip {
    private static final byte[] HEADER = {0x1f, (byte) 0x8b, Deflater.DEFLATED, 0, 0, 0, 0, 0, 0, (byte) 0xff};
    private static final ThreadLocal<Deflater> DEFLATER =
            ThreadLocal.withInitial(() -> new Deflater(Deflater.DEFAULT_COMPRESSION, true));
    private static final ThreadLocal<byte[]> BUFFER = ThreadLocal.withInitial(() -> new byte[1 << 16]);

    private Gzip() {}

    static byte[] of(byte[] body) {
        Deflater d = DEFLATER.get();
        byte[] buf = BUFFER.get();
        d.reset();
        d.setInput(body);
        d.finish();
        ByteArrayOutputStream out = new ByteArrayOutputStream(body.length / 3 + 64);
        out.write(HEADER, 0, HEADER.length);
        while (!d.finished()) {
            int n = d.deflate(buf);
            out.write(buf, 0, n);
        }
        CRC32 crc = new CRC32();
        crc.update(body);
        int c = (int) crc.getValue();
        int size = body.length;
        out.write(new byte[] {(byte) c, (byte) (c >> 8), (byte) (c >> 16), (byte) (c >> 24),
                (byte) size, (byte) (size >> 8), (byte) (size >> 16), (byte) (size >> 24)}, 0, 8);
        return out.toByteArray();
    }
}
