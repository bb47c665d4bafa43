package org.audiu.spotify.api;

import java.io.IOException;
import java.util.Locale;
import org.apache.hc.core5.http.ContentType;
import org.apache.hc.core5.http.ParseException;
import org.apache.hc.core5.http.io.entity.StringEntity;
import se.michaelthelin.spotify.SpotifyApi;
import se.michaelthelin.spotify.exceptions.SpotifyWebApiException;
import se.michaelthelin.spotify.requests.data.AbstractDataRequest;

/**
 * A Web API request that spotify-web-api-java 9.4.0 does not offer in its 2026 form (playlist items at
 * {@code /v1/playlists/{id}/items}, {@code POST /v1/me/playlists}), built and sent like the client's own requests:
 * same host settings, same HTTP manager, same bearer header. Returns the JSON answer for the caller to parse.
 */
public final class JsonRequest extends AbstractDataRequest<String> {
    private final String method;

    private JsonRequest(Builder builder) {
        super(builder);
        this.method = builder.method;
    }

    /** A request to {@code path} (may contain {@code {name}} placeholders) on {@code api}'s host. */
    public static Builder to(SpotifyApi api, String method, String path) {
        Builder b = new Builder(api.getAccessToken(), method, path);
        return b.setDefaults(api.getHttpManager(), api.getScheme(), api.getHost(), api.getPort());
    }

    @Override
    public String execute() throws IOException, SpotifyWebApiException, ParseException {
        return switch (method) {
            case "GET" -> getJson();
            case "POST" -> postJson();
            case "PUT" -> putJson();
            case "DELETE" -> deleteJson();
            default -> throw new IllegalStateException("Unsupported method " + method);
        };
    }

    /** Builds a {@link JsonRequest}. */
    public static final class Builder extends AbstractDataRequest.Builder<String, Builder> {
        private final String method;
        private final String path;

        Builder(String accessToken, String method, String path) {
            super(accessToken);
            this.method = method.toUpperCase(Locale.ROOT);
            this.path = path;
        }

        /** A JSON request body. */
        public Builder json(String body) {
            return setBody(new StringEntity(body, ContentType.APPLICATION_JSON));
        }

        /** Builds the request; path parameters set before this are substituted into the path now. */
        @Override
        public JsonRequest build() {
            setPath(path);
            return new JsonRequest(this);
        }

        @Override
        protected Builder self() {
            return this;
        }
    }
}
