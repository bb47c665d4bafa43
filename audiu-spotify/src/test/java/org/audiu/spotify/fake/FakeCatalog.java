package org.audiu.spotify.fake;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.UUID;

/**
 * A generated, seeded Spotify world for the fake server: a catalogue of tracks by artists of a few genres, and one
 * listener ({@link #userId()}) with saved tracks, playlists (owned, collaborative, and followed ones Spotify refuses
 * to show), top artists and tracks per time range, and recent plays. Audio features follow each artist's genre plus
 * noise, so a listener's taste is learnable: half the saved tracks come from three genres that sound alike (of 18).
 *
 * <p>Immutable; the same {@link Spec} always gives the same world.
 */
public final class FakeCatalog {
    /** The listener's id. */
    public static final String USER_ID = "audiu-listener";
    /** The moment the world is generated at: saved dates and plays lie before it. */
    public static final Instant NOW = Instant.parse("2026-03-01T12:00:00Z");
    /** Genres of the catalogue; the listener prefers the first three. */
    public static final List<String> GENRES = List.of("indie", "jazz", "folk", "pop", "rock", "hip hop", "edm",
            "metal", "classical", "country", "reggae", "latin", "blues", "soul", "techno", "ambient", "punk", "r&b");

    private static final String BASE62 = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";
    private static final String[] SYLLABLES = {"la", "mi", "ro", "ka", "ve", "to", "sa", "nu", "el", "di", "an",
        "be", "po", "ri", "zo", "fe", "gu", "ha", "jo", "lu", "ne", "or", "ti", "ya", "ce", "mo", "ar", "si"};

    /**
     * Sizes of the world.
     *
     * @param popularity whether tracks and artists carry {@code popularity} (removed for development-mode apps in
     *                   February 2026: false by default)
     */
    public record Spec(long seed, int catalogueSize, int artists, int savedTracks, int ownedPlaylists,
                       int followedPlaylists, int recentPlays, boolean popularity, double reccoBeatsCoverage) {
        public Spec {
            if (savedTracks > catalogueSize / 2) {
                throw new IllegalArgumentException("savedTracks must be at most half the catalogue");
            }
        }

        /** 12,000 tracks, 2,150 saved (43 pages), 63 playlists (6 of them unreadable), 130 recent plays. */
        public static Spec defaults() {
            return new Spec(7, 12_000, 600, 2150, 55, 6, 130, false, 0.92);
        }

        /** A small world for quick tests. */
        public static Spec small() {
            return new Spec(7, 1200, 120, 260, 8, 2, 70, false, 0.92);
        }

        public Spec withSeed(long value) {
            return new Spec(value, catalogueSize, artists, savedTracks, ownedPlaylists, followedPlaylists,
                    recentPlays, popularity, reccoBeatsCoverage);
        }

        public Spec withPopularity(boolean value) {
            return new Spec(seed, catalogueSize, artists, savedTracks, ownedPlaylists, followedPlaylists,
                    recentPlays, value, reccoBeatsCoverage);
        }
    }

    /** An artist; {@code style} drives its tracks' sound, {@code genres} is what the API reports (often empty). */
    public record FakeArtist(String id, String name, String style, List<String> genres, int popularity) {
    }

    public record FakeAlbum(String id, String name, String releaseDate, String precision, String albumType) {
    }

    public record FakeTrack(String id, String name, List<FakeArtist> artists, FakeAlbum album, int durationMs,
                            boolean explicit, String isrc, int popularity, int trackNumber) {
        public int releaseYear() {
            return Integer.parseInt(album.releaseDate().substring(0, 4));
        }

        public String style() {
            return artists.get(0).style();
        }
    }

    /** What a playlist entry holds. */
    public enum EntryKind { TRACK, LOCAL, NULL, EPISODE }

    /** A playlist entry; {@code trackId} only for {@link EntryKind#TRACK}. */
    public record FakeEntry(EntryKind kind, String trackId, String label, Instant addedAt) {
    }

