package org.audiu.core.demo;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.OptionalLong;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.SplittableRandom;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;
import org.audiu.core.AudioFeatures;
import org.audiu.core.FeatureVector;
import org.audiu.core.ListenerLibrary;
import org.audiu.core.SavedTrack;
import org.audiu.core.Track;
import org.audiu.core.history.SongKeyHash;
import org.audiu.core.spi.candidates.Candidate;
import org.audiu.core.spi.candidates.NameHash;
import org.audiu.core.spi.candidates.TrackKeys;
import org.audiu.core.spi.candidates.SplittableCandidateSource;

/**
 * A seeded catalogue of any size that is never held in memory: track {@code i} is a pure function of the seed and
 * {@code i} (by artist: {@code tracksPerArtist} consecutive tracks share an artist, whose sound sits around one
 * genre's measured feature statistics, as in the demo catalogue), so the catalogue can be streamed again and again
 * in the same order, and any track can be rebuilt from its id. For benchmarks and tests of memory-bounded
 * recommendation over pools of millions. Immutable and thread-safe.
 */
public final class GeneratedCatalogue {
    /** Track ids are this prefix and the track's index. */
    public static final String ID_PREFIX = "gen";

    private final long size;
    private final long seed;
    private final int tracksPerArtist;

    public GeneratedCatalogue(long size, long seed, int tracksPerArtist) {
        if (size < 1) {
            throw new IllegalArgumentException("size must be >= 1, got " + size);
        }
        if (tracksPerArtist < 1) {
            throw new IllegalArgumentException("tracksPerArtist must be >= 1, got " + tracksPerArtist);
        }
        this.size = size;
        this.seed = seed;
        this.tracksPerArtist = tracksPerArtist;
    }

    public long size() {
        return size;
    }

    /** The id of track {@code index}. */
    public static String id(long index) {
        return ID_PREFIX + index;
    }

    /** The index of a track id of this catalogue, or empty. */
    public OptionalLong indexOf(String trackId) {
        if (!trackId.startsWith(ID_PREFIX) || trackId.length() == ID_PREFIX.length()) {
            return OptionalLong.empty();
        }
        try {
            long i = Long.parseLong(trackId.substring(ID_PREFIX.length()));
            return i >= 0 && i < size ? OptionalLong.of(i) : OptionalLong.empty();
        } catch (NumberFormatException e) {
            return OptionalLong.empty();
        }
    }

    /** Track {@code index} with its 13 standard audio features. */
    public Candidate candidate(long index) {
        if (index < 0 || index >= size) {
            throw new IndexOutOfBoundsException("track " + index + " of a catalogue of " + size);
        }
        return new Generator().candidate(index);
    }

    /** The genre of an artist. */
    public String genreOfArtist(long artist) {
        return profile(artist).genre();
    }

    /** A fresh sequential stream over every track, in index order, holding one artist's state at a time. */
    public Stream<Candidate> candidates() {
        return candidates(0, size);
    }

    /** Tracks {@code from} (inclusive) to {@code to} (exclusive), as {@link #candidates()} yields them. */
    public Stream<Candidate> candidates(long from, long to) {
        SplittableCandidateSource.checkRange(from, to, size);
        Generator generator = new Generator();
        Iterator<Candidate> it = new Iterator<>() {
            private long next = from;

            @Override
            public boolean hasNext() {
                return next < to;
            }

            @Override
            public Candidate next() {
                if (next >= to) {
                    throw new NoSuchElementException();
                }
                return generator.candidate(next++);
            }
        };
        return StreamSupport.stream(Spliterators.spliterator(it, to - from, Spliterator.ORDERED | Spliterator.SIZED
                | Spliterator.NONNULL | Spliterator.IMMUTABLE), false);
    }

