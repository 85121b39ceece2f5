package org.cablegate.archive.crash;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * A JVM running one of this package's main classes on the test class path, whose output lines can be waited for,
 * and which can be killed as kill -9 would ({@link Process#destroyForcibly()} sends SIGKILL on Unix).
 */
final class Child implements AutoCloseable {
    private static final String EXIT = "\u0000exit";

    private final Process process;
    private final BlockingQueue<String> lines = new LinkedBlockingQueue<>();
    private final List<String> output = new ArrayList<>();

    private Child(Process process) {
        this.process = process;
        Thread pump = new Thread(() -> {
            try (BufferedReader in = new BufferedReader(new InputStreamReader(process.getInputStream(),
                    StandardCharsets.UTF_8))) {
                for (String line = in.readLine(); line != null; line = in.readLine()) {
                    lines.add(line);
                }
            } catch (IOException e) {
                // The process was killed mid-line; what was read is what there is.
            }
            lines.add(EXIT);
        });
        pump.setDaemon(true);
        pump.start();
    }

    static Child start(Class<?> main, Object... args) throws IOException {
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx768m",
                "-cp", System.getProperty("java.class.path"), main.getName()));
        for (Object a : args) {
            command.add(a.toString());
        }
        return new Child(new ProcessBuilder(command).redirectErrorStream(true).start());
    }

    /** Waits for the next line starting with {@code prefix}; false if the process ended first. */
    boolean await(String prefix) throws InterruptedException {
        while (true) {
            String line = lines.poll(120, TimeUnit.SECONDS);
            if (line == null) {
                throw new IllegalStateException("no output for 2 minutes; so far: " + output);
            }
            if (line.equals(EXIT)) {
                lines.add(EXIT);
                return false;
            }
            output.add(line);
            if (line.startsWith(prefix)) {
                return true;
            }
        }
    }

    void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor();
    }

    /** Waits for a normal end; the exit code. */
    int finish() throws InterruptedException {
        while (await("\u0000never")) {
            // drain
        }
        return process.waitFor();
    }

    List<String> output() {
        return output;
    }

    @Override
    public void close() throws InterruptedException {
        if (process.isAlive()) {
            kill();
        }
    }
}