    /** Which fields the playlist-items endpoint fills: 2026's {@code item}, the old {@code track}, or both. */
    public enum ItemShape { ITEM_AND_TRACK, ITEM_ONLY, TRACK_ONLY }

    public record FakePlaylist(String id, String name, String ownerId, boolean collaborative, ItemShape shape,
                               List<FakeEntry> entries) {
        /** Spotify's 2026 rule: only owners and collaborators may read the items. */
        public boolean readableBy(String user) {
            return ownerId.equals(user) || collaborative;
        }
    }

    public record FakeSaved(String trackId, Instant addedAt) {
    }

    public record FakePlay(String trackId, Instant playedAt) {
    }

    private final Spec spec;
    private final List<FakeArtist> artists;
    private final List<FakeTrack> tracks;
    private final Map<String, FakeTrack> byId;
    private final Map<String, FakeArtist> artistsById;
    private final List<FakeSaved> saved;
    private final List<FakePlaylist> playlists;
    private final Map<String, List<String>> topArtists;
    private final Map<String, List<String>> topTracks;
    private final List<FakePlay> plays;
    private final Map<String, String> reccoIds;
    private final Map<String, String> spotifyIdsByRecco;
    private final Map<String, double[]> styleCentres;

    private FakeCatalog(Spec spec) {
        this.spec = spec;
        Random r = new Random(spec.seed());
        Set<String> ids = new HashSet<>();
        styleCentres = new HashMap<>();
        // The listener's three genres sound alike (quiet, acoustic, instrumental): a coherent, learnable taste.
        double[] taste = {0.3, 0.25, 0.15, 0.85, 0.75, 0.2, 0.3, 90, -14};
        for (int g = 0; g < GENRES.size(); g++) {
            double[] c = new double[9];
            for (int j = 0; j < 9; j++) {
                double scale = j == 7 ? 90 : j == 8 ? 12 : 1;
                c[j] = g < 3 ? taste[j] + r.nextGaussian() * 0.04 * scale
                        : j == 7 ? 70 + r.nextDouble() * 90 : j == 8 ? -4 - r.nextDouble() * 12 : r.nextDouble();
            }
            styleCentres.put(GENRES.get(g), c);
        }
        List<FakeArtist> as = new ArrayList<>();
        for (int i = 0; i < spec.artists(); i++) {
            String style = GENRES.get(i % GENRES.size());
            List<String> genres = r.nextDouble() < 0.4 ? List.of() : List.of(style);
            as.add(new FakeArtist(newId(r, ids), words(r, 1 + r.nextInt(2)), style, genres, r.nextInt(101)));
        }
        artists = List.copyOf(as);
        artistsById = new LinkedHashMap<>();
        artists.forEach(a -> artistsById.put(a.id(), a));
        List<FakeTrack> ts = new ArrayList<>();
        FakeAlbum album = null;
        FakeArtist albumArtist = null;
        int albumLeft = 0;
        for (int i = 0; i < spec.catalogueSize(); i++) {
            if (albumLeft == 0) {
                albumArtist = artists.get(r.nextInt(artists.size()));
                int year = 1960 + r.nextInt(66);
                String precision = switch (r.nextInt(10)) {
                    case 0 -> "year";
                    case 1 -> "month";
                    default -> "day";
                };
                String date = switch (precision) {
                    case "year" -> String.valueOf(year);
                    case "month" -> String.format(Locale.ROOT, "%d-%02d", year, 1 + r.nextInt(12));
                    default -> String.format(Locale.ROOT, "%d-%02d-%02d", year, 1 + r.nextInt(12), 1 + r.nextInt(28));
                };
                albumLeft = 1 + r.nextInt(12);
                album = new FakeAlbum(newId(r, ids), words(r, 2), date, precision, albumLeft == 1 ? "single" : "album");
            }
            List<FakeArtist> credit = new ArrayList<>();
            credit.add(albumArtist);
            if (r.nextDouble() < 0.15) {
                FakeArtist feat = artists.get(r.nextInt(artists.size()));
                if (!feat.equals(albumArtist)) {
                    credit.add(feat);
                }
            }
            ts.add(new FakeTrack(newId(r, ids), words(r, 1 + r.nextInt(3)), List.copyOf(credit), album,
                    120_000 + r.nextInt(240_000), r.nextDouble() < 0.1,
                    String.format(Locale.ROOT, "QZ%s%07d", "ES", i), r.nextInt(101), 1 + (12 - albumLeft)));
            albumLeft--;
        }
        tracks = List.copyOf(ts);
        byId = new LinkedHashMap<>();
        tracks.forEach(t -> byId.put(t.id(), t));

        Set<String> liked = Set.copyOf(GENRES.subList(0, 3));
        List<FakeTrack> likedPool = new ArrayList<>();
        List<FakeTrack> otherPool = new ArrayList<>();
        for (FakeTrack t : tracks) {
            (liked.contains(t.style()) ? likedPool : otherPool).add(t);
        }
        Collections.shuffle(likedPool, r);
        Collections.shuffle(otherPool, r);
        // Half the saved tracks from the liked genres, leaving enough of them unsaved to be recommended.
        int fromLiked = Math.min(likedPool.size() * 3 / 5, spec.savedTracks() / 2);
        List<FakeTrack> savedTracks = new ArrayList<>(likedPool.subList(0, fromLiked));
        savedTracks.addAll(otherPool.subList(0, spec.savedTracks() - fromLiked));
        Collections.shuffle(savedTracks, r);
        List<FakeSaved> sv = new ArrayList<>();
        Instant added = NOW.minus(Duration.ofHours(3));
        for (FakeTrack t : savedTracks) {
            sv.add(new FakeSaved(t.id(), added));
            added = added.minusSeconds(600 + r.nextInt(200_000));
        }
        saved = List.copyOf(sv);

        playlists = List.copyOf(playlists(r, savedTracks, ids));
        topArtists = new LinkedHashMap<>();
        topTracks = new LinkedHashMap<>();
        int[][] sizes = {{30, 40}, {75, 80}, {99, 110}};
        String[] ranges = {"short_term", "medium_term", "long_term"};
        List<FakeArtist> likedArtists = artists.stream().filter(a -> liked.contains(a.style())).toList();
        for (int i = 0; i < ranges.length; i++) {
            List<FakeArtist> pool = new ArrayList<>(likedArtists);
            Collections.shuffle(pool, r);
            topArtists.put(ranges[i], pool.stream().limit(sizes[i][0]).map(FakeArtist::id).toList());
            List<FakeTrack> tpool = new ArrayList<>(savedTracks);
            Collections.shuffle(tpool, r);
            topTracks.put(ranges[i], tpool.stream().limit(sizes[i][1]).map(FakeTrack::id).toList());
        }
        List<FakePlay> ps = new ArrayList<>();
        Instant played = NOW.minusSeconds(90);
        for (int i = 0; i < spec.recentPlays(); i++) {
            FakeTrack t = r.nextDouble() < 0.8 ? savedTracks.get(r.nextInt(savedTracks.size()))
                    : tracks.get(r.nextInt(tracks.size()));
            ps.add(new FakePlay(t.id(), played));
            played = played.minusMillis(60_000L + r.nextInt(400_000));
        }
        plays = List.copyOf(ps);
        reccoIds = new LinkedHashMap<>();
        spotifyIdsByRecco = new HashMap<>();
        for (FakeTrack t : tracks) {
            if (r.nextDouble() < spec.reccoBeatsCoverage()) {
                String recco = new UUID(r.nextLong(), r.nextLong()).toString();
                reccoIds.put(t.id(), recco);
                spotifyIdsByRecco.put(recco, t.id());
            }
        }
    }

