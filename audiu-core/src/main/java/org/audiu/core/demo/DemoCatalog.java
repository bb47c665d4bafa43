package org.audiu.core.demo;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.audiu.core.AudioFeatures;
import org.audiu.core.FeatureVector;
import org.audiu.core.Track;

/**
 * A generated, seeded catalogue of 6,000 tracks: 10 genres x 30 artists x 20 tracks. Each artist has a sound of its
 * own around its genre's measured feature statistics, and each track varies around its artist, so taste is learnable
 * the way it is on real data. The same seed always gives the same catalogue.
 */
public final class DemoCatalog {
    static final int ARTISTS_PER_GENRE = 30;
    static final int TRACKS_PER_ARTIST = 20;

    private static final String[] ADJECTIVES = {"Velvet", "Golden", "Midnight", "Electric", "Silent", "Crimson",
        "Neon", "Hollow", "Wild", "Blue", "Paper", "Silver", "Broken", "Lunar", "Quiet", "Burning", "Frozen",
        "Sweet", "Distant", "Restless", "Gentle", "Heavy", "Shining", "Little", "Endless", "Faded", "Lucky", "Open"};
    private static final String[] NOUNS = {"Horizon", "River", "Heart", "Engine", "Garden", "Mirror", "Highway",
        "Ocean", "Shadow", "Window", "Lantern", "Harbor", "Echo", "Signal", "Fever", "Canyon", "Comet", "Meadow",
        "Circuit", "Season", "Thunder", "Promise", "Avenue", "Orchard", "Satellite", "Ember", "Tide", "Letter"};
    private static final String[] FIRST = {"Ava", "Miles", "Nina", "Otis", "Lena", "Ray", "Iris", "Hugo", "Mara",
        "Theo", "Cleo", "Jonas", "Etta", "Felix", "Rosa", "Abel", "Juno", "Silas", "Vera", "Caleb", "Noor", "Ezra"};
    private static final String[] LAST = {"Hart", "Vance", "Moreau", "Okafor", "Lindqvist", "Reyes", "Kowalski",
        "Tanaka", "Baptiste", "Hale", "Marlowe", "Adeyemi", "Sorensen", "Castillo", "Novak", "Quinn", "Achebe"};

    private final List<DemoTrack> tracks;
    private final Map<String, DemoTrack> byId;

    private DemoCatalog(List<DemoTrack> tracks) {
        this.tracks = List.copyOf(tracks);
        Map<String, DemoTrack> map = new LinkedHashMap<>();
        tracks.forEach(t -> map.put(t.track().id(), t));
        this.byId = Collections.unmodifiableMap(map);
    }

    /** A track of the catalogue with its standard audio features. */
    public record DemoTrack(Track track, FeatureVector features) {
    }

    public static DemoCatalog generate(long seed) {
        Random random = new Random(seed);
        List<DemoTrack> out = new ArrayList<>();
        Set<String> usedArtistNames = new HashSet<>();
        Set<String> usedIds = new HashSet<>();
        for (GenreProfile genre : GenreProfile.ALL) {
            for (int a = 0; a < ARTISTS_PER_GENRE; a++) {
                String artist = uniqueArtistName(random, usedArtistNames);
                int n = GenreProfile.FEATURES.length;
                double[] centre = new double[n];
                for (int i = 0; i < n; i++) {
                    centre[i] = genre.mean()[i] + 0.6 * genre.sd()[i] * random.nextGaussian();
                }
                boolean artistMajor = random.nextDouble() < genre.majorShare();
                int artistYear = genre.firstYear() + random.nextInt(genre.lastYear() - genre.firstYear() + 1);
                String album = ADJECTIVES[random.nextInt(ADJECTIVES.length)] + " " + NOUNS[random.nextInt(NOUNS.length)];
                Set<String> titles = new HashSet<>();
                for (int k = 0; k < TRACKS_PER_ARTIST; k++) {
                    double[] f = new double[n];
                    for (int i = 0; i < n; i++) {
                        f[i] = centre[i] + 0.55 * genre.sd()[i] * random.nextGaussian();
                    }
                    out.add(track(random, usedIds, titles, genre, artist, album, artistMajor, artistYear, f));
                }
            }
        }
        return new DemoCatalog(out);
    }

    private static DemoTrack track(Random random, Set<String> usedIds, Set<String> titles, GenreProfile genre,
                                   String artist,
                                   String album, boolean artistMajor, int artistYear, double[] f) {
        String id;
        do {
            id = "demo" + Long.toString(Math.abs(random.nextLong()) % 2_176_782_336L, 36);
        } while (!usedIds.add(id));
        String name;
        do {
            name = ADJECTIVES[random.nextInt(ADJECTIVES.length)] + " " + NOUNS[random.nextInt(NOUNS.length)];
        } while (!titles.add(name)); // an artist never has two songs of the same title
        double tempo = clamp(f[8], 55, 210);
        double duration = clamp(f[9], 70_000, 600_000);
        double popularity = clamp(f[10], 0, 100);
        int year = (int) clamp(artistYear + random.nextInt(11) - 5, genre.firstYear(), genre.lastYear());
        double mode = random.nextDouble() < 0.8 ? (artistMajor ? 1 : 0) : (artistMajor ? 0 : 1);
        double[] standard = {
            clamp01(f[0]), clamp01(f[1]), random.nextInt(12), clamp(f[2], -45, 0), mode, clamp01(f[3]),
            clamp01(f[4]), clamp01(f[5]), clamp01(f[6]), clamp01(f[7]), tempo, Math.round(duration),
            random.nextDouble() < 0.9 ? 4 : 3};
        Track track = Track.builder(id, name).artists(artist).album(album).releaseYear(year)
                .durationMs(Math.round(duration)).explicit(genre.genre().equals("Rap") && random.nextDouble() < 0.5)
                .popularity(Math.round(popularity)).genre(genre.genre()).build();
        return new DemoTrack(track, new FeatureVector(AudioFeatures.STANDARD, standard));
    }

    private static String uniqueArtistName(Random random, Set<String> used) {
        String name;
        do {
            name = switch (random.nextInt(3)) {
                case 0 -> FIRST[random.nextInt(FIRST.length)] + " " + LAST[random.nextInt(LAST.length)];
                case 1 -> "The " + NOUNS[random.nextInt(NOUNS.length)] + "s";
                default -> ADJECTIVES[random.nextInt(ADJECTIVES.length)] + " " + NOUNS[random.nextInt(NOUNS.length)];
            };
        } while (!used.add(name));
        return name;
    }

    private static double clamp01(double v) {
        return clamp(v, 0, 1);
    }

    private static double clamp(double v, double lo, double hi) {
        return Math.max(lo, Math.min(hi, v));
    }

    public List<DemoTrack> tracks() {
        return tracks;
    }

    public Map<String, DemoTrack> byId() {
        return byId;
    }

    /** The genre names, in catalogue order. */
    public static List<String> genres() {
        List<String> out = new ArrayList<>();
        for (GenreProfile g : GenreProfile.ALL) {
            out.add(g.genre());
        }
        return out;
    }
}
