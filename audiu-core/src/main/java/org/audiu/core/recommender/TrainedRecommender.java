package org.audiu.core.recommender;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.stream.Stream;
import org.audiu.core.FeatureSchema;
import org.audiu.core.ListenerLibrary;
import org.audiu.core.Recommendation;
import org.audiu.core.Track;
import org.audiu.core.ml.Preprocessor;
import org.audiu.core.relative.ArtistAffinity;
import org.audiu.core.relative.FittedListenerFeatures;
import org.audiu.core.spi.training.TrainedModel;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One listener's trained taste: everything needed to score candidates for them, and nothing else. It holds the
 * trained preference model, the listener-relative features fitted to their library, the tracks to exclude (their
 * library, by id and by artist + title), the reasons' statistics, the artist cap ({@link ArtistCap}: fixed, or
 * grown with how concentrated the library is) and how it was made. It has no
 * reference to the engine, the configuration or any source: train it once ({@code RecommendationEngine.train()}),
 * save it ({@link RecommenderFiles#save}), and score any candidate stream with it, from many threads at once.
 * Immutable and thread-safe; after {@link RecommenderFiles#load} it scores exactly as before saving.
 *
 * <pre>
 * TrainedRecommender taste = RecommenderFiles.load(Path.of("me.recommender"));
 * List&lt;Recommendation&gt; top = taste.recommend(candidateRows, 20);
 * </pre>
 */
public final class TrainedRecommender {
    /** The positive label of the preference task: a candidate's score is the model's probability of it. */
    public static final String LIKED = "liked";
    /** The negative label of the preference task (tracks sampled from the pool). */
    public static final String OTHER = "other";
    /** The start of the last reason of every recommendation: its score (0..1) and the score's log-odds. */
    public static final String SCORE_REASON = "preference score";
    /** Candidates scored per model call when a stream is ranked. */
    public static final int DEFAULT_BATCH = 4096;

    private static final Logger LOG = LoggerFactory.getLogger(TrainedRecommender.class);

    private final TrainedModel model;
    private final FittedListenerFeatures listenerFeatures;
    private final LibraryExclusions exclusions;
    private final ReasonWriter reasons;
    private final ArtistCap artistCap;
    private final RecommenderProvenance provenance;
    private final double artistShareWeight;
    /** Where the model's rows hold {@link ArtistAffinity#ARTIST_SHARE}, or -1 (then nothing is blended). */
    private final int artistShareColumn;

    TrainedRecommender(TrainedModel model, FittedListenerFeatures listenerFeatures, LibraryExclusions exclusions,
                       ReasonWriter reasons, ArtistCap artistCap, RecommenderProvenance provenance,
                       double artistShareWeight) {
        if (!(artistShareWeight >= 0 && artistShareWeight <= 1)) {
            throw new IllegalArgumentException("artistShareWeight must be in [0, 1], got " + artistShareWeight);
        }
        this.artistShareWeight = artistShareWeight;
        this.model = Objects.requireNonNull(model, "model");
        this.listenerFeatures = Objects.requireNonNull(listenerFeatures, "listenerFeatures");
        this.exclusions = Objects.requireNonNull(exclusions, "exclusions");
        this.reasons = Objects.requireNonNull(reasons, "reasons");
        this.provenance = Objects.requireNonNull(provenance, "provenance");
        this.artistCap = Objects.requireNonNull(artistCap, "artistCap");
        if (!model.schema().equals(listenerFeatures.schema())) {
            throw new IllegalArgumentException("The model's features " + model.schema() + " are not the listener "
                    + "features' schema " + listenerFeatures.schema());
        }
        if (!model.labels().contains(LIKED)) {
            throw new IllegalArgumentException("The model has no '" + LIKED + "' label: " + model.labels());
        }
        this.artistShareColumn = artistShareWeight > 0 ? listenerFeatures.schema().indexOf(ArtistAffinity.ARTIST_SHARE)
                : -1;
    }

    /**
     * Assembles a listener's trained recommender from what training produced.
     *
     * @param liked      the library tracks with features (the positive training rows)
     * @param likedRows  their features in the base schema
     * @param sampleRows the pool sample's features in the base schema (with the liked rows they scale the reasons)
     * @param perArtist  the artist cap, or its minimum when {@code adaptiveCap}
     * @param adaptiveCap grow the cap with the library's top-artist share ({@link ArtistCap#adaptive})
     */
    public static TrainedRecommender of(TrainedModel model, FittedListenerFeatures listenerFeatures,
                                        ListenerLibrary library, List<Track> liked, double[][] likedRows,
                                        double[][] sampleRows, int perArtist, boolean adaptiveCap,
                                        RecommenderProvenance provenance) {
        return of(model, listenerFeatures, library, liked, likedRows, sampleRows, adaptiveCap
                ? ArtistCap.adaptive(perArtist, library.distinctTracks()) : ArtistCap.fixed(perArtist), 0, provenance);
    }

    /**
     * Assembles a listener's trained recommender with the given artist cap and artist-share prior (see the other
     * {@code of}).
     *
     * @param artistCap         the cap of this listener's lists
     * @param artistShareWeight a candidate's score is {@code (1 - w) * model probability + w * artist_share}, the
     *                          share of the library by its artist (the artist-share baseline's ranking): it orders
     *                          the candidates the model is almost equally sure of. 0 is the model alone; without the
     *                          {@code artist_share} column (artist-affinity off, or constant over the pool) it has no
     *                          effect. In [0, 1].
     */
    public static TrainedRecommender of(TrainedModel model, FittedListenerFeatures listenerFeatures,
                                        ListenerLibrary library, List<Track> liked, double[][] likedRows,
                                        double[][] sampleRows, ArtistCap artistCap, double artistShareWeight,
                                        RecommenderProvenance provenance) {
        FeatureSchema base = listenerFeatures.baseSchema();
        double[][] all = new double[likedRows.length + sampleRows.length][];
        System.arraycopy(likedRows, 0, all, 0, likedRows.length);
        System.arraycopy(sampleRows, 0, all, likedRows.length, sampleRows.length);
        Preprocessor scale = Preprocessor.fit(base, all, true);
        return new TrainedRecommender(model, listenerFeatures, LibraryExclusions.of(library),
                ReasonWriter.fit(base, liked, likedRows, scale, library), artistCap, provenance, artistShareWeight);
    }

    /** The features candidates bring ({@link CandidateRow#features()}), before the listener columns. */
    public FeatureSchema baseSchema() {
        return listenerFeatures.baseSchema();
    }

    /** The features the model scores: the base schema, then the listener columns kept. */
    public FeatureSchema modelSchema() {
        return listenerFeatures.schema();
    }

    public TrainedModel model() {
        return model;
    }

    public FittedListenerFeatures listenerFeatures() {
        return listenerFeatures;
    }

    public LibraryExclusions exclusions() {
        return exclusions;
    }

    /** At most this many recommendations per artist in a list of {@code k} ({@link ArtistCap#perArtist}). */
    public int perArtist(int k) {
        return artistCap.perArtist(k);
    }

    /** The same recommender with another artist cap (e.g. none, to measure what the cap costs). */
    public TrainedRecommender withArtistCap(ArtistCap cap) {
        return new TrainedRecommender(model, listenerFeatures, exclusions, reasons, cap, provenance,
                artistShareWeight);
    }

    /** The artist cap: its minimum and, when adaptive, the library's top-artist share. */
    public ArtistCap artistCap() {
        return artistCap;
    }

    /** The weight of the artist-share prior in the score ({@link #of}: 0 is the model alone). */
    public double artistShareWeight() {
        return artistShareWeight;
    }

    /** True when the prior is blended in: a positive weight and the {@code artist_share} column in the model's rows. */
    public boolean blendsArtistShare() {
        return artistShareColumn >= 0;
    }

    public RecommenderProvenance provenance() {
        return provenance;
    }

    ReasonWriter reasons() {
        return reasons;
    }

    /** True for tracks the listener already has (never recommended). */
    public boolean excludes(Track track) {
        return exclusions.excludes(track);
    }

    /** The same, from the candidate's precomputed {@link org.audiu.core.spi.candidates.TrackKeys}. */
    public boolean excludes(org.audiu.core.spi.candidates.Candidate candidate) {
        return exclusions.excludes(candidate);
    }

    /**
     * The score of each candidate, in order: the model's probability of {@link #LIKED}, blended with the candidate's
     * artist share when {@link #artistShareWeight} is positive.
     */
    public double[] score(List<CandidateRow> batch) {
        double[][] matrix = new double[batch.size()][modelSchema().size()];
        return score(batch, matrix, new double[listenerFeatures.computedSize()]);
    }

    /**
     * {@link #score(List)} into rows the caller reuses: {@code matrix} has one row of {@link #modelSchema()}'s size
     * per candidate (it may be longer than the batch), {@code scratch} {@link FittedListenerFeatures#computedSize()}
     * values.
     */
    private double[] score(List<CandidateRow> batch, double[][] matrix, double[] scratch) {
        int base = baseSchema().size();
        for (int i = 0; i < batch.size(); i++) {
            CandidateRow c = batch.get(i);
            if (c.features().length != base) {
                throw new IllegalArgumentException("Candidate " + c.track().id() + " has " + c.features().length
                        + " features; this recommender's base schema " + baseSchema() + " has " + base);
            }
            listenerFeatures.extendInto(c.track(), c.keys(), c.features(), false, scratch, matrix[i]);
        }
        double[][] rows = matrix.length == batch.size() ? matrix : Arrays.copyOf(matrix, batch.size());
        double[] p = model.probabilityOf(LIKED, rows);
        if (artistShareColumn >= 0) {
            double w = artistShareWeight;
            for (int i = 0; i < p.length; i++) {
                double share = rows[i][artistShareColumn];
                p[i] = (1 - w) * p[i] + w * (Double.isNaN(share) ? 0 : share);
            }
        }
        return p;
    }

    /** {@link #recommend(Iterator, int, int)} over a stream, in batches of {@value #DEFAULT_BATCH}. */
    public List<Recommendation> recommend(Stream<CandidateRow> candidates, int k) {
        return recommend(candidates.iterator(), k, DEFAULT_BATCH);
    }

    /**
     * The best {@code k} candidates, best first, each with reasons: library tracks are skipped, candidates are scored
     * in batches and kept in a bounded heap that applies the artist cap and keeps the best copy of each song (same
     * artist and title under several ids) as it goes ({@link CappedTopK}: neither leaves the list short while the
     * candidates hold other artists and songs). Memory stays bounded however many candidates
     * the iterator yields.
     */
    public List<Recommendation> recommend(Iterator<CandidateRow> candidates, int k, int batchSize) {
        if (batchSize < 1) {
            throw new IllegalArgumentException("batchSize must be >= 1, got " + batchSize);
        }
        TopRecommendations top = top(k);
        List<CandidateRow> batch = new ArrayList<>(Math.min(batchSize, 65_536));
        while (candidates.hasNext()) {
            CandidateRow c = candidates.next();
            if (exclusions.excludes(c.track())) {
                continue;
            }
            batch.add(c);
            if (batch.size() == batchSize) {
                top.offer(batch);
                batch.clear();
            }
        }
        if (!batch.isEmpty()) {
            top.offer(batch);
        }
        return top.recommendations();
    }

    /**
     * An empty bounded top-{@code k} with this recommender's artist cap, to fill batch by batch with candidates the
     * caller has already filtered with {@link #excludes} (a pool pass that filters before looking features up, or
     * one partition of a catalogue).
     */
    public TopRecommendations top(int k) {
        return new TopRecommendations(k);
    }

    /**
     * The best candidates offered so far, artist cap applied as they come, and each song once: a track with the
     * artist and title ({@link LibraryExclusions#songKey}) of a better-scored one under another id is left out, and
     * the next candidate takes its place. Not thread-safe: one per pass.
     */
    public final class TopRecommendations {
        private final int k;
        private final CappedTopK<CandidateRow> top;
        /** Model rows reused batch after batch (grown to the largest batch), and the listener features' scratch. */
        private double[][] rows = new double[0][];
        private final double[] scratch = new double[listenerFeatures.computedSize()];

        private TopRecommendations(int k) {
            if (k < 1) {
                throw new IllegalArgumentException("k must be >= 1, got " + k);
            }
            this.k = k;
            this.top = new CappedTopK<>(k, artistCap.perArtist(k), c -> artistGroup(c.track()), c -> songIdentity(c.track()));
        }

        /** Scores a batch of candidates outside the library and keeps the best. */
        public void offer(List<CandidateRow> batch) {
            if (rows.length < batch.size()) {
                rows = new double[batch.size()][modelSchema().size()];
            }
            double[] scores = score(batch, rows, scratch);
            for (int i = 0; i < scores.length; i++) {
                top.offer(batch.get(i), scores[i], batch.get(i).track().id());
            }
        }

        /** A song: tracks under other ids with the same artist and title ({@link LibraryExclusions#songKey}). */
        private static String songIdentity(Track t) {
            return t.name().isEmpty() ? "" : LibraryExclusions.songKey(t);
        }

        /**
         * The artist cap's group: the main artist as {@link LibraryExclusions#songKey} normalises it (the key of a song
         * without a title), so the copies of one song always share their group and the cap stays exact.
         */
        private static String artistGroup(Track t) {
            String artist = t.mainArtist();
            return artist.isEmpty() ? "" : LibraryExclusions.songKey(Track.builder(t.id(), "").artists(artist).build());
        }

        /**
         * Keeps a candidate this recommender has already scored in another pass ({@link #kept()} of another top).
         * Merging the tops of disjoint parts of a pool this way (a catalogue's partitions) gives exactly the top of
         * one pass over the whole pool: every candidate of the overall top is in the top of its own part.
         */
        public void offerScored(CandidateRow candidate, double score) {
            top.offer(candidate, score, candidate.track().id());
        }

        /** The candidates kept so far with their scores, best first, without reasons: a partial pass's result. */
        public List<TopK.Scored<CandidateRow>> kept() {
            return top.sortedDescending();
        }

        /** The best {@code k}, best first, each with its reasons. */
        public List<Recommendation> recommendations() {
            List<Recommendation> out = new ArrayList<>();
            for (TopK.Scored<CandidateRow> s : top.sortedDescending()) {
                List<String> why = new ArrayList<>(reasons.reasons(s.item().track(), s.item().features()));
                why.add(String.format(Locale.ROOT, "%s %.4f, log-odds %.2f", SCORE_REASON, s.score(),
                        Recommendation.logOdds(s.score())));
                out.add(new Recommendation(s.item().track(), s.score(), why));
            }
            if (out.size() < k) {
                LOG.warn("Only {} recommendations after the artist cap of {} per artist and one copy per song (asked "
                        + "for {}); raise 'recommendations.per-artist' for more.", out.size(), artistCap.perArtist(k), k);
            }
            return out;
        }
    }

    @Override
    public String toString() {
        return "TrainedRecommender[" + provenance.components().getOrDefault("model", "?") + ", "
                + modelSchema().size() + " features, " + exclusions.size() + " excluded]";
    }
}