    private List<FakePlaylist> playlists(Random r, List<FakeTrack> savedTracks, Set<String> ids) {
        List<FakePlaylist> out = new ArrayList<>();
        for (int i = 0; i < spec.ownedPlaylists(); i++) {
            int size = switch (i) {
                case 0 -> 130;
                case 1 -> 75;
                case 2 -> 60;
                default -> 5 + r.nextInt(21);
            };
            ItemShape shape = switch (i) {
                case 1 -> ItemShape.ITEM_ONLY;
                case 2 -> ItemShape.TRACK_ONLY;
                default -> ItemShape.ITEM_AND_TRACK;
            };
            out.add(new FakePlaylist(newId(r, ids), i == 0 ? "Road trip" : "Mix " + words(r, 1), USER_ID, false,
                    shape, entries(r, savedTracks, size, i == 0)));
        }
        for (int i = 0; i < 2; i++) {
            out.add(new FakePlaylist(newId(r, ids), "Shared with friends " + (i + 1), "friend-" + (i + 1), true,
                    ItemShape.ITEM_AND_TRACK, entries(r, savedTracks, 20 + r.nextInt(20), false)));
        }
        for (int i = 0; i < spec.followedPlaylists(); i++) {
            out.add(new FakePlaylist(newId(r, ids), "Followed " + words(r, 1), i % 2 == 0 ? "spotify" : "stranger",
                    false, ItemShape.ITEM_AND_TRACK, entries(r, new ArrayList<>(tracks), 30, false)));
        }
        Collections.shuffle(out, r);
        return out;
    }

