package org.cablegate.web.data;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.cablegate.archive.index.PublicArchive;
import org.cablegate.archive.release.Releaser;
import org.cablegate.core.model.Cable;
import org.cablegate.core.model.SourceCable;
import org.cablegate.core.parse.CableParser;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;
import org.cablegate.web.url.Slugs;

/**
 * The sample archive (see {@link SampleArchive}) built once per test class, and a server of its own for each test.
 * Expected values are computed from the sample's source text, not from the archive under test.
 */
abstract class ServedSample {
    static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    static Path dir;

    static PublicArchive archive;
    /** Released cables of the sample, by id, parsed as the import parsed them. */
    static Map<String, Cable> released;
    /** The held-back ones. */
    static Map<String, Cable> heldBack;

    TestServer server;

    @BeforeAll
    static void buildArchive() throws IOException {
        Path data = SampleArchive.build(dir);
        archive = PublicArchive.open(Releaser.publicDir(data));
        CableParser parser = new CableParser();
        released = SampleArchive.released(dir).stream().collect(Collectors.toMap(SourceCable::id, parser::parse));
        heldBack = SampleArchive.heldBack(dir).stream().collect(Collectors.toMap(SourceCable::id, parser::parse));
    }

    @AfterAll
    static void closeArchive() throws IOException {
        archive.close();
    }

    @BeforeEach
    void startServer() {
        server = new TestServer(archive);
    }

    @AfterEach
    void stopServer() {
        server.close();
    }

    /** The origin's number by the original site's rule: released origins in descending order, from 1. */
    /** The path name the site gives an origin (the 2011 site's number where it had one). */
    static String originSlug(String origin) {
        Set<String> origins = new TreeSet<>(released.values().stream().map(Cable::origin).toList());
        if (!origins.contains(origin)) {
            throw new IllegalArgumentException("no released cable from " + origin);
        }
        return Slugs.origins(origins).slug(origin);
    }

    static String cableUrl(Cable c) {
        return TestServer.SITE + c.sitePath();
    }

    JsonNode json(String pathAndQuery) throws Exception {
        HttpResponse<String> r = server.get(pathAndQuery);
        if (r.statusCode() != 200) {
            throw new AssertionError(pathAndQuery + " answered " + r.statusCode() + ": " + r.body());
        }
        return JSON.readTree(r.body());
    }
}
