package org.cablegate.opensearch.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.UserPrincipal;
import java.nio.file.attribute.UserPrincipalNotFoundException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/** What starting a node needs of this machine: a user that is not root, free loopback ports, directories. */
final class Nodes {
    /**
     * OpenSearch refuses to run as root. A test run by root (CI, a container) starts nodes as this user, which
     * {@code .ci/run} creates; a test run by anyone else starts them as itself.
     */
    static final String USER = "opensearch";

    private Nodes() {}

    /** The user to run nodes as, when it must differ from the test's own: empty when the test is not root. */
    static Optional<UserPrincipal> runAs() {
        if (!"root".equals(System.getProperty("user.name"))) {
            return Optional.empty();
        }
        try {
            return Optional.of(FileSystems.getDefault().getUserPrincipalLookupService().lookupPrincipalByName(USER));
        } catch (UserPrincipalNotFoundException e) {
            return Distribution.missing("user '" + USER + "' to run OpenSearch as (it refuses root); create it as "
                    + ".ci/run does: useradd --system --no-create-home --shell /usr/sbin/nologin " + USER);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The command line that runs {@code command} as the node user. */
    static List<String> command(Optional<UserPrincipal> user, List<String> command) {
        List<String> all = new ArrayList<>();
        user.ifPresent(u -> all.addAll(List.of("runuser", "-u", u.getName(), "--")));
        all.addAll(command);
        return all;
    }

    /** Gives a directory tree to the node user, so that the node can write its data, logs and keystore. */
    static void own(Path dir, Optional<UserPrincipal> user) throws IOException {
        if (user.isEmpty()) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path p : (Iterable<Path>) paths::iterator) {
                Files.setOwner(p, user.get());
            }
        }
    }

    /** A loopback port free right now (a node started right after takes it). */
    static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path p : (Iterable<Path>) paths.sorted(Comparator.reverseOrder())::iterator) {
                Files.deleteIfExists(p);
            }
        }
    }
}