    private List<FakeEntry> entries(Random r, List<FakeTrack> from, int size, boolean special) {
        List<FakeEntry> out = new ArrayList<>();
        Instant added = NOW.minus(Duration.ofDays(2));
        Set<String> used = new HashSet<>();
        while (out.size() < size) {
            EntryKind kind = EntryKind.TRACK;
            if (special && out.size() % 20 == 7) {
                kind = EntryKind.values()[1 + (out.size() / 20) % 3];
            } else if (!special && r.nextDouble() < 0.01) {
                kind = r.nextBoolean() ? EntryKind.NULL : EntryKind.LOCAL;
            }
            String trackId = null;
            if (kind == EntryKind.TRACK) {
                FakeTrack t = r.nextDouble() < 0.8 ? from.get(r.nextInt(from.size()))
                        : tracks.get(r.nextInt(tracks.size()));
                if (!used.add(t.id())) {
                    continue;
                }
                trackId = t.id();
            }
            out.add(new FakeEntry(kind, trackId, kind == EntryKind.TRACK ? null : words(r, 2), added));
            added = added.minusSeconds(3600 + r.nextInt(90_000));
        }
        return List.copyOf(out);
    }

    private static String newId(Random r, Set<String> taken) {
        while (true) {
            StringBuilder sb = new StringBuilder(22);
            for (int i = 0; i < 22; i++) {
                sb.append(BASE62.charAt(r.nextInt(62)));
            }
            if (taken.add(sb.toString())) {
                return sb.toString();
            }
        }
    }

    private static String words(Random r, int count) {
        List<String> ws = new ArrayList<>();
        for (int w = 0; w < count; w++) {
            StringBuilder sb = new StringBuilder();
            int syllables = 2 + r.nextInt(2);
            for (int s = 0; s < syllables; s++) {
                sb.append(SYLLABLES[r.nextInt(SYLLABLES.length)]);
            }
            ws.add(Character.toUpperCase(sb.charAt(0)) + sb.substring(1));
        }
        return String.join(" ", ws);
    }

    public static FakeCatalog generate(Spec spec) {
        return new FakeCatalog(Objects.requireNonNull(spec, "spec"));
    }

    public static FakeCatalog defaults() {
        return generate(Spec.defaults());
    }

    public Spec spec() { return spec; }
    public String userId() { return USER_ID; }
    public List<FakeTrack> tracks() { return tracks; }
    public List<FakeArtist> artists() { return artists; }
    public List<FakeSaved> saved() { return saved; }
    public List<FakePlaylist> playlists() { return playlists; }
    public List<FakePlay> plays() { return plays; }

