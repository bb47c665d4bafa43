package org.audiu.core.engine;

import static org.audiu.core.recommender.TrainedRecommender.LIKED;
import static org.audiu.core.recommender.TrainedRecommender.OTHER;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Random;
import java.util.Set;
import org.audiu.core.DataException;
import org.audiu.core.Track;
import org.audiu.core.metrics.BinaryMetrics;
import org.audiu.core.relative.FittedListenerFeatures;
import org.audiu.core.spi.listener.ListenerContext;
import org.audiu.core.spi.training.LabelledData;
import org.audiu.core.spi.training.LabelledExample;
import org.audiu.core.spi.training.TrainedModel;
import org.audiu.core.spi.training.Trainer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Trains the preference model: liked tracks (weighted by preference score) against the sampled negatives, whose
 * total weight equals the liked tracks', and the real negatives of a listening history (tracks skipped early again
 * and again, {@link SkippedNegatives}); every row is the track's features followed by its listener columns. A
 * seeded share is held out to measure ROC AUC.
 */
public final class PreferenceTraining {
    private static final Logger LOG = LoggerFactory.getLogger(PreferenceTraining.class);

    /**
     * The held-out AUC is reported only when the held-out rows hold at least this many liked tracks (and as many
     * sampled ones): on four liked rows one row more or less moves it by a quarter, and "AUC 1.00" on three rows
     * says nothing. Below it the AUC is NaN ("not measured").
     */
    public static final int MIN_HELD_OUT_LIKED = 10;
    /** Training weight of a banned track, a negative (an average liked track weighs 1). */
    static final double BANNED_WEIGHT = 1.0;

    private final Trainer trainer;
    private final EngineSettings settings;
    private final ProgressReporter progress;
    private final String modelName;
    private final SkippedNegatives skipped;

    public PreferenceTraining(Trainer trainer, EngineSettings settings, ProgressReporter progress, String modelName) {
        this(trainer, settings, progress, modelName, SkippedNegatives.DEFAULTS);
    }

    /** @param skipped which tracks of a listening history are real negatives, and their weight */
    public PreferenceTraining(Trainer trainer, EngineSettings settings, ProgressReporter progress, String modelName,
                              SkippedNegatives skipped) {
        this.skipped = Objects.requireNonNull(skipped, "skipped");
        this.trainer = Objects.requireNonNull(trainer, "trainer");
        this.settings = Objects.requireNonNull(settings, "settings");
        this.progress = progress == null ? ProgressReporter.NONE : progress;
        this.modelName = modelName;
    }

