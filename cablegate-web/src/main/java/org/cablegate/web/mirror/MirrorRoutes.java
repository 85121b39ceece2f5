package org.cablegate.web.mirror;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * What the server publishes for mirrors: the publisher's public key at {@code /publisher-key.txt} (what
 * {@code verify --key} reads), and, when the server is given an export directory, that export's files under
 * {@code /export/} (its MANIFEST first), so that {@code cablegate mirror} can follow the server itself.
 */
public final class MirrorRoutes {
    /** The key line ({@code keys show}), and the export directory the server hands out, each if there is one. */
    public record Published(Optional<String> publisherKey, Optional<Path> exportDir) {
        public static Published none() {
            return new Published(Optional.empty(), Optional.empty());
        }
    }

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
