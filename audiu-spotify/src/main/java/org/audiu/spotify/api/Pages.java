package org.audiu.spotify.api;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.audiu.core.DataException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import se.michaelthelin.spotify.model_objects.specification.Paging;

/**
 * Follows offset-paged answers to the end: the next offset is the previous plus the items received, until Spotify
 * sends no {@code next}, an empty page, or the offset reaches {@code total}. Null items are kept for the caller to
 * count. Logs progress every ten pages.
 */
public final class Pages {
    private static final Logger LOG = LoggerFactory.getLogger(Pages.class);
    private static final int MAX_PAGES = 100_000;

    /** Fetches one page of the library's model objects. */
    @FunctionalInterface
    public interface PageFetcher<T> {
        Paging<T> fetch(int offset);
    }

    /** Fetches one page as JSON ({@code items}, {@code next}, {@code total}). */
    @FunctionalInterface
    public interface JsonPageFetcher {
        JsonNode fetch(int offset);
    }

    private Pages() {
    }

    public static <T> List<T> all(String what, PageFetcher<T> fetcher) {
        List<T> out = new ArrayList<>();
        int offset = 0;
        for (int page = 1; ; page++) {
            Paging<T> p = fetcher.fetch(offset);
            T[] items = p == null ? null : p.getItems();
            int n = items == null ? 0 : items.length;
            if (n > 0) {
                out.addAll(Arrays.asList(items));
            }
            offset += n;
            Integer total = p == null ? null : p.getTotal();
            progress(what, page, out.size(), total);
            if (p == null || p.getNext() == null || n == 0 || (total != null && offset >= total)) {
                return out;
            }
            guard(what, page);
        }
    }

    public static List<JsonNode> allJson(String what, JsonPageFetcher fetcher) {
        List<JsonNode> out = new ArrayList<>();
        int offset = 0;
        for (int page = 1; ; page++) {
            JsonNode p = fetcher.fetch(offset);
            JsonNode items = p.path("items");
            int n = items.isArray() ? items.size() : 0;
            items.forEach(out::add);
            offset += n;
            Integer total = p.path("total").isNumber() ? p.get("total").asInt() : null;
            progress(what, page, out.size(), total);
            JsonNode next = p.path("next");
            if (next.isMissingNode() || next.isNull() || n == 0 || (total != null && offset >= total)) {
                return out;
            }
            guard(what, page);
        }
    }

    private static void progress(String what, int page, int received, Integer total) {
        if (page % 10 == 0) {
            LOG.info("{}: {}{} received", what, received, total == null ? "" : " of " + total);
        } else {
            LOG.debug("{}: page {}, {} received", what, page, received);
        }
    }

    private static void guard(String what, int page) {
        if (page >= MAX_PAGES) {
            throw new DataException("Gave up " + what + " after " + MAX_PAGES + " pages: the answers never end.");
        }
    }
}
