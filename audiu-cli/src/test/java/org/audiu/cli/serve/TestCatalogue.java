package org.audiu.cli.serve;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.audiu.core.FeatureVector;
import org.audiu.core.Track;
import org.audiu.core.demo.DemoCatalog;

/**
 * A small CSV catalogue in the "30000 Spotify songs" layout (playlist columns, playlist_genre labels), made from the
 * seeded demo catalogue plus tracks with hostile names, and a configuration that serves it through the real
 * {@code dataset} plugins.
 */
final class TestCatalogue {
    /** A track whose title and artist are markup: the page must show them as text. */
    static final String XSS_ID = "xss-track";
    static final String XSS_NAME = "<script>window.__pwned=1</script>";
    static final String XSS_ARTIST = "<img src=x onerror=\"window.__pwned=2\">";
    static final String QUOTES_ID = "quotes-track";
    static final String QUOTES_NAME = "\"Quoted\" & 'apostrophes' </li><li>";
    static final String ACCENT_ID = "accent-track";
    static final String ACCENT_NAME = "Café Noir";
    static final String ACCENT_ARTIST = "Beyoncé Ünïcode";
    static final String JAZZ_PLAYLIST_ID = "pl-late-jazz";
    static final String JAZZ_PLAYLIST_NAME = "Late-night jazz";
    static final String XSS_PLAYLIST_ID = "pl-xss";
    static final String XSS_PLAYLIST_NAME = "<b>bold</b> playlist";

    private static final List<String> COLUMNS = List.of("track_id", "track_name", "track_artist",
            "track_album_name", "track_album_release_date", "playlist_name", "playlist_id", "playlist_genre",
            "danceability", "energy", "key", "loudness", "mode", "speechiness", "acousticness", "instrumentalness",
            "liveness", "valence", "tempo", "duration_ms", "track_popularity");

    private TestCatalogue() {
    }

    /** Rows of one playlist membership. */
    private record Row(Track track, FeatureVector features, String playlistId, String playlistName) {
    }

    /**
     * Writes {@code catalogue.csv} and {@code serve.properties} into {@code dir}.
     *
     * @param artistsPerGenre demo artists taken per genre (20 tracks each)
     * @return the configuration file
     */
    static Path write(Path dir, int artistsPerGenre) throws IOException {
        DemoCatalog demo = DemoCatalog.generate(7);
        Map<String, Integer> artistsSeen = new LinkedHashMap<>();
        List<Row> rows = new ArrayList<>();
        Map<String, Integer> jazzArtists = new LinkedHashMap<>();
        FeatureVector jazzFeatures = null;
        for (DemoCatalog.DemoTrack t : demo.tracks()) {
            String genre = t.track().genre().orElseThrow();
            String artist = t.track().mainArtist();
            if (!artistsSeen.containsKey(artist)) {
                long inGenre = artistsSeen.keySet().stream().filter(a -> genreOf(demo, a).equals(genre)).count();
                if (inGenre >= artistsPerGenre) {
                    continue;
                }
                artistsSeen.put(artist, artistsSeen.size());
            }
            String playlistId = "pl-" + genre.toLowerCase(Locale.ROOT);
            String playlistName = genre + " mix";
            if (genre.equals("Jazz")) {
                jazzFeatures = jazzFeatures == null ? t.features() : jazzFeatures;
                jazzArtists.merge(artist, 1, Integer::sum);
                if (jazzArtists.size() <= 2) {
                    rows.add(new Row(t.track(), t.features(), JAZZ_PLAYLIST_ID, JAZZ_PLAYLIST_NAME));
                }
            }
            rows.add(new Row(t.track(), t.features(), playlistId, playlistName));
        }
        Track xss = Track.builder(XSS_ID, XSS_NAME).artists(XSS_ARTIST).album("<i>album</i>").releaseYear(2024)
                .genre("Jazz").build();
        Track quotes = Track.builder(QUOTES_ID, QUOTES_NAME).artists("O'Brien & Sons").album("A & B")
                .releaseYear(2001).genre("Jazz").build();
        Track accent = Track.builder(ACCENT_ID, ACCENT_NAME).artists(ACCENT_ARTIST).album("Été").releaseYear(2019)
                .genre("Jazz").build();
        for (Track t : List.of(xss, quotes, accent)) {
            rows.add(new Row(t, jazzFeatures, XSS_PLAYLIST_ID, XSS_PLAYLIST_NAME));
        }
        Path csv = dir.resolve("catalogue.csv");
        try (Writer w = Files.newBufferedWriter(csv, StandardCharsets.UTF_8)) {
            w.write(String.join(",", COLUMNS));
            w.write("\n");
            for (Row r : rows) {
                List<String> cells = new ArrayList<>();
                cells.add(r.track().id());
                cells.add(r.track().name());
                cells.add(r.track().mainArtist());
                cells.add(r.track().album());
                cells.add(r.track().releaseYear().isPresent() ? r.track().releaseYear().getAsInt() + "-01-01" : "");
                cells.add(r.playlistName());
                cells.add(r.playlistId());
                cells.add(r.track().genre().orElse(""));
                for (String f : COLUMNS.subList(8, 20)) {
                    cells.add(Double.toString(r.features().get(f)));
                }
                cells.add(Integer.toString((int) r.track().popularity().orElse(50)));
                w.write(String.join(",", cells.stream().map(TestCatalogue::csv).toList()));
                w.write("\n");
            }
        }
        Path config = dir.resolve("serve.properties");
        Files.writeString(config, String.join("\n",
                "# A test catalogue with hostile names, served through the real dataset plugins.",
                "seed = 7",
                "features = dataset",
                "features.dataset.path = catalogue.csv",
                "candidates.source = dataset",
                "candidates.path = catalogue.csv",
                ""), StandardCharsets.UTF_8);
        return config;
    }

    private static String genreOf(DemoCatalog demo, String artist) {
        return demo.tracks().stream().filter(t -> t.track().mainArtist().equals(artist)).findFirst()
                .flatMap(t -> t.track().genre()).orElse("");
    }

    private static String csv(String cell) {
        if (cell.contains(",") || cell.contains("\"") || cell.contains("\n")) {
            return "\"" + cell.replace("\"", "\"\"") + "\"";
        }
        return cell;
    }
}
