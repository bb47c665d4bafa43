package org.audiu.core.discovery;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.SplittableRandom;
import org.audiu.core.Artist;
import org.audiu.core.FeatureSchema;
import org.audiu.core.ListenerLibrary;
import org.audiu.core.Track;
import org.audiu.core.TrackPlays;
import org.audiu.core.eval.playlist.EvaluationCatalogue;
import org.audiu.core.recommender.ArtistCap;
import org.audiu.core.recommender.CappedTopK;
import org.audiu.core.recommender.TopK;
import org.audiu.core.recommender.TrainedRecommender;
import org.audiu.core.spi.listener.ListenerContext;
import org.audiu.core.spi.training.LabelledData;
import org.audiu.core.spi.training.LabelledExample;
import org.audiu.core.spi.training.TrainedModel;
import org.audiu.core.spi.training.Trainer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The second stage for a listener with a listening history: a ranker learned from that listener's own past
 * discoveries, then applied to the whole history.
 * <ol>
 *   <li>The history is cut at {@link DiscoverySettings#innerSplit()} of its span. The songs first played after the
 *       cut that the catalogue has and the listener did not know before it are the positives; catalogue tracks
 *       sampled from the rest are the negatives.</li>
 *   <li>Each candidate's features ({@link #COLUMNS}) come from the plays before the cut only: the plays, songs and
 *       early skips of its best-known artist (every play counts, matched to the catalogue or not), its popularity,
 *       the cosine of its sound to the library's, and its rank in the single-stage engine's list trained on those
 *       plays alone.</li>
 *   <li>The configured trainer learns the weights; the same features from the whole history rank the catalogue,
 *       under the artist cap, with the library, its songs and banned artists left out.</li>
 * </ol>
 * Nothing after the cut reaches the features it is trained on, and nothing of an evaluation's held-out period
 * reaches the ranker at all: it sees only the library it is given. Play counts are per song over the whole library
 * given (a song first played before the cut counts all its plays), which is what the library keeps.
 */
public final class DiscoveryRanker {
    /** The ranker's features, in order. */
    public static final List<String> COLUMNS = List.of("popularity", "artist_plays", "artist_known", "artist_songs",
            "artist_early_skips", "audio_similarity", "stage_one");
    private static final Logger LOG = LoggerFactory.getLogger(DiscoveryRanker.class);
    private static final int BATCH = 4096;

    /** The single-stage engine's top track ids for a library, best first (at most {@code depth}). */
    @FunctionalInterface
    public interface StageOne {
        List<String> top(ListenerLibrary library, int depth);

        /** No first stage: the feature is 0 for every candidate. */
        StageOne NONE = (library, depth) -> List.of();
    }

    /** One ranked catalogue track: its position, its score and why. */
    public record Ranked(int index, Track track, double score, String reason) {
    }

    /**
     * The ranking, or empty {@code ranked} with {@code fallbackReason} when the history cannot train the ranker.
     *
     * @param positives songs first discovered after the inner cut (the positive training rows)
     * @param perArtist the artist cap the list was made under
     */
    public record Result(List<Ranked> ranked, int positives, int negatives, int perArtist, String fallbackReason) {
        public Result {
            ranked = List.copyOf(ranked);
        }

        public boolean ranks() {
            return fallbackReason == null;
        }
    }

    private final EvaluationCatalogue catalogue;
    private final Trainer trainer;
    private final DiscoverySettings settings;

    public DiscoveryRanker(EvaluationCatalogue catalogue, Trainer trainer, DiscoverySettings settings) {
        this.catalogue = Objects.requireNonNull(catalogue, "catalogue");
        this.trainer = Objects.requireNonNull(trainer, "trainer");
        this.settings = Objects.requireNonNull(settings, "settings");
    }

    /**
     * Learns from the library's history and ranks the catalogue for it.
     *
     * @param perArtist at most this many tracks of one artist (the engine's cap)
     */
    public Result rank(ListenerLibrary library, StageOne stageOne, int n, int perArtist, long seed) {
        if (n < 1) {
            throw new IllegalArgumentException("n must be >= 1, got " + n);
        }
        List<TrackPlays> history = library.playHistory();
        if (history.isEmpty()) {
            return new Result(List.of(), 0, 0, 0, "the library has no listening history");
        }
        long first = Long.MAX_VALUE;
        long last = Long.MIN_VALUE;
        for (TrackPlays p : history) {
            first = Math.min(first, p.firstPlayedMs());
            last = Math.max(last, p.lastPlayedMs());
        }
        long cut = first + (long) ((last - first) * settings.innerSplit());
        List<TrackPlays> before = history.stream().filter(p -> p.firstPlayedMs() < cut).toList();
        ListenerLibrary innerLibrary = ListenerLibrary.ofHistory(before);
        boolean[] knownBefore = catalogue.excluded(innerLibrary);
        Set<Integer> positives = new HashSet<>();
        for (TrackPlays p : history) {
            int i = catalogue.indexOf(p.track().id());
            if (p.firstPlayedMs() >= cut && i >= 0 && !knownBefore[i]) {
                positives.add(i);
            }
        }
        if (positives.size() < settings.minPositives() || before.isEmpty()) {
            return new Result(List.of(), positives.size(), 0, 0, positives.size() + " catalogue songs first played in "
                    + "the last " + Math.round((1 - settings.innerSplit()) * 100) + "% of the history (at least "
                    + settings.minPositives() + " are needed to learn from, ranker.min-positives)");
        }
        double[][] innerRows = rows(innerLibrary, before, knownBefore,
                stageOne.top(innerLibrary, settings.stageOneDepth()));
        List<LabelledExample> examples = new ArrayList<>();
        List<Integer> pos = positives.stream().sorted().toList();
        for (int i : pos) {
            examples.add(new LabelledExample(catalogue.track(i).id(), innerRows[i], TrainedRecommender.LIKED, 1.0,
                    ""));
        }
        int[] negatives = sampleNegatives(knownBefore, positives, pos.size() * settings.negativesPerPositive(), seed);
        double negativeWeight = (double) pos.size() / negatives.length;
        for (int i : negatives) {
            examples.add(new LabelledExample(catalogue.track(i).id(), innerRows[i], TrainedRecommender.OTHER,
                    negativeWeight, ""));
        }
        TrainedModel model = trainer.train(new LabelledData(new FeatureSchema(COLUMNS), examples));
        LOG.info("Discovery ranker trained on {} songs first played after {} of the history and {} other tracks",
                pos.size(), settings.innerSplit(), negatives.length);

        int cap = perArtist;
        boolean[] excluded = excluded(library);
        ArtistEvidence evidence = ArtistEvidence.of(history);
        List<String> top = stageOne.top(library, settings.stageOneDepth());
        double[][] all = rows(library, history, excluded, top);
        CappedTopK<Integer> best = best(model, all, excluded, n, cap);
        Map<String, Integer> stageRank = new HashMap<>();
        for (int r = 0; r < top.size(); r++) {
            stageRank.putIfAbsent(top.get(r), r + 1);
        }
        List<Ranked> ranked = new ArrayList<>();
        for (TopK.Scored<Integer> s : best.sortedDescending()) {
            ranked.add(new Ranked(s.item(), catalogue.track(s.item()), s.score(), reason(catalogue.track(s.item()), evidence,
                    catalogue.popularity(s.item()), stageRank.get(catalogue.track(s.item()).id()))));
        }
        return new Result(ranked, pos.size(), negatives.length, cap, null);
    }

    /** The best {@code n} rows by the model's probability, at most {@code cap} per artist. */
    private CappedTopK<Integer> best(TrainedModel model, double[][] rows, boolean[] excluded, int n, int cap) {
        CappedTopK<Integer> best = new CappedTopK<>(n, cap, i -> ArtistCap.groupOf(catalogue.track(i)));
        List<Integer> batch = new ArrayList<>(BATCH);
        for (int i = 0; i < rows.length; i++) {
            if (!excluded[i]) {
                batch.add(i);
            }
            if (batch.size() == BATCH || (i == rows.length - 1 && !batch.isEmpty())) {
                double[][] b = new double[batch.size()][];
                for (int j = 0; j < b.length; j++) {
                    b[j] = rows[batch.get(j)];
                }
                double[] p = model.probabilityOf(TrainedRecommender.LIKED, b);
                for (int j = 0; j < b.length; j++) {
                    int index = batch.get(j);
                    best.offer(index, p[j], catalogue.track(index).id());
                }
                batch.clear();
            }
        }
        return best;
    }

    /** The library's tracks and songs, and every track by a banned artist. */
    private boolean[] excluded(ListenerLibrary library) {
        boolean[] out = catalogue.excluded(library);
        Set<String> banned = new HashSet<>();
        for (Artist a : library.bannedArtists()) {
            banned.add(ListenerContext.normalise(a.name()));
        }
        if (!banned.isEmpty()) {
            for (int i = 0; i < out.length; i++) {
                if (!out[i]) {
                    for (String a : ArtistEvidence.keys(catalogue.track(i))) {
                        if (banned.contains(a)) {
                            out[i] = true;
                            break;
                        }
                    }
                }
            }
        }
        return out;
    }

    /** Feature rows of every catalogue track (null where excluded) as these plays describe it. */
    private double[][] rows(ListenerLibrary library, List<TrackPlays> plays, boolean[] excluded,
                            List<String> stageOneTop) {
        ArtistEvidence evidence = ArtistEvidence.of(plays);
        double[] centre = audioCentre(library);
        double centreNorm = Math.sqrt(dot(centre, centre));
        Map<String, Integer> stageRank = new HashMap<>();
        for (int r = 0; r < stageOneTop.size(); r++) {
            stageRank.putIfAbsent(stageOneTop.get(r), r);
        }
        int depth = Math.max(1, settings.stageOneDepth());
        double[][] out = new double[catalogue.size()][];
        for (int i = 0; i < out.length; i++) {
            if (excluded[i]) {
                continue;
            }
            Track t = catalogue.track(i);
            ArtistEvidence.ArtistPlays a = evidence.strongest(t);
            double[] audio = catalogue.audio(i);
            double norm = Math.sqrt(dot(audio, audio));
            Integer rank = stageRank.get(t.id());
            out[i] = new double[] {
                catalogue.popularity(i) / 100.0,
                a == null ? 0 : Math.log1p(a.plays()),
                a == null ? 0 : 1,
                a == null ? 0 : Math.log1p(a.songs()),
                a == null ? 0 : a.earlySkipRate(),
                norm == 0 || centreNorm == 0 ? 0 : dot(audio, centre) / (norm * centreNorm),
                rank == null ? 0 : 1.0 - (double) rank / depth,
            };
        }
        return out;
    }

    /** The mean standardised sound of the library's catalogue tracks (zeros when none is in the catalogue). */
    private double[] audioCentre(ListenerLibrary library) {
        double[] centre = new double[catalogue.size() == 0 ? 0 : catalogue.audio(0).length];
        int count = 0;
        for (Track t : library.distinctTracks()) {
            int i = catalogue.indexOf(t.id());
            if (i >= 0) {
                double[] a = catalogue.audio(i);
                for (int j = 0; j < centre.length; j++) {
                    centre[j] += a[j];
                }
                count++;
            }
        }
        for (int j = 0; j < centre.length && count > 0; j++) {
            centre[j] /= count;
        }
        return centre;
    }

    /** A seeded sample of catalogue positions neither known before the cut nor positive, in catalogue order. */
    private int[] sampleNegatives(boolean[] known, Set<Integer> positives, int wanted, long seed) {
        int[] pool = new int[catalogue.size()];
        int size = 0;
        for (int i = 0; i < pool.length; i++) {
            if (!known[i] && !positives.contains(i)) {
                pool[size++] = i;
            }
        }
        int take = Math.min(wanted, size);
        SplittableRandom random = new SplittableRandom(seed ^ 0x5DEECE66DL);
        for (int i = 0; i < take; i++) {
            int j = i + random.nextInt(size - i);
            int tmp = pool[i];
            pool[i] = pool[j];
            pool[j] = tmp;
        }
        int[] out = java.util.Arrays.copyOf(pool, take);
        java.util.Arrays.sort(out);
        return out;
    }

    private static String reason(Track t, ArtistEvidence evidence, double popularity, Integer stageRank) {
        List<String> parts = new ArrayList<>();
        ArtistEvidence.ArtistPlays a = evidence.strongest(t);
        if (a != null) {
            parts.add(String.format(Locale.ROOT, "by %s, whom you played %d time%s (%d song%s)", a.name(), a.plays(),
                    a.plays() == 1 ? "" : "s", a.songs(), a.songs() == 1 ? "" : "s"));
        }
        if (stageRank != null) {
            parts.add("#" + stageRank + " for your sound in audiU's model");
        }
        parts.add(String.format(Locale.ROOT, "popularity %.0f", popularity));
        return "discovery ranker: " + String.join("; ", parts);
    }

    private static double dot(double[] a, double[] b) {
        double s = 0;
        for (int i = 0; i < a.length; i++) {
            s += a[i] * b[i];
        }
        return s;
    }
}
