package org.audiu.cli.serve;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The JSON API over real HTTP on 127.0.0.1, on a CSV catalogue served through the dataset plugins. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ServeApiTest {
    private TestServer server;

    @BeforeAll
    void start(@TempDir Path dir) throws IOException {
        server = TestServer.startTestCatalogue(dir);
    }

    @AfterAll
    void stop() {
        if (server != null) {
            server.close();
        }
    }

    private String firstTrackId(String query) throws Exception {
        JsonNode r = server.get("/api/search", Map.of("q", query)).json();
        assertTrue(r.get("tracks").size() > 0, "no track for " + query + ": " + r);
        return r.get("tracks").get(0).get("id").asText();
    }

    @Test
    void infoDescribesCatalogueModelsAndLimits() throws Exception {
        TestServer.Reply r = server.getRaw("/api/info");
        assertEquals(200, r.status());
        assertTrue(r.contentType().startsWith("application/json"), r.contentType());
        JsonNode info = r.json();
        assertEquals("dataset catalogue.csv", info.get("catalogue").asText());
        assertEquals(server.backend().catalogue().size(), info.get("tracks").asInt());
        assertEquals(1603, info.get("tracks").asInt(), "10 genres x 8 artists x 20 tracks + 3 hostile tracks");
        assertEquals(12, info.get("playlists").asInt(), "10 genre mixes, late-night jazz, the hostile one: "
                + info);
        assertEquals(10, info.get("genres").size());
        assertEquals("random-forest", info.get("recommendModel").asText());
        assertEquals("logistic", info.at("/genreModel/trainer").asText());
        assertTrue(info.at("/genreModel/heldOutAccuracy").asDouble() > 0.2, "better than chance (0.1): " + info);
        assertEquals(25, info.at("/limits/maxSeeds").asInt());
        assertEquals(7, info.get("chartFeatures").size());
    }

    @Test
    void everyResponseCarriesSecurityHeaders() throws Exception {
        for (String path : List.of("/", "/app.js", "/style.css", "/api/info", "/api/search?q=", "/api/nope")) {
            TestServer.Reply r = server.getRaw(path);
            String csp = r.header("Content-Security-Policy");
            assertNotNull(csp, path);
            assertTrue(csp.contains("script-src 'self'") && !csp.contains("unsafe-inline"), csp);
            assertEquals("nosniff", r.header("X-Content-Type-Options"), path);
        }
    }

    @Test
    void thePageIsStaticHtmlWithoutInlineScript() throws Exception {
        TestServer.Reply page = server.getRaw("/");
        assertEquals(200, page.status());
        assertTrue(page.contentType().startsWith("text/html"), page.contentType());
        assertTrue(page.body().contains("<script src=\"/app.js\" defer></script>"));
        assertEquals(1, page.body().split("<script").length - 1, "one external script, nothing inline");
        // No CDN, no external font: the one address is the link to Spotify's privacy page (how to get the export).
        String withoutLink = page.body().replace("href=\"" + UploadApi.SPOTIFY_EXPORT_URL + "\"", "");
        assertFalse(withoutLink.contains("http://") || withoutLink.contains("https://"), "no CDN");
        TestServer.Reply js = server.getRaw("/app.js");
        assertEquals(200, js.status());
        assertTrue(js.contentType().contains("javascript"), js.contentType());
        assertFalse(js.body().contains(".innerHTML") || js.body().contains("insertAdjacentHTML")
                || js.body().contains("document.write"), "the page never parses data as HTML");
        assertEquals(200, server.getRaw("/style.css").status());
    }

    @Test
    void searchFindsTracksArtistsAndPlaylists() throws Exception {
        JsonNode byTitle = server.get("/api/search", Map.of("q", "cafe noir")).json();
        assertEquals(TestCatalogue.ACCENT_ID, byTitle.at("/tracks/0/id").asText(), "accents and case ignored");
        JsonNode byArtist = server.get("/api/search", Map.of("q", "beyonce")).json();
        assertEquals(TestCatalogue.ACCENT_ARTIST, byArtist.at("/artists/0/name").asText());
        assertEquals(TestCatalogue.ACCENT_ID, byArtist.at("/tracks/0/id").asText(), "artist words match tracks");
        JsonNode playlists = server.get("/api/search", Map.of("q", "late night")).json();
        assertEquals(TestCatalogue.JAZZ_PLAYLIST_ID, playlists.at("/playlists/0/id").asText());
        assertEquals(TestCatalogue.JAZZ_PLAYLIST_NAME, playlists.at("/playlists/0/name").asText());
        JsonNode limited = server.get("/api/search", Map.of("q", "a", "limit", "3")).json();
        assertTrue(limited.get("tracks").size() <= 3 && limited.get("artists").size() <= 3);
        JsonNode nothing = server.get("/api/search", Map.of("q", "zzzz-no-such-thing")).json();
        assertEquals(0, nothing.get("tracks").size());
        JsonNode punctuation = server.get("/api/search", Map.of("q", "!!!")).json();
        assertEquals(0, punctuation.get("tracks").size(), "a query of punctuation only matches nothing");
    }

    @Test
    void hostileNamesComeBackVerbatimAsJsonStrings() throws Exception {
        TestServer.Reply r = server.get("/api/search", Map.of("q", "script"));
        assertEquals(200, r.status());
        assertTrue(r.contentType().startsWith("application/json"));
        JsonNode t = r.json().at("/tracks/0");
        assertEquals(TestCatalogue.XSS_ID, t.get("id").asText());
        assertEquals(TestCatalogue.XSS_NAME, t.get("name").asText());
        assertEquals(TestCatalogue.XSS_ARTIST, t.at("/artists/0").asText());
        JsonNode quotes = server.get("/api/search", Map.of("q", "quoted")).json().at("/tracks/0");
        assertEquals(TestCatalogue.QUOTES_NAME, quotes.get("name").asText());
    }

    @Test
    void recommendationsFromSeedTracks() throws Exception {
        List<String> seeds = List.of(firstTrackId("velvet"), TestCatalogue.XSS_ID);
        TestServer.Reply r = server.get("/api/recommendations", Map.of("seeds", String.join(",", seeds),
                "limit", "12"));
        assertEquals(200, r.status(), r.body());
        JsonNode body = r.json();
        assertEquals(2, body.at("/seeds/tracks").size());
        assertEquals(2, body.get("seedTracks").asInt());
        JsonNode recs = body.get("recommendations");
        assertEquals(12, recs.size());
        double previous = Double.MAX_VALUE;
        Set<String> ids = new HashSet<>();
        java.util.Map<String, Integer> perArtist = new java.util.HashMap<>();
        for (int i = 0; i < recs.size(); i++) {
            JsonNode rec = recs.get(i);
            assertEquals(i + 1, rec.get("rank").asInt());
            String id = rec.at("/track/id").asText();
            assertFalse(seeds.contains(id), "seeds are never recommended back");
            assertTrue(ids.add(id), "no duplicates");
            double score = rec.get("score").asDouble();
            assertTrue(score >= 0 && score <= 1, "scores in [0,1]: " + rec);
            double ranking = rec.get("rankingScore").asDouble();
            assertTrue(ranking <= previous, "best first: " + recs);
            previous = ranking;
            assertTrue(rec.get("reasons").size() >= 2, "reasons: " + rec);
            assertEquals(7, rec.get("features").size());
            perArtist.merge(rec.at("/track/artists/0").asText(), 1, Integer::sum);
        }
        assertTrue(perArtist.values().stream().allMatch(n -> n <= 2), "artist cap 2: " + perArtist);
        JsonNode chart = body.get("chart");
        assertEquals(7, chart.get("features").size());
        for (JsonNode f : chart.get("features")) {
            double seed = chart.at("/seeds/" + f.asText()).asDouble(-1);
            double rec = chart.at("/recommendations/" + f.asText()).asDouble(-1);
            assertTrue(seed >= 0 && seed <= 1 && rec >= 0 && rec <= 1, f + " " + chart);
        }
        // Two seeds: ranked by neighbours, no model trained on two rows, no AUC on them.
        assertEquals("neighbours", body.at("/model/method").asText(), body.get("model").toString());
        assertFalse(body.get("model").has("trainer") || body.get("model").has("holdoutAuc"), body.toString());
        assertTrue(recs.get(0).get("reasons").get(0).asText().startsWith("sounds like '"), recs.get(0).toString());
        assertTrue(body.get("poolSize").asLong() >= 1600);
    }

    @Test
    void seedsOfThirtyTracksOrMoreTrainAModel() throws Exception {
        ServeBackend b = server.backend();
        List<String> artists = b.catalogue().artists().stream().filter(a -> a.trackIds().size() >= 20).limit(2)
                .map(org.audiu.core.catalogue.CatalogueArtist::name).toList();
        JsonNode body = server.get("/api/recommendations", List.of(Map.entry("artist", artists.get(0)),
                Map.entry("artist", artists.get(1)), Map.entry("limit", "10"))).json();
        assertEquals(40, body.get("seedTracks").asInt(), body.toString());
        assertEquals("model", body.at("/model/method").asText());
        assertEquals("random-forest", body.at("/model/trainer").asText());
        assertEquals(40, body.at("/model/likedExamples").asInt(), "the seeds are the liked examples");
    }

    @Test
    void recommendationsAreDeterministic() throws Exception {
        String seed = firstTrackId("horizon");
        List<String> first = ids(server.get("/api/recommendations", Map.of("seeds", seed, "limit", "5")).json());
        ServeBackend b = server.backend();
        var again = b.recommender().recommend(new Seeds(List.of(b.catalogue().track(seed).orElseThrow()), List.of(),
                java.util.Optional.empty()), 5);
        assertEquals(first, again.recommendations().stream().map(x -> x.track().id()).toList(),
                "the same seeds give the same recommendations, cached or not");
    }

    @Test
    void theSameSeedsWithAnotherLimitReuseTheTrainedRecommender() throws Exception {
        ServeBackend b = server.backend();
        List<org.audiu.core.catalogue.CatalogueArtist> twoArtists = b.catalogue().artists().stream()
                .filter(a -> a.trackIds().size() >= 20).limit(2).toList();
        Seeds seeds = new Seeds(List.of(), twoArtists, java.util.Optional.empty());
        SeedRecommender.Run ten = b.recommender().recommend(seeds, 10);
        assertTrue(ten.method().isModel(), "40 seed tracks are ranked by a model: " + ten.method());
        int kept = b.recommender().keptRecommenders();
        SeedRecommender.Run three = b.recommender().recommend(seeds, 3);
        assertEquals(kept, b.recommender().keptRecommenders(), "no second recommender was trained for these seeds");
        assertTrue(three.modelResult().orElseThrow().recommender() == ten.modelResult().orElseThrow().recommender(),
                "the kept recommender ranked it");
        assertEquals(ten.recommendations().subList(0, 3).stream().map(x -> x.track().id()).toList(),
                three.recommendations().stream().map(x -> x.track().id()).toList(),
                "a shorter list is the longer one's start");
        assertEquals(ten.method().likedExamples(), three.method().likedExamples());
    }

    private static List<String> ids(JsonNode body) {
        List<String> out = new ArrayList<>();
        body.get("recommendations").forEach(r -> out.add(r.at("/track/id").asText()));
        return out;
    }

    @Test
    void recommendationsFromArtistsAndPlaylists() throws Exception {
        JsonNode byArtist = server.get("/api/recommendations", List.of(Map.entry("artist", "beyoncé ünïcode"),
                Map.entry("limit", "5"))).json();
        assertEquals(TestCatalogue.ACCENT_ARTIST, byArtist.at("/seeds/artists/0/name").asText(),
                "artist names match ignoring case");
        assertEquals(5, byArtist.get("recommendations").size());

        JsonNode byPlaylist = server.get("/api/recommendations", Map.of("playlist", TestCatalogue.JAZZ_PLAYLIST_ID,
                "limit", "10")).json();
        assertEquals(TestCatalogue.JAZZ_PLAYLIST_NAME, byPlaylist.at("/seeds/playlist/name").asText());
        assertEquals(40, byPlaylist.get("seedTracks").asInt(), "two artists x 20 tracks");
        long jazz = 0;
        for (JsonNode rec : byPlaylist.get("recommendations")) {
            if ("Jazz".equals(rec.at("/track/genre").asText())) {
                jazz++;
            }
        }
        assertTrue(jazz >= 3, "a jazz playlist brings jazz (chance: 1 in 10): " + jazz);

        String artist = server.get("/api/search", Map.of("q", "velvet")).json().at("/tracks/0/artists/0").asText();
        JsonNode mixed = server.get("/api/recommendations", List.of(Map.entry("seeds", TestCatalogue.QUOTES_ID),
                Map.entry("artist", artist), Map.entry("playlist", TestCatalogue.XSS_PLAYLIST_ID))).json();
        assertEquals(10, mixed.get("recommendations").size(), "default limit");
        assertEquals(1, mixed.at("/seeds/tracks").size());
        assertEquals(1, mixed.at("/seeds/artists").size());
        assertEquals(TestCatalogue.XSS_PLAYLIST_NAME, mixed.at("/seeds/playlist/name").asText());
    }

    @Test
    void playlistsAreListed() throws Exception {
        JsonNode r = server.get("/api/playlists", Map.of("limit", "2")).json();
        assertEquals(12, r.get("total").asInt());
        assertEquals(2, r.get("playlists").size());
    }

    @Test
    void genreOfATrack() throws Exception {
        TestServer.Reply r = server.get("/api/genre", Map.of("track", TestCatalogue.XSS_ID));
        assertEquals(200, r.status(), r.body());
        JsonNode g = r.json();
        assertEquals(TestCatalogue.XSS_NAME, g.at("/track/name").asText());
        assertEquals("Jazz", g.get("actualGenre").asText());
        JsonNode p = g.get("probabilities");
        assertEquals(10, p.size());
        double sum = 0;
        double previous = 1;
        for (JsonNode e : p) {
            double v = e.get("probability").asDouble();
            assertTrue(v <= previous + 1e-12, "sorted, most probable first");
            previous = v;
            sum += v;
        }
        assertEquals(1.0, sum, 1e-6);
        assertEquals(p.at("/0/genre").asText(), g.get("predictedGenre").asText());
        assertEquals(g.get("predictedGenre").asText().equals("Jazz"), g.get("correct").asBoolean());
        assertEquals("logistic", g.at("/model/trainer").asText());
        assertTrue(g.has("heldOut"));
    }

    @Test
    void healthAndHead() throws Exception {
        assertEquals("ok", server.getRaw("/api/health").json().get("status").asText());
        TestServer.Reply head = server.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port()
                + "/api/health")).method("HEAD", HttpRequest.BodyPublishers.noBody()));
        assertEquals(200, head.status());
    }

    /** Every kind of bad request gets a 4xx with a JSON error body, never a 500 or a stack trace. */
    @Nested
    class HostileInput {
        /** A request the API must refuse: what is sent, the status expected and the parameter named, if any. */
        record Case(String name, String method, String target, Map<String, String> headers, int status,
                    String parameter) {
            Case(String name, String target, int status, String parameter) {
                this(name, "GET", target, Map.of(), status, parameter);
            }

            @Override
            public String toString() {
                return name;
            }
        }

        static List<Case> cases() {
            String ids26 = String.join(",", java.util.stream.IntStream.range(0, 26).mapToObj(i -> "id" + i).toList());
            String longQuery = "a".repeat(101);
            String longId = "x".repeat(129);
            return List.of(
                    new Case("search without q", "/api/search", 400, "q"),
                    new Case("search with empty q", "/api/search?q=", 400, "q"),
                    new Case("search with blank q", "/api/search?q=%20%20%20", 400, "q"),
                    new Case("search with q too long", "/api/search?q=" + longQuery, 400, "q"),
                    new Case("search with q twice", "/api/search?q=a&q=b", 400, "q"),
                    new Case("search with a NUL byte", "/api/search?q=%00abc", 400, "q"),
                    new Case("search with control characters", "/api/search?q=a%0D%0Ab", 400, "q"),
                    new Case("search with invalid UTF-8", "/api/search?q=%C3%28", 400, "q"),
                    new Case("search with broken percent-encoding", "/api/search?q=%ZZ", 400, null),
                    new Case("search with a trailing %", "/api/search?q=abc%", 400, null),
                    new Case("search with limit 0", "/api/search?q=a&limit=0", 400, "limit"),
                    new Case("search with limit 51", "/api/search?q=a&limit=51", 400, "limit"),
                    new Case("search with limit -1", "/api/search?q=a&limit=-1", 400, "limit"),
                    new Case("search with limit abc", "/api/search?q=a&limit=abc", 400, "limit"),
                    new Case("search with limit 1e3", "/api/search?q=a&limit=1e3", 400, "limit"),
                    new Case("search with a huge limit", "/api/search?q=a&limit=99999999999999999999", 400, "limit"),
                    new Case("search with an unknown parameter", "/api/search?query=a", 400, "query"),
                    new Case("recommendations without seeds", "/api/recommendations", 400, "seeds"),
                    new Case("recommendations with only a limit", "/api/recommendations?limit=5", 400, "seeds"),
                    new Case("recommendations with an unknown track", "/api/recommendations?seeds=no-such-id", 404,
                            "seeds"),
                    new Case("recommendations with one unknown of two", "/api/recommendations?seeds="
                            + TestCatalogue.XSS_ID + ",nope", 404, "seeds"),
                    new Case("recommendations with an empty id", "/api/recommendations?seeds=a,,b", 400, "seeds"),
                    new Case("recommendations with a trailing comma", "/api/recommendations?seeds="
                            + TestCatalogue.XSS_ID + ",", 400, "seeds"),
                    new Case("recommendations with 26 seeds", "/api/recommendations?seeds=" + ids26, 400, "seeds"),
                    new Case("recommendations with a malformed id", "/api/recommendations?seeds=a%20b", 400,
                            "seeds"),
                    new Case("recommendations with an overlong id", "/api/recommendations?seeds=" + longId, 400,
                            "seeds"),
                    new Case("recommendations with markup as id", "/api/recommendations?seeds=<script>", 404,
                            "seeds"),
                    new Case("recommendations with limit 0", "/api/recommendations?seeds=" + TestCatalogue.XSS_ID
                            + "&limit=0", 400, "limit"),
                    new Case("recommendations with limit 51", "/api/recommendations?seeds=" + TestCatalogue.XSS_ID
                            + "&limit=51", 400, "limit"),
                    new Case("recommendations with limit ten", "/api/recommendations?seeds=" + TestCatalogue.XSS_ID
                            + "&limit=ten", 400, "limit"),
                    new Case("recommendations with a misspelt parameter", "/api/recommendations?seed="
                            + TestCatalogue.XSS_ID, 400, "seed"),
                    new Case("recommendations with an unknown artist", "/api/recommendations?artist=Nobody%20Atall",
                            404, "artist"),
                    new Case("recommendations with six artists", "/api/recommendations?artist=a&artist=b&artist=c"
                            + "&artist=d&artist=e&artist=f", 400, "artist"),
                    new Case("recommendations with an unknown playlist", "/api/recommendations?playlist=nope", 404,
                            "playlist"),
                    new Case("recommendations with two playlists", "/api/recommendations?playlist=a&playlist=b",
                            400, "playlist"),
                    new Case("genre without track", "/api/genre", 400, "track"),
                    new Case("genre of an unknown track", "/api/genre?track=nope", 404, "track"),
                    new Case("genre of a malformed id", "/api/genre?track=a%09b", 400, "track"),
                    new Case("playlists with limit 0", "/api/playlists?limit=0", 400, "limit"),
                    new Case("info with a parameter", "/api/info?debug=1", 400, "debug"),
                    new Case("an unknown endpoint", "/api/admin", 404, null),
                    new Case("POST", "POST", "/api/search?q=a", Map.of("Content-Length", "0"), 405, null),
                    new Case("DELETE", "DELETE", "/api/recommendations", Map.of(), 405, null),
                    new Case("PUT", "PUT", "/api/genre", Map.of("Content-Length", "0"), 405, null),
                    new Case("OPTIONS", "OPTIONS", "/api/search", Map.of(), 405, null),
                    new Case("a URI of 20,000 characters", "GET", "/api/search?q=" + "a".repeat(20_000), Map.of(),
                            414, null),
                    new Case("a header of 20,000 characters", "GET", "/api/info", Map.of("X-Junk", "j".repeat(20_000)),
                            431, null),
                    new Case("dot segments", "/../../etc/passwd", 400, null),
                    new Case("encoded dot segments", "/%2e%2e/%2e%2e/etc/passwd", 400, null));
        }

        @ParameterizedTest(name = "{0}")
        @MethodSource("cases")
        void isRefusedWithAJsonError(Case c) throws Exception {
            TestServer.Reply r = RawHttp.request(server.port(), c.method(), c.target(), c.headers());
            assertEquals(c.status(), r.status(), c + ": " + r.body());
            assertTrue(r.contentType().startsWith("application/json"), c + ": " + r.contentType());
            JsonNode body = r.json();
            assertTrue(body.isObject() && body.get("error").isTextual() && !body.get("error").asText().isBlank(),
                    c + ": " + r.body());
            assertEquals(c.status(), body.get("status").asInt(), r.body());
            if (c.parameter() != null) {
                assertEquals(c.parameter(), body.path("parameter").asText(), r.body());
            }
            for (String leak : List.of("Exception", "\tat ", "at org.", "at java.", "<html")) {
                assertFalse(r.body().contains(leak), c + " leaks " + leak + ": " + r.body());
            }
            assertTrue(r.body().length() < 2_000, "error bodies stay short, inputs are not echoed in full");
        }

        @Test
        void theSameRequestsThroughHttpClient() throws Exception {
            for (Case c : cases()) {
                URI uri;
                try {
                    uri = URI.create("http://127.0.0.1:" + server.port() + c.target());
                } catch (IllegalArgumentException e) {
                    continue; // not expressible with java.net.URI: covered by the raw-socket test above
                }
                if (!c.headers().isEmpty() || uri.getRawPath().contains("..") || c.target().length() > 10_000) {
                    continue;
                }
                TestServer.Reply r = server.send(HttpRequest.newBuilder(uri)
                        .method(c.method(), HttpRequest.BodyPublishers.noBody()));
                assertEquals(c.status(), r.status(), c + ": " + r.body());
                assertTrue(r.contentType().startsWith("application/json"), c + ": " + r.contentType());
                assertTrue(r.json().get("error").isTextual(), c + ": " + r.body());
            }
        }

        @Test
        void echoedValuesAreCutAndJsonEscaped() throws Exception {
            String hostile = "<script>alert(1)</script>" + "z".repeat(200);
            TestServer.Reply r = server.get("/api/genre", Map.of("track", hostile));
            assertEquals(400, r.status(), "too long for an id");
            TestServer.Reply unknown = server.get("/api/recommendations", List.of(Map.entry("artist",
                    "<script>alert(1)</script>")));
            assertEquals(404, unknown.status());
            assertTrue(unknown.json().get("value").asText().startsWith("<script>"), "JSON strings are data");
            assertTrue(unknown.contentType().startsWith("application/json"));
            assertEquals("nosniff", unknown.header("X-Content-Type-Options"));
        }
    }
}
