package org.cablegate.opensearch.testing;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.UserPrincipal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * One OpenSearch node, a process of its own with its own directories ({@code config}, {@code data}, {@code logs},
 * {@code tmp}) and loopback ports. Started by {@link LocalCluster}.
 */
public final class Node {
    /**
     * Small heap and no GC log: a test node holds a few thousand cables, and two of them share two cores with the
     * build. The security manager line is the distribution's own (its thread factory must be set that way).
     */
    private static final String JVM_OPTIONS = """
            -Xms512m
            -Xmx512m
            -XX:+UseSerialGC
            -Xlog:disable
            -Xlog:all=warning:stderr
            -Djava.io.tmpdir=${OPENSEARCH_TMPDIR}
            -Djava.util.concurrent.ForkJoinPool.common.threadFactory=org.opensearch.secure_sm.SecuredForkJoinWorkerThreadFactory
            18-:-Djava.security.manager=allow
            """;

    private final String name;
    private final Path home;
    private final Path dir;
    private final int httpPort;
    private final List<String> settings;
    private final Optional<UserPrincipal> user;
    private Process process;

    Node(String name, Path home, Path dir, int httpPort, List<String> settings, Optional<UserPrincipal> user) {
        this.name = name;
        this.home = home;
        this.dir = dir;
        this.httpPort = httpPort;
        this.settings = List.copyOf(settings);
        this.user = user;
    }

    public String name() {
        return name;
    }

    /** The node's HTTP address, {@code http://127.0.0.1:PORT}. */
    public URI uri() {
        return URI.create("http://127.0.0.1:" + httpPort);
    }

    /** Starts the process; {@link LocalCluster} waits for it to join. Data kept from an earlier start is reused. */
    void start() throws IOException {
        Path config = dir.resolve("config");
        Files.createDirectories(config);
        for (String file : List.of("log4j2.properties", "opensearch.yml")) {
            Files.copy(home.resolve("config").resolve(file), config.resolve(file), StandardCopyOption.REPLACE_EXISTING);
        }
        Files.writeString(config.resolve("jvm.options"), JVM_OPTIONS);
        for (String sub : List.of("data", "logs", "tmp")) {
            Files.createDirectories(dir.resolve(sub));
        }
        Nodes.own(dir, user);
        List<String> command = new ArrayList<>();
        command.add(home.resolve("bin/opensearch").toString());
        command.add("-Enode.name=" + name);
        command.add("-Epath.data=" + dir.resolve("data"));
        command.add("-Epath.logs=" + dir.resolve("logs"));
        command.add("-Enetwork.host=127.0.0.1");
        command.add("-Ehttp.port=" + httpPort);
        // A nearly full disk of a developer's machine must not stop shards from being allocated.
        command.add("-Ecluster.routing.allocation.disk.threshold_enabled=false");
        for (String s : settings) {
            command.add("-E" + s);
        }
        ProcessBuilder builder = new ProcessBuilder(Nodes.command(user, command)).directory(dir.toFile())
                .redirectErrorStream(true).redirectOutput(dir.resolve("out.log").toFile());
        Map<String, String> env = builder.environment();
        env.put("OPENSEARCH_PATH_CONF", config.toString());
        env.put("OPENSEARCH_TMPDIR", dir.resolve("tmp").toString());
        env.put("OPENSEARCH_JAVA_HOME", System.getProperty("java.home"));
        env.remove("OPENSEARCH_JAVA_OPTS");
        env.remove("JAVA_TOOL_OPTIONS");
        process = builder.start();
    }

    public boolean alive() {
        return process != null && process.isAlive();
    }

    /** Kills the node's JVM at once ({@code kill -9}): no flush, no goodbye to the cluster. */
    public void kill() throws InterruptedException {
        end(true);
    }

    /** Stops the node as its operator would (SIGTERM), and waits for it to end. */
    public void stop() throws InterruptedException {
        end(false);
    }

    private void end(boolean forcibly) throws InterruptedException {
        if (process == null) {
            return;
        }
        // The JVM is a child of the launch script's runuser (or is the script itself, which execs it).
        List<ProcessHandle> all = new ArrayList<>(process.descendants().toList());
        all.add(process.toHandle());
        for (ProcessHandle p : all) {
            if (forcibly) {
                p.destroyForcibly();
            } else {
                p.destroy();
            }
        }
        for (ProcessHandle p : all) {
            try {
                p.onExit().get(60, TimeUnit.SECONDS);
            } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
                p.destroyForcibly();
            }
        }
        process = null;
    }

    /** The end of the node's output, for a failure message. */
    String logTail() {
        try {
            List<String> lines = Files.readAllLines(dir.resolve("out.log"), StandardCharsets.UTF_8);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 30), lines.size()));
        } catch (IOException e) {
            return "(no output: " + e.getMessage() + ")";
        }
    }
}
