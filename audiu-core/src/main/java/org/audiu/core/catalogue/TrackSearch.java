package org.audiu.core.catalogue;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * Search over a catalogue by track title, artist and playlist name: case- and accent-insensitive, every word of the
 * query must match the start of a word (so "velv hor" finds "Velvet Horizon"). Better matches first: exact title,
 * title prefix, title words, then artist. A linear scan over pre-normalised strings: a few milliseconds for tens of
 * thousands of tracks, no shared mutable state.
 */
public final class TrackSearch {
    private static final Pattern MARKS = Pattern.compile("\\p{M}+");
    private static final Pattern SEPARATORS = Pattern.compile("[^\\p{L}\\p{N}]+");

    private final Catalogue catalogue;
    private final List<Entry<CatalogueTrack>> tracks;
    private final List<Entry<CatalogueArtist>> artists;
    private final List<Entry<CataloguePlaylist>> playlists;

    /**
     * Results of one search, best first.
     *
     * @param tracks    matching tracks
     * @param artists   matching artists
     * @param playlists matching playlists
     */
    public record Result(List<CatalogueTrack> tracks, List<CatalogueArtist> artists,
                         List<CataloguePlaylist> playlists) {
        public Result {
            tracks = List.copyOf(tracks);
            artists = List.copyOf(artists);
            playlists = List.copyOf(playlists);
        }
    }

    private record Entry<T>(T item, String title, String secondary, int order) {
    }

    private record Hit<T>(T item, int rank, String title, int order) {
    }

    /** Normalises every title, artist and playlist name of the catalogue once. */
    public TrackSearch(Catalogue catalogue) {
        this.catalogue = Objects.requireNonNull(catalogue, "catalogue");
        List<Entry<CatalogueTrack>> t = new ArrayList<>(catalogue.size());
        int i = 0;
        for (CatalogueTrack c : catalogue.tracks()) {
            t.add(new Entry<>(c, normalise(c.track().name()), normalise(c.track().artistsText()), i++));
        }
        this.tracks = List.copyOf(t);
        List<Entry<CatalogueArtist>> a = new ArrayList<>();
        i = 0;
        for (CatalogueArtist artist : catalogue.artists()) {
            a.add(new Entry<>(artist, normalise(artist.name()), "", i++));
        }
        this.artists = List.copyOf(a);
        List<Entry<CataloguePlaylist>> p = new ArrayList<>();
        i = 0;
        for (CataloguePlaylist playlist : catalogue.playlists()) {
            p.add(new Entry<>(playlist, normalise(playlist.name()), normalise(playlist.id()), i++));
        }
        this.playlists = List.copyOf(p);
    }

    /** The catalogue searched. */
    public Catalogue catalogue() {
        return catalogue;
    }

    /**
     * Lower-case, without accents, words separated by single spaces, with a space in front so that
     * {@code contains(" " + word)} finds word starts.
     */
    static String normalise(String text) {
        String decomposed = Normalizer.normalize(text, Normalizer.Form.NFKD);
        String plain = MARKS.matcher(decomposed).replaceAll("").toLowerCase(Locale.ROOT);
        String words = SEPARATORS.matcher(plain).replaceAll(" ").trim();
        return words.isEmpty() ? "" : " " + words;
    }

    /**
     * @param query free text; an empty query after normalisation (only punctuation) matches nothing
     * @param limit the most results of each kind
     * @return tracks, artists and playlists that match, best first
     */
    public Result search(String query, int limit) {
        String q = normalise(query);
        if (q.isEmpty() || limit < 1) {
            return new Result(List.of(), List.of(), List.of());
        }
        String[] words = q.trim().split(" ");
        return new Result(best(tracks, q, words, limit), best(artists, q, words, limit),
                best(playlists, q, words, limit));
    }

    private static <T> List<T> best(List<Entry<T>> entries, String q, String[] words, int limit) {
        List<Hit<T>> hits = new ArrayList<>();
        for (Entry<T> e : entries) {
            int rank = rank(e, q, words);
            if (rank >= 0) {
                hits.add(new Hit<>(e.item(), rank, e.title(), e.order()));
            }
        }
        hits.sort(Comparator.<Hit<T>>comparingInt(Hit::rank).thenComparing(Hit::title)
                .thenComparingInt(Hit::order));
        return hits.stream().limit(limit).map(Hit::item).toList();
    }

    /** 0 exact title, 1 title starts with the query, 2 every word starts a title word, 3 with the secondary text. */
    private static int rank(Entry<?> e, String q, String[] words) {
        if (e.title().equals(q)) {
            return 0;
        }
        if (e.title().startsWith(q)) {
            return 1;
        }
        boolean inTitle = true;
        boolean inEither = true;
        for (String w : words) {
            String start = " " + w;
            boolean t = e.title().contains(start);
            inTitle &= t;
            inEither &= t || e.secondary().contains(start);
            if (!inEither) {
                return -1;
            }
        }
        return inTitle ? 2 : 3;
    }
}
