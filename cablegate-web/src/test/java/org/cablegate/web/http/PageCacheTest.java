package org.cablegate.web.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import org.junit.jupiter.api.Test;

class PageCacheTest {
    private static CachedPage page(int bytes, long seed) {
        byte[] body = new byte[bytes];
        new Random(seed).nextBytes(body); // random bytes do not compress: the weight is about twice the size
        return CachedPage.of(Page.html(200, body), "Mon, 11 Apr 2011 12:00:00 GMT");
    }

    @Test
    void staysWithinItsBudgetOfBytes() {
        PageCache cache = new PageCache(1_000_000);
        cache.clear(1, "x");
        for (int i = 0; i < 100; i++) {
            cache.put(1, "/p" + i, page(20_000, i));
        }
        assertThat(cache.bytes()).isLessThanOrEqualTo(1_000_000).isGreaterThan(800_000);
        assertThat(cache.get("/p99")).as("the page just stored stays").isNotNull();
    }

    @Test
    void aPageRenderedForAnOlderReleaseIsNotKept() {
        PageCache cache = new PageCache(1_000_000);
        cache.clear(1, "x");
        cache.put(1, "/a", page(100, 1));
        cache.clear(2, "y");

        cache.put(1, "/b", page(100, 2));

        assertThat(cache.get("/a")).isNull();
        assertThat(cache.get("/b")).isNull();
        assertThat(cache.size()).isZero();
        assertThat(cache.lastModified()).isEqualTo("y");
    }

    @Test
    void gzipIsSentOnlyWhereAccepted() {
        assertThat(CachedPage.acceptsGzip("gzip, deflate, br")).isTrue();
        assertThat(CachedPage.acceptsGzip("br;q=1.0, gzip;q=0.8")).isTrue();
        assertThat(CachedPage.acceptsGzip("*")).isTrue();
        assertThat(CachedPage.acceptsGzip("gzip;q=0")).isFalse();
        assertThat(CachedPage.acceptsGzip("identity, gzip; q=0.000")).isFalse();
        assertThat(CachedPage.acceptsGzip("deflate")).isFalse();
        assertThat(CachedPage.acceptsGzip(null)).isFalse();
    }

    @Test
    void theEntityTagNamesTheBytesAndEitherRepresentationIsNotModified() {
        CachedPage a = page(100, 1);
        assertThat(a.plain().etag()).isEqualTo(page(100, 1).plain().etag()).isNotEqualTo(page(100, 2).plain().etag());
        assertThat(a.notModified(a.plain().etag(), null, "x")).isTrue();
        assertThat(a.notModified("W/" + a.gzip().etag(), null, "x")).isTrue();
        assertThat(a.notModified("\"other\", " + a.plain().etag(), null, "x")).isTrue();
        assertThat(a.notModified("\"other\"", "x", "x")).as("If-None-Match wins over If-Modified-Since").isFalse();
        assertThat(a.notModified(null, "x", "x")).isTrue();
        assertThat(CachedPage.of(Page.html(404, new byte[1]), "x").notModified("*", null, "x")).isFalse();
    }
}
