package org.cablegate.web.mirror;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.TreeMap;
import java.util.UUID;
import java.util.stream.Stream;

/**
 * How an export directory changes: a new tree is built beside it ({@code .NAME.build-…} in the same parent) and
 * switched into place by renaming a symbolic link over {@code NAME}, which is atomic. A reader (nginx, a verifier)
 * sees the old tree or the new one, never a mix; a {@code kill -9} before the switch leaves the old tree whole and
 * a half-built one that the next run deletes.
 */
final class Trees {
    private Trees() {}

    /** A fresh, empty directory beside {@code target} to build the next tree in. */
    static Path newBuild(Path target, String purpose) throws IOException {
        Path parent = parentOf(target);
        Files.createDirectories(parent);
        recover(target);
        removeStale(target);
        Path build = parent.resolve("." + target.getFileName() + ".build-" + purpose + "-" + UUID.randomUUID());
        Files.createDirectory(build);
        return build;
    }

    /** Where a staging area that must survive a kill (a resumable download) lives: beside the target. */
    static Path staging(Path target, String name) throws IOException {
        Path dir = parentOf(target).resolve("." + target.getFileName() + ".staging-" + name);
        Files.createDirectories(dir);
        return dir;
    }

    static Path parentOf(Path target) {
        Path abs = target.toAbsolutePath().normalize();
        return abs.getParent();
    }

    /**
     * Makes {@code built} the tree at {@code target}. The first time, a real directory at the target (made by hand or
     * by an older version) is moved aside, then the link replaces it; a kill between the two is repaired by
     * {@link #recover}.
     */
    static void install(Path built, Path target) throws IOException {
        Path abs = target.toAbsolutePath().normalize();
        Path parent = abs.getParent();
        String name = abs.getFileName().toString();
        Path old = null;
        if (Files.isSymbolicLink(abs)) {
            old = parent.resolve(Files.readSymbolicLink(abs));
        } else if (Files.isDirectory(abs)) {
            Path aside = parent.resolve("." + name + ".previous");
            deleteTree(aside);
            Files.move(abs, aside, StandardCopyOption.ATOMIC_MOVE);
            old = aside;
        } else if (Files.exists(abs)) {
            throw new IOException(abs + " exists and is not a directory");
        }
        Path link = parent.resolve("." + name + ".link-" + UUID.randomUUID());
        Files.createSymbolicLink(link, built.getFileName());
        Files.move(link, abs, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        if (old != null && !old.getFileName().equals(built.getFileName())) {
            deleteTree(old);
        }
    }

    /** After a kill between moving a real directory aside and linking: puts it back. */
    static void recover(Path target) throws IOException {
        Path abs = target.toAbsolutePath().normalize();
        Path aside = abs.getParent().resolve("." + abs.getFileName() + ".previous");
        if (!Files.exists(abs, LinkOption.NOFOLLOW_LINKS) && Files.isDirectory(aside)) {
            Files.move(aside, abs, StandardCopyOption.ATOMIC_MOVE);
        }
    }

    /** Deletes half-built trees and stray links of earlier runs that were killed; staging areas stay. */
    static void removeStale(Path target) throws IOException {
        Path abs = target.toAbsolutePath().normalize();
        String name = abs.getFileName().toString();
        Path current = Files.isSymbolicLink(abs) ? abs.getParent().resolve(Files.readSymbolicLink(abs)).normalize() : null;
        try (DirectoryStream<Path> siblings = Files.newDirectoryStream(abs.getParent(), "." + name + ".*")) {
            for (Path p : siblings) {
                String n = p.getFileName().toString();
                boolean stale = n.startsWith("." + name + ".build-") || n.startsWith("." + name + ".link-");
                if (stale && !p.normalize().equals(current)) {
                    deleteTree(p);
                }
            }
        }
    }

    static void deleteTree(Path root) throws IOException {
        if (!Files.exists(root, LinkOption.NOFOLLOW_LINKS)) {
            return;
        }
        if (!Files.isDirectory(root, LinkOption.NOFOLLOW_LINKS)) {
            Files.delete(root);
            return;
        }
        Files.walkFileTree(root, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                Files.delete(file);
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult postVisitDirectory(Path dir, IOException e) throws IOException {
                Files.delete(dir);
                return FileVisitResult.CONTINUE;
            }
        });
    }

    /**
     * Every regular file under {@code root} (through a link at the root), and every symbolic link in it, as relative
     * {@code /} paths, sorted; from one walk whose attributes say what each entry is (no second look at the disk),
     * sorted on keys made once: verify lists the 2.1 million files of the full export.
     */
    static List<String> files(Path root) throws IOException {
        Path real;
        try {
            real = root.toRealPath();
        } catch (NoSuchFileException e) {
            return List.of();
        }
        List<String> out = new ArrayList<>();
        Files.walkFileTree(real, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
                if (attrs.isRegularFile() || attrs.isSymbolicLink()) {
                    out.add(relative(real, file));
                }
                return FileVisitResult.CONTINUE;
            }
        });
        TreeMap<String, String> byKey = new TreeMap<>();
        for (String path : out) {
            byKey.put(utf8Key(path), path);
        }
        return new ArrayList<>(byKey.values());
    }

    static String relative(Path root, Path p) {
        return root.relativize(p).toString().replace(p.getFileSystem().getSeparator(), "/");
    }

    /** Manifest order: by UTF-8 bytes, which is what {@code sort} with {@code LC_ALL=C} gives, whatever the locale. */
    static String utf8Key(String path) {
        return new String(path.getBytes(StandardCharsets.UTF_8), StandardCharsets.ISO_8859_1);
    }

    /** Gives every file and directory of the tree one time, so that the same release gives the same tree. */
    static void setTimes(Path root, FileTime time) throws IOException {
        List<Path> dirs = new ArrayList<>();
        try (Stream<Path> s = Files.walk(root)) {
            for (Path p : (Iterable<Path>) s::iterator) {
                if (Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS)) {
                    dirs.add(p);
                } else {
                    Files.setLastModifiedTime(p, time);
                }
            }
        }
        // Deepest first: setting a directory's time after its children keeps it.
        dirs.sort(Comparator.comparingInt(Path::getNameCount).reversed());
        for (Path d : dirs) {
            Files.setLastModifiedTime(d, time);
        }
    }

    /** Whether a manifest path is safe to write under a root: relative, no {@code ..}, no empty or odd segments. */
    static boolean safe(String path) {
        if (path.isEmpty() || path.startsWith("/") || path.endsWith("/") || path.indexOf('\0') >= 0
                || path.indexOf('\n') >= 0 || path.indexOf('\\') >= 0) {
            return false;
        }
        for (String seg : path.split("/", -1)) {
            if (seg.isEmpty() || seg.equals(".") || seg.equals("..")) {
                return false;
            }
        }
        return true;
    }

    static Path resolve(Path root, String path) throws IOException {
        if (!safe(path)) {
            throw new IOException("unsafe path in a manifest or delta: \"" + path + "\"");
        }
        return root.resolve(path.replace("/", root.getFileSystem().getSeparator()));
    }
}