    public TrainingOutcome train(PreparedListener listener, PoolSample sample) {
        if (sample.rows().length == 0) {
            throw new DataException("No pool track has features, so there are no negatives to train against. Add a "
                    + "feature provider that knows the candidate tracks to 'features'.");
        }
        List<LabelledExample> examples = new ArrayList<>();
        Set<String> realNegatives = skipped.of(listener.library());
        // Banned tracks are negatives whatever training.skipped.* says: the listener said so (weight 1, an average
        // liked track's).
        Set<String> banned = listener.library().bannedTrackIds();
        if (!banned.isEmpty()) {
            realNegatives = new java.util.HashSet<>(realNegatives);
            realNegatives.addAll(banned);
        }
        double[] prefs = new double[listener.liked().size()];
        double total = 0;
        int positives = 0;
        for (int i = 0; i < prefs.length; i++) {
            prefs[i] = Math.max(ListenerContext.MIN_PREFERENCE,
                    listener.preferences().scoreOf(listener.liked().get(i).id()));
            if (!realNegatives.contains(listener.liked().get(i).id())) {
                total += prefs[i];
                positives++;
            }
        }
        if (positives == 0) {
            throw new DataException("Every library track with features was banned or skipped early again and again "
                    + "in the listening history (" + realNegatives.size() + " tracks), so none is liked. Lower "
                    + "'training.skipped.min-rate', raise 'training.skipped.min-plays', or set "
                    + "'training.skipped.weight = 0'.");
        }
        double meanPref = total / positives;
        FittedListenerFeatures relative = sample.relative();
        int skippedRows = 0;
        for (int i = 0; i < prefs.length; i++) {
            Track t = listener.liked().get(i);
            boolean negative = realNegatives.contains(t.id());
            skippedRows += negative ? 1 : 0;
            double weight = banned.contains(t.id()) ? BANNED_WEIGHT : negative ? skipped.weight() : prefs[i] / meanPref;
            examples.add(new LabelledExample(t.id(), relative.extend(t, listener.likedRows()[i], true),
                    negative ? OTHER : LIKED, weight, t.mainArtist()));
        }
        long bannedRows = banned.isEmpty() ? 0 : listener.liked().stream().filter(t -> banned.contains(t.id())).count();
        if (skippedRows > bannedRows) {
            LOG.info("{} tracks of the listening history skipped early again and again train as negatives (weight {})",
                    skippedRows - bannedRows, skipped.weight());
        }
        if (bannedRows > 0) {
            LOG.info("{} banned tracks train as negatives (weight {})", bannedRows, BANNED_WEIGHT);
        }
        double negativeWeight = (double) positives / sample.rows().length;
        for (int i = 0; i < sample.rows().length; i++) {
            Track t = sample.tracks().get(i);
            examples.add(new LabelledExample(t.id(), relative.extend(t, sample.rows()[i], false), OTHER,
                    negativeWeight, t.mainArtist()));
        }
        List<LabelledExample> trainPart = new ArrayList<>(examples);
        List<LabelledExample> holdoutPart = new ArrayList<>();
        if (settings.holdout() > 0 && examples.size() >= 20) {
            Collections.shuffle(trainPart, new Random(settings.seed()));
            int cut = (int) Math.round(trainPart.size() * settings.holdout());
            holdoutPart.addAll(trainPart.subList(0, cut));
            trainPart = new ArrayList<>(trainPart.subList(cut, trainPart.size()));
            if (trainPart.stream().noneMatch(e -> e.label().equals(LIKED))
                    || trainPart.stream().noneMatch(e -> e.label().equals(OTHER))) {
                trainPart = examples;
                holdoutPart.clear();
            }
        }
        LabelledData data = new LabelledData(relative.schema(), trainPart);
        data.requireTrainable("the preference model");
        TrainedModel model;
        try (ProgressReporter.Step step = progress.start("Training " + modelName, -1)) {
            model = trainer.train(data);
        }
        double auc = Double.NaN;
        long heldOutLiked = holdoutPart.stream().filter(e -> e.label().equals(LIKED)).count();
        if (!holdoutPart.isEmpty() && (heldOutLiked < MIN_HELD_OUT_LIKED
                || holdoutPart.size() - heldOutLiked < MIN_HELD_OUT_LIKED)) {
            LOG.info("Preference model '{}': no held-out AUC, {} liked and {} sampled rows held out (an AUC needs {} "
                    + "of each)", modelName, heldOutLiked, holdoutPart.size() - heldOutLiked, MIN_HELD_OUT_LIKED);
        } else if (!holdoutPart.isEmpty()) {
            double[][] rows = holdoutPart.stream().map(LabelledExample::features).toArray(double[][]::new);
            double[] scores = model.probabilityOf(LIKED, rows);
            boolean[] positive = new boolean[holdoutPart.size()];
            for (int i = 0; i < positive.length; i++) {
                positive[i] = holdoutPart.get(i).label().equals(LIKED);
            }
            auc = BinaryMetrics.auc(scores, positive);
            LOG.info("Preference model '{}': held-out ROC AUC {} on {} rows ({} liked, {} sampled)", modelName,
                    String.format(Locale.ROOT, "%.3f", auc), holdoutPart.size(),
                    holdoutPart.stream().filter(e -> e.label().equals(LIKED)).count(),
                    holdoutPart.stream().filter(e -> e.label().equals(OTHER)).count());
        }
        return new TrainingOutcome(model, positives, sample.rows().length + skippedRows, auc);
    }
}
