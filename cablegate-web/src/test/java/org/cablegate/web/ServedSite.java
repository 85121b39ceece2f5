package org.cablegate.web;

import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;

/** The sample site ({@link TestSite}) served once per test class, for classes that only read it. */
abstract class ServedSite {
    @TempDir
    static Path dir;
    static TestSite site;

    @BeforeAll
    static void start() throws Exception {
        site = TestSite.start(dir, Duration.ofMinutes(10));
    }

    @AfterAll
    static void stop() throws Exception {
        site.close();
    }
}
