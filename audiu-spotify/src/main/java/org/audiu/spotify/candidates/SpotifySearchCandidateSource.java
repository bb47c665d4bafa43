package org.audiu.spotify.candidates;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Random;
import java.util.stream.Stream;
import org.audiu.core.Track;
import org.audiu.core.spi.candidates.Candidate;
import org.audiu.core.spi.candidates.CandidateSource;
import org.audiu.spotify.api.SpotifyWebClient;
import org.audiu.spotify.api.TrackMapper;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import se.michaelthelin.spotify.model_objects.specification.Paging;

/**
 * A random, seeded sample of Spotify's catalogue through search, within 2026's limits (10 results per request,
 * offset at most 1000): queries are random two-letter prefixes, {@code genre:"..."} and {@code year:...} at random
 * offsets; an empty page of a query with fewer results is retried once at a reachable offset. Results are
 * deduplicated; at most {@code budget} requests are made. The sample is taken once, on first use, and every
 * {@link #candidates()} call streams the same tracks in the same order.
 */
public final class SpotifySearchCandidateSource implements CandidateSource {
    /** Search's largest page since February 2026. */
    public static final int LIMIT = 10;
    /** Search's largest offset. */
    public static final int MAX_OFFSET = 1000;
    /** Genres queried when none are configured. */
    public static final List<String> DEFAULT_GENRES = List.of("pop", "rock", "hip hop", "jazz", "classical",
            "electronic", "metal", "folk", "r&b", "country", "reggae", "latin", "indie", "blues", "soul", "techno",
            "ambient", "punk", "funk", "house", "k-pop", "afrobeat", "gospel", "disco");

    private static final Logger LOG = LoggerFactory.getLogger(SpotifySearchCandidateSource.class);
    private static final String LETTERS = "abcdefghijklmnopqrstuvwxyz";

    /**
     * @param budget at most this many search requests
     * @param size   stop once this many distinct tracks are found
     */
    public record Settings(int budget, int size, List<String> genres, int fromYear, int toYear, long seed) {
        public Settings {
            if (budget < 1 || size < 1) {
                throw new IllegalArgumentException("budget and size must be >= 1");
            }
            genres = List.copyOf(Objects.requireNonNull(genres, "genres"));
            if (fromYear > toYear) {
                throw new IllegalArgumentException("fromYear " + fromYear + " is after toYear " + toYear);
            }
        }
    }

    private final SpotifyWebClient client;
    private final Settings settings;
    private List<Candidate> pool;

    public SpotifySearchCandidateSource(SpotifyWebClient client, Settings settings) {
        this.client = Objects.requireNonNull(client, "client");
        this.settings = Objects.requireNonNull(settings, "settings");
    }

    @Override
    public Stream<Candidate> candidates() {
        return sample().stream();
    }

    /** The sample (searched on the first call). */
    public synchronized List<Candidate> sample() {
        if (pool == null) {
            pool = List.copyOf(search());
        }
        return pool;
    }

    private List<Candidate> search() {
        Random random = new Random(settings.seed());
        Map<String, Candidate> found = new LinkedHashMap<>();
        int requests = 0;
        int repeats = 0;
        while (requests < settings.budget() && found.size() < settings.size()) {
            String query = nextQuery(random);
            int offset = random.nextInt(MAX_OFFSET / LIMIT) * LIMIT;
            Paging<se.michaelthelin.spotify.model_objects.specification.Track> page = page(query, offset);
            requests++;
            Integer total = page == null ? null : page.getTotal();
            if (isEmpty(page) && total != null && total > 0 && requests < settings.budget()) {
                int reachable = Math.min(total, MAX_OFFSET);
                int retryOffset = random.nextInt((reachable + LIMIT - 1) / LIMIT) * LIMIT;
                page = page(query, retryOffset);
                requests++;
            }
            if (isEmpty(page)) {
                continue;
            }
            for (var item : page.getItems()) {
                Optional<Track> track = TrackMapper.track(item);
                if (track.isPresent() && found.putIfAbsent(track.get().id(), Candidate.of(track.get())) != null) {
                    repeats++;
                }
            }
            if (requests % 25 == 0) {
                LOG.info("Spotify search: {} distinct tracks after {} of at most {} requests", found.size(), requests,
                        settings.budget());
            }
        }
        LOG.info("Spotify search sample: {} distinct tracks from {} requests ({} repeats dropped)", found.size(),
                requests, repeats);
        return new ArrayList<>(found.values());
    }

    private Paging<se.michaelthelin.spotify.model_objects.specification.Track> page(String query, int offset) {
        return client.execute("searching tracks for '" + query + "' at offset " + offset,
                a -> a.searchTracks(query).limit(LIMIT).offset(offset).build());
    }

    private static boolean isEmpty(Paging<?> page) {
        return page == null || page.getItems() == null || page.getItems().length == 0;
    }

    private String nextQuery(Random random) {
        int kind = random.nextInt(settings.genres().isEmpty() ? 2 : 3);
        return switch (kind) {
            case 0 -> "" + LETTERS.charAt(random.nextInt(26)) + LETTERS.charAt(random.nextInt(26));
            case 1 -> "year:" + (settings.fromYear() + random.nextInt(settings.toYear() - settings.fromYear() + 1));
            default -> "genre:\"" + settings.genres().get(random.nextInt(settings.genres().size()))
                    .toLowerCase(Locale.ROOT) + "\"";
        };
    }

    @Override
    public String toString() {
        return "SpotifySearchCandidateSource[" + client.apiUrl() + ", " + settings + "]";
    }
}
