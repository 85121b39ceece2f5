package org.cablegate.web.mirror;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * What the server publishes for mirrors: the publisher's public key at {@code /publisher-key.txt} (what
 * {@code verify --key} reads), and, when the server is given an export directory, that export's files under
 * {@code /export/} (its MANIFEST first), so that {@code cablegate mirror} can follow the server itself.
 *
 * <p>Given a directory of deltas ({@code export --since N --delta-to DIR/NAME.tar.gz}), the server publishes them under
 * {@code /mirror/deltas/}: {@code /mirror/deltas/index.txt} lists one delta a line, {@code BASE-SHA256 RELEASE NAME}
 * (the manifest it applies to, the release it makes, its file name), read from the deltas themselves at each request,
 * so that a delta written into the directory is published at once and the index needs no upkeep; a mirror whose
 * manifest is a line's base fetches {@code /mirror/deltas/NAME} instead of every changed file.
 */
public final class MirrorRoutes {
    /** The key line ({@code keys show}), and the export directory the server hands out, each if there is one. */
    public record Published(Optional<String> publisherKey, Optional<Path> exportDir, Optional<Path> deltaDir) {
        public Published(Optional<String> publisherKey, Optional<Path> exportDir) {
            this(publisherKey, exportDir, Optional.empty());
        }

        public static Published none() {
            return new Published(Optional.empty(), Optional.empty());
        }
    }

    /** Where the deltas are published, and their index. */
    static final String DELTAS = "mirror/deltas/";
    static final String INDEX = "index.txt";

    private MirrorRoutes() {}

    public static void register(RoutesConfig routes, Published published) {
        published.publisherKey().ifPresent(key -> {
            byte[] body = (key + "\n").getBytes(StandardCharsets.UTF_8);
            routes.get("/publisher-key.txt", ctx -> {
                ctx.header("Cache-Control", "public, max-age=300");
                ctx.contentType("text/plain; charset=utf-8");
                ctx.result(body);
            });
        });
        published.exportDir().ifPresent(dir -> routes.get("/export/<path>", ctx -> exportFile(ctx, dir)));
        published.deltaDir().ifPresent(dir -> {
            routes.get("/" + DELTAS + INDEX, ctx -> {
                ctx.header("Cache-Control", "no-cache");
                ctx.contentType("text/plain; charset=utf-8");
                ctx.result(deltaIndex(dir).getBytes(StandardCharsets.UTF_8));
            });
            routes.get("/" + DELTAS + "{name}", ctx -> deltaFile(ctx, dir));
        });
    }

    /** The index of a directory of deltas: files that are not whole deltas (one being written) are left out. */
    static String deltaIndex(Path dir) throws IOException {
        StringBuilder sb = new StringBuilder();
        if (!Files.isDirectory(dir)) {
            return "";
        }
        List<Path> files;
        try (Stream<Path> s = Files.list(dir)) {
            files = s.filter(p -> DELTA_NAME.matcher(p.getFileName().toString()).matches()).sorted().toList();
        }
        for (Path f : files) {
            try {
                Delta.Header h = Delta.header(f);
                sb.append(h.base()).append(' ').append(h.release()).append(' ').append(f.getFileName()).append('\n');
            } catch (IOException e) {
                // Not a delta (or not yet a whole one): mirrors fall back to files for it.
            }
        }
        return sb.toString();
    }

    /** A delta's file name: what the index may name, and all the route serves. */
    static final Pattern DELTA_NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]*\\.tar\\.gz");

    private static void deltaFile(Context ctx, Path dir) throws IOException {
        String name = ctx.pathParam("name");
        Path file = dir.resolve(name);
        if (!DELTA_NAME.matcher(name).matches() || !Files.isRegularFile(file)) {
            ctx.status(404).result("no such delta\n");
            return;
        }
        ctx.header("Cache-Control", "public, max-age=300");
        ctx.contentType("application/gzip");
        ctx.result(Files.newInputStream(file));
    }

    /** A file of the export as it is on disk now (the directory switches atomically between releases). */
    private static void exportFile(Context ctx, Path dir) throws IOException {
        String path = ctx.pathParam("path");
        Path file;
        try {
            file = Trees.resolve(dir, path);
        } catch (IOException e) {
            ctx.status(404).result("not in the export\n");
            return;
        }
        if (!Files.isRegularFile(file)) {
            ctx.status(404).result("not in the export\n");
            return;
        }
        ctx.header("Cache-Control", "no-cache");
        ctx.contentType("application/octet-stream");
        ctx.result(Files.readAllBytes(file));
    }
}
