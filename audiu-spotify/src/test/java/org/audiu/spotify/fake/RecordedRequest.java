package org.audiu.spotify.fake;

import java.util.Map;

/** A request the fake server received (after any fault was applied, it is still recorded). */
public record RecordedRequest(String method, String path, Map<String, String> query, String body,
                              String authorization) {
    public RecordedRequest {
        query = Map.copyOf(query);
    }

    @Override
    public String toString() {
        return method + " " + path + (query.isEmpty() ? "" : " " + query);
    }
}
