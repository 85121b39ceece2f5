package org.cablegate.web.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import org.junit.jupiter.api.Test;

class PageCacheTest {
    private static final String LAST_MODIFIED = "Mon, 11 Apr 2011 12:00:00 GMT";
    private static final ReleaseStamp APRIL = new ReleaseStamp(3, LAST_MODIFIED);

    private static CachedPage page(int bytes, long seed) {
        byte[] body = new byte[bytes];
        new Random(seed).nextBytes(body); // random bytes do not compress: the weight is about twice the size
        return CachedPage.of(Page.html(200, body).stamped(APRIL));
    }

    @Test
    void staysWithinItsBudgetOfBytes() {
        PageCache cache = new PageCache(1_000_000);
        cache.clear(1);
        for (int i = 0; i < 100; i++) {
            cache.put(1, "/p" + i, page(20_000, i));
        }
        assertThat(cache.bytes()).isLessThanOrEqualTo(1_000_000).isGreaterThan(800_000);
        assertThat(cache.get("/p99")).as("the page just stored stays").isNotNull();
    }

    @Test
    void aPageRenderedForAnOlderReleaseIsNotKept() {
        PageCache cache = new PageCache(1_000_000);
        cache.clear(1);
        cache.put(1, "/a", page(100, 1));
        cache.clear(2);

        cache.put(1, "/b", page(100, 2));

        assertThat(cache.get("/a")).isNull();
        assertThat(cache.get("/b")).isNull();
        assertThat(cache.size()).isZero();
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
        assertThat(a.notModified(a.plain().etag(), null)).isTrue();
        assertThat(a.notModified("W/" + a.gzip().etag(), null)).isTrue();
        assertThat(a.notModified("\"other\", " + a.plain().etag(), null)).isTrue();
        assertThat(a.notModified("\"other\"", LAST_MODIFIED)).as("If-None-Match wins over If-Modified-Since").isFalse();
        assertThat(CachedPage.of(Page.html(404, new byte[1]).stamped(APRIL)).notModified("*", null)).isFalse();
    }

    @Test
    void ifModifiedSinceIsADateComparedWithThePublicationOfTheRelease() {
        CachedPage a = page(100, 1);
        assertThat(a.notModified(null, LAST_MODIFIED)).isTrue();
        assertThat(a.notModified(null, "Mon, 11 Apr 2011 12:00:01 GMT")).as("a later date").isTrue();
        assertThat(a.notModified(null, "Mon, 11 Apr 2011 11:59:59 GMT")).as("an earlier date").isFalse();
        assertThat(a.notModified(null, "yesterday")).as("not a date: ignored").isFalse();
        assertThat(a.notModified(null, null)).isFalse();
    }

    @Test
    void everyRepresentationAndEvery304SaysItsRelease() {
        CachedPage a = page(100, 1);
        for (CachedPage.Variant v : java.util.List.of(a.plain(), a.gzip())) {
            assertThat(v.headers()).anySatisfy(f -> assertThat(f.toString()).isEqualTo("X-Cablegate-Release: 3"));
            assertThat(v.notModifiedHeaders())
                    .anySatisfy(f -> assertThat(f.toString()).isEqualTo("X-Cablegate-Release: 3"));
        }
    }

    @Test
    void aDataAnswerKeepsItsRoutesWeakTagForBothRepresentations() {
        Page json = new Page(200, "application/json; charset=utf-8", "{}\n".getBytes(), java.util.Optional.empty())
                .stamped(APRIL);
        CachedPage d = CachedPage.ofData(json, "W/\"3-abc\"", "public, max-age=300");
        assertThat(d.plain().etag()).isEqualTo("W/\"3-abc\"").isEqualTo(d.gzip().etag());
        assertThat(d.notModified("\"3-abc\"", null)).isTrue();
        assertThat(d.notModified("W/\"3-abc\"", null)).isTrue();
        assertThat(d.plain().headers()).noneSatisfy(f -> assertThat(f.getName()).isEqualTo("Content-Security-Policy"));
    }

    @Test
    void aPageThatDoesNotSayItsReleaseIsNotSent() {
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> CachedPage.of(Page.html(200, new byte[1])))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
