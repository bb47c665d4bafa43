package org.audiu.cli.serve;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.audiu.core.Recommendation;
import org.audiu.core.Track;
import org.audiu.core.recommender.RecommenderFiles;
import org.audiu.core.recommender.TrainedRecommender;

/**
 * The recommendations to take away: CSV and M3U (with the Spotify track URI where the track id is one) and the trained
 * recommender in the {@code audiu train --out} format, which {@code audiu recommend --recommender FILE} ranks with.
 */
final class UploadDownloads {
    /** A Spotify track id: 22 base-62 characters. */
    private static final Pattern SPOTIFY_ID = Pattern.compile("[0-9A-Za-z]{22}");
    static final List<String> CSV_COLUMNS = List.of("rank", "track_id", "spotify_uri", "track_name", "artists",
            "album", "genre", "year", "score", "reasons");

    private UploadDownloads() {
    }

    /** {@code spotify:track:ID} when the id is a Spotify id. */
    static Optional<String> spotifyUri(Track t) {
        return SPOTIFY_ID.matcher(t.id()).matches() ? Optional.of("spotify:track:" + t.id()) : Optional.empty();
    }

    static String csv(List<Recommendation> recs) {
        StringWriter w = new StringWriter();
        try (CSVPrinter csv = new CSVPrinter(w, CSVFormat.DEFAULT.builder()
                .setHeader(CSV_COLUMNS.toArray(String[]::new)).get())) {
            int rank = 1;
            for (Recommendation r : recs) {
                Track t = r.track();
                csv.printRecord(rank++, t.id(), spotifyUri(t).orElse(""), t.name(), String.join("; ", t.artists()),
                        t.album(), t.genre().orElse(""), t.releaseYear().isPresent() ? t.releaseYear().getAsInt() : "",
                        String.format(Locale.ROOT, "%.6f", r.score()), String.join(" | ", r.reasons()));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return w.toString();
    }

    /** An extended M3U playlist: a Spotify URI per track where known, else the track's name as a comment only. */
    static String m3u(List<Recommendation> recs) {
        StringBuilder s = new StringBuilder("#EXTM3U\n#PLAYLIST:audiU recommendations\n");
        for (Recommendation r : recs) {
            Track t = r.track();
            long seconds = t.durationMs() > 0 ? Math.round(t.durationMs() / 1000.0) : -1;
            String title = oneLine(t.artistsText() + " - " + t.name());
            s.append("#EXTINF:").append(seconds).append(',').append(title).append('\n');
            Optional<String> uri = spotifyUri(t);
            if (uri.isPresent()) {
                s.append(uri.get()).append('\n');
            } else {
                s.append("# no Spotify URI known for track id ").append(oneLine(t.id())).append('\n');
            }
        }
        return s.toString();
    }

    static byte[] recommender(TrainedRecommender r) {
        try {
            return RecommenderFiles.toBytes(r);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not write the trained recommender", e);
        }
    }

    private static String oneLine(String s) {
        return s.replaceAll("[\\r\\n]+", " ");
    }
}
