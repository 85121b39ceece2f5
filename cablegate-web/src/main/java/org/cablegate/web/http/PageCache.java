package org.cablegate.web.http;

import java.util.Iterator;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Rendered pages by path, bounded by bytes, for one release of the archive: {@link #clear(long)} starts the next
 * release's generation, and a page rendered for an older one is never stored in a newer one.
 *
 * <p>Eviction is crude on purpose (whatever the map iterates first goes): the working set of a popular site is its
 * listing pages and a few thousand cables, far below the budget; the bound is there so that a crawler walking all
 * 251,287 cables cannot exhaust the heap.
 */
public final class PageCache {
    private final long budget;
    private final Map<String, CachedPage> pages = new ConcurrentHashMap<>();
    private final AtomicLong bytes = new AtomicLong();
    private volatile long generation;

    public PageCache(long budgetBytes) {
        this.budget = budgetBytes;
    }

    public CachedPage get(String path) {
        return pages.get(path);
    }

    public long generation() {
        return generation;
    }

    /** Stores a page rendered during {@code renderedIn}; dropped if the release changed meanwhile. */
    public void put(long renderedIn, String path, CachedPage page) {
        if (renderedIn != generation || page.weight() > budget / 4) {
            return;
        }
        CachedPage old = pages.put(path, page);
        bytes.addAndGet(page.weight() - (old == null ? 0 : old.weight()));
        if (generation != renderedIn) {
            pages.remove(path);
            return;
        }
        Iterator<Map.Entry<String, CachedPage>> it = pages.entrySet().iterator();
        while (bytes.get() > budget && it.hasNext()) {
            Map.Entry<String, CachedPage> e = it.next();
            if (!e.getKey().equals(path)) {
                it.remove();
                bytes.addAndGet(-e.getValue().weight());
            }
        }
    }

    /** Forgets every page: the archive moved to release {@code newGeneration}. */
    public synchronized void clear(long newGeneration) {
        generation = newGeneration;
        pages.clear();
        bytes.set(0);
    }

    public int size() {
        return pages.size();
    }

    public long bytes() {
        return bytes.get();
    }
}