    /**
     * A listener who saved every track of {@code artists} artists of one genre (the first such artists of the
     * catalogue), so their taste is learnable.
     */
    public ListenerLibrary listener(String genre, int artists) {
        List<SavedTrack> saved = new ArrayList<>();
        Instant when = Instant.parse("2026-01-01T00:00:00Z");
        long artistCount = (size + tracksPerArtist - 1) / tracksPerArtist;
        int found = 0;
        for (long a = 0; a < artistCount && found < artists; a++) {
            if (!profile(a).genre().equalsIgnoreCase(genre)) {
                continue;
            }
            found++;
            for (long i = a * tracksPerArtist; i < Math.min(size, (a + 1) * tracksPerArtist); i++) {
                saved.add(new SavedTrack(candidate(i).track(), when.minusSeconds(3600L * saved.size())));
            }
        }
        if (found == 0) {
            throw new IllegalArgumentException("No artist of genre '" + genre + "' among the " + artistCount
                    + " artists of this catalogue; genres: " + DemoCatalog.genres());
        }
        return new ListenerLibrary(saved, List.of(), Map.of(), Map.of(), List.of());
    }

    private static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    private GenreProfile profile(long artist) {
        long h = mix(seed ^ mix(artist + 0x5DEECE66DL));
        return GenreProfile.ALL[(int) Math.floorMod(h, (long) GenreProfile.ALL.length)];
    }

    /** Builds tracks; remembers the last artist's centre, so a sequential stream draws each artist once. */
    private final class Generator {
        private long artist = -1;
        private GenreProfile genre;
        private final double[] centre = new double[GenreProfile.FEATURES.length];
        private boolean major;
        private int year;
        /** The artist's name and the last album's (ten tracks each), built once, not per track. */
        private String artistName;
        private long album = -1;
        private String albumName;
        /** Their name hashes ({@link TrackKeys}), also once per artist and album. */
        private long[] artistHashes;
        private long artistSongPart;
        private long albumHash;

        private void artist(long a) {
            if (a == artist) {
                return;
            }
            artist = a;
            artistName = "Generated Artist " + a;
            artistHashes = new long[] {NameHash.of(artistName)};
            artistSongPart = SongKeyHash.artistPart(artistName);
            album = -1;
            genre = profile(a);
            SplittableRandom r = new SplittableRandom(mix(seed * 31 + a));
            for (int i = 0; i < centre.length; i++) {
                centre[i] = genre.mean()[i] + 0.6 * genre.sd()[i] * r.nextGaussian();
            }
            major = r.nextDouble() < genre.majorShare();
            year = genre.firstYear() + r.nextInt(genre.lastYear() - genre.firstYear() + 1);
        }

        Candidate candidate(long index) {
            artist(index / tracksPerArtist);
            SplittableRandom r = new SplittableRandom(mix(seed ^ mix(index)));
            double[] f = new double[centre.length];
            for (int i = 0; i < f.length; i++) {
                f[i] = centre[i] + 0.55 * genre.sd()[i] * r.nextGaussian();
            }
            double duration = Math.round(clamp(f[9], 70_000, 600_000));
            double mode = r.nextDouble() < 0.8 ? (major ? 1 : 0) : (major ? 0 : 1);
            double[] standard = {clamp(f[0], 0, 1), clamp(f[1], 0, 1), r.nextInt(12), clamp(f[2], -45, 0), mode,
                clamp(f[3], 0, 1), clamp(f[4], 0, 1), clamp(f[5], 0, 1), clamp(f[6], 0, 1), clamp(f[7], 0, 1),
                clamp(f[8], 55, 210), duration, r.nextDouble() < 0.9 ? 4 : 3};
            int trackYear = (int) clamp(year + r.nextInt(11) - 5, genre.firstYear(), genre.lastYear());
            long albumOfTrack = (index % tracksPerArtist) / 10;
            if (albumOfTrack != album) {
                album = albumOfTrack;
                albumName = "Generated Album " + artist + "-" + albumOfTrack;
                albumHash = NameHash.of(artistName, albumName);
            }
            String number = Long.toString(index);
            Track track = Track.builder(ID_PREFIX.concat(number), "Generated Song ".concat(number))
                    .artists(artistName)
                    .album(albumName)
                    .releaseYear(trackYear).durationMs((long) duration)
                    .popularity(Math.round(clamp(f[10], 0, 100))).genre(genre.genre()).build();
            return Candidate.of(track, new FeatureVector(AudioFeatures.STANDARD, standard),
                    TrackKeys.of(track, artistHashes, albumHash, artistSongPart));
        }
    }

    private static double clamp(double v, double lo, double hi) {
        return Math.max(lo, Math.min(hi, v));
    }
}