    public Optional<FakeTrack> track(String id) {
        return Optional.ofNullable(byId.get(id));
    }

    public Optional<FakeArtist> artist(String id) {
        return Optional.ofNullable(artistsById.get(id));
    }

    public Optional<FakePlaylist> playlist(String id) {
        return playlists.stream().filter(p -> p.id().equals(id)).findFirst();
    }

    /** Top artist ids for {@code short_term}, {@code medium_term} or {@code long_term}, best first. */
    public List<String> topArtists(String range) {
        return topArtists.getOrDefault(range, List.of());
    }

    public List<String> topTracks(String range) {
        return topTracks.getOrDefault(range, List.of());
    }

    /** ReccoBeats' own id for a track it knows. */
    public Optional<String> reccoBeatsId(String spotifyId) {
        return Optional.ofNullable(reccoIds.get(spotifyId));
    }

    public Optional<String> spotifyIdOfRecco(String reccoId) {
        return Optional.ofNullable(spotifyIdsByRecco.get(reccoId));
    }

    /**
     * The 13 standard audio features of a track, deterministic: its genre's centre plus noise seeded by the id.
     */
    public Map<String, Double> audioFeatures(String trackId) {
        FakeTrack t = byId.get(trackId);
        if (t == null) {
            return Map.of();
        }
        double[] c = styleCentres.get(t.style());
        Random r = new Random(trackId.hashCode() * 31L + spec.seed());
        Map<String, Double> f = new LinkedHashMap<>();
        f.put("danceability", clamp(c[0] + r.nextGaussian() * 0.08));
        f.put("energy", clamp(c[1] + r.nextGaussian() * 0.08));
        f.put("key", (double) r.nextInt(12));
        f.put("loudness", c[8] + r.nextGaussian() * 1.5);
        f.put("mode", (double) r.nextInt(2));
        f.put("speechiness", clamp(c[2] * 0.4 + r.nextGaussian() * 0.04));
        f.put("acousticness", clamp(c[3] + r.nextGaussian() * 0.08));
        f.put("instrumentalness", clamp(c[4] + r.nextGaussian() * 0.08));
        f.put("liveness", clamp(c[5] * 0.5 + r.nextGaussian() * 0.05));
        f.put("valence", clamp(c[6] + r.nextGaussian() * 0.08));
        f.put("tempo", c[7] + r.nextGaussian() * 6);
        f.put("duration_ms", (double) t.durationMs());
        f.put("time_signature", r.nextDouble() < 0.9 ? 4.0 : 3.0);
        return f;
    }

    private static double clamp(double v) {
        return Math.max(0, Math.min(1, v));
    }

    // ---- expectations for tests ----

    /** Saved track ids, newest first, as the API pages them. */
    public List<String> savedTrackIds() {
        return saved.stream().map(FakeSaved::trackId).toList();
    }

    /** Playlists the listener may read (owned or collaborative), in API order. */
    public List<FakePlaylist> readablePlaylists() {
        return playlists.stream().filter(p -> p.readableBy(USER_ID)).toList();
    }

    /** Playlists Spotify answers 403 for. */
    public List<FakePlaylist> unreadablePlaylists() {
        return playlists.stream().filter(p -> !p.readableBy(USER_ID)).toList();
    }

    /** Entries of readable playlists of one kind. */
    public long readableEntries(EntryKind kind) {
        return readablePlaylists().stream().flatMap(p -> p.entries().stream()).filter(e -> e.kind() == kind).count();
    }

    /** Every distinct track id the listener's readable library mentions. */
    public Set<String> libraryTrackIds() {
        Set<String> ids = new LinkedHashSet<>(savedTrackIds());
        readablePlaylists().forEach(p -> p.entries().stream().filter(e -> e.kind() == EntryKind.TRACK)
                .forEach(e -> ids.add(e.trackId())));
        topTracks.values().forEach(ids::addAll);
        plays.forEach(p -> ids.add(p.trackId()));
        return ids;
    }
}
