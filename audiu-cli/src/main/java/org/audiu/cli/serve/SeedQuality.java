package org.audiu.cli.serve;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Random;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.audiu.core.Recommendation;
import org.audiu.core.Track;
import org.audiu.core.catalogue.Catalogue;
import org.audiu.core.catalogue.CatalogueArtist;
import org.audiu.core.catalogue.CataloguePlaylist;
import org.audiu.core.catalogue.CatalogueTrack;

/**
 * How well the web page's seeds work, as one evaluation figure per kind of seed: the <em>genre agreement</em> of the
 * recommendations, the share of them whose genre label is the seeds' own (the majority genre of the seed tracks). The
 * recommender never sees the labels, so the figure says whether "more like these" stays in the seeds' style. Kinds:
 * one artist, one track, five tracks of one genre (five artists), one catalogue playlist. The seeds are drawn at
 * random from the catalogue (seeded), so the same seed gives the same figure.
 */
public final class SeedQuality {
    /** The kinds of seed measured, in report order. */
    public static final List<String> KINDS = List.of("one artist", "one track", "five tracks of one genre",
            "one playlist");

    private final Catalogue catalogue;
    private final SeedRecommender recommender;

    /** Agreement over the probes of one kind. */
    /**
     * @param offGenreLists share of the probes whose list has at most one track in the seeds' genre ("a Blues artist
     *                      seed: 0 of 10 Blues")
     */
    public record KindResult(String kind, int probes, double genreAgreement, double offGenreLists,
                             double distinctScoreShare, Map<String, Long> methods, double meanMillis) {
        public KindResult {
            methods = Map.copyOf(methods);
        }
    }

    /** The figures of every kind that the catalogue allows (a catalogue without playlists has no playlist row). */
    public record Report(int k, int probesPerKind, long seed, List<KindResult> kinds) {
        public Report {
            kinds = List.copyOf(kinds);
        }

        public Optional<KindResult> kind(String name) {
            return kinds.stream().filter(r -> r.kind().equals(name)).findFirst();
        }
    }

    public SeedQuality(Catalogue catalogue, SeedRecommender recommender) {
        this.catalogue = Objects.requireNonNull(catalogue, "catalogue");
        this.recommender = Objects.requireNonNull(recommender, "recommender");
    }

    /**
     * @param k      recommendations per probe
     * @param probes probes per kind (fewer when the catalogue has fewer artists, tracks or playlists)
     * @param seed   draws the probes
     */
    public Report measure(int k, int probes, long seed) {
        if (k < 1 || probes < 1) {
            throw new IllegalArgumentException("k and probes must be >= 1, got " + k + " and " + probes);
        }
        Random random = new Random(seed);
        List<CatalogueArtist> artists = new ArrayList<>(catalogue.artists().stream()
                .filter(a -> majorityGenre(tracksOf(a.trackIds())).isPresent()).toList());
        List<CatalogueTrack> tracks = new ArrayList<>(catalogue.tracks().stream()
                .filter(t -> t.track().genre().isPresent()).toList());
        List<CataloguePlaylist> playlists = new ArrayList<>(catalogue.playlists().stream()
                .filter(p -> majorityGenre(tracksOf(p.trackIds())).isPresent()).toList());
        Collections.shuffle(artists, random);
        Collections.shuffle(tracks, random);
        Collections.shuffle(playlists, random);
        List<KindResult> out = new ArrayList<>();
        out.add(run(KINDS.get(0), artists.stream().limit(probes)
                .map(a -> new Seeds(List.of(), List.of(a), Optional.empty())).toList(), k));
        out.add(run(KINDS.get(1), tracks.stream().limit(probes)
                .map(t -> new Seeds(List.of(t), List.of(), Optional.empty())).toList(), k));
        out.add(run(KINDS.get(2), fiveOfOneGenre(tracks, probes, random), k));
        if (!playlists.isEmpty()) {
            out.add(run(KINDS.get(3), playlists.stream().limit(probes)
                    .map(p -> new Seeds(List.of(), List.of(), Optional.of(p))).toList(), k));
        }
        return new Report(k, probes, seed, out);
    }

    /** Five tracks of one genre by five different artists, the genre drawn at random per probe. */
    private List<Seeds> fiveOfOneGenre(List<CatalogueTrack> shuffled, int probes, Random random) {
        Map<String, List<CatalogueTrack>> byGenre = new LinkedHashMap<>();
        for (CatalogueTrack t : shuffled) {
            byGenre.computeIfAbsent(t.track().genre().orElseThrow(), g -> new ArrayList<>()).add(t);
        }
        List<String> genres = byGenre.entrySet().stream()
                .filter(e -> e.getValue().stream().map(t -> t.track().mainArtist()).distinct().count() >= 5)
                .map(Map.Entry::getKey).sorted().toList();
        List<Seeds> out = new ArrayList<>();
        for (int p = 0; p < probes && !genres.isEmpty(); p++) {
            List<CatalogueTrack> pool = new ArrayList<>(byGenre.get(genres.get(random.nextInt(genres.size()))));
            Collections.shuffle(pool, random);
            Map<String, CatalogueTrack> oneEach = new LinkedHashMap<>();
            for (CatalogueTrack t : pool) {
                if (oneEach.size() < 5) {
                    oneEach.putIfAbsent(t.track().mainArtist(), t);
                }
            }
            out.add(new Seeds(List.copyOf(oneEach.values()), List.of(), Optional.empty()));
        }
        return out;
    }

    private KindResult run(String kind, List<Seeds> probes, int k) {
        double agreement = 0;
        double distinct = 0;
        int offGenre = 0;
        long millis = 0;
        Map<String, Long> methods = new HashMap<>();
        int measured = 0;
        for (Seeds seeds : probes) {
            List<String> ids = seeds.trackIds(Integer.MAX_VALUE);
            Optional<String> genre = majorityGenre(tracksOf(ids));
            if (genre.isEmpty()) {
                continue;
            }
            SeedRecommender.Run run = recommender.recommend(seeds, k);
            List<Recommendation> recs = run.recommendations();
            if (recs.isEmpty()) {
                continue;
            }
            long same = recs.stream().filter(r -> r.track().genre().filter(genre.get()::equals).isPresent()).count();
            agreement += (double) same / recs.size();
            offGenre += same <= 1 ? 1 : 0;
            distinct += (double) recs.stream().map(r -> String.format(java.util.Locale.ROOT, "%.3f",
                    r.rankingScore())).distinct().count() / recs.size();
            methods.merge(run.method().name(), 1L, Long::sum);
            millis += run.millis();
            measured++;
        }
        return new KindResult(kind, measured, measured == 0 ? Double.NaN : agreement / measured,
                measured == 0 ? Double.NaN : (double) offGenre / measured, measured == 0 ? Double.NaN : distinct / measured, methods,
                measured == 0 ? Double.NaN : (double) millis / measured);
    }

    private List<Track> tracksOf(List<String> ids) {
        return ids.stream().map(catalogue::track).flatMap(Optional::stream).map(CatalogueTrack::track).toList();
    }

    /** The most frequent genre label of the tracks (ties: the first in name order), or empty without labels. */
    static Optional<String> majorityGenre(List<Track> tracks) {
        Map<String, Long> counts = tracks.stream().map(Track::genre).flatMap(Optional::stream)
                .collect(Collectors.groupingBy(Function.identity(), java.util.TreeMap::new, Collectors.counting()));
        return counts.entrySet().stream().max(Map.Entry.<String, Long>comparingByValue()
                .thenComparing(Map.Entry.comparingByKey(java.util.Comparator.reverseOrder()))).map(Map.Entry::getKey);
    }
}
