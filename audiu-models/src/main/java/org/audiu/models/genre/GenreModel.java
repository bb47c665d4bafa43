package org.audiu.models.genre;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.audiu.core.FeatureVector;
import org.audiu.core.catalogue.Catalogue;
import org.audiu.core.catalogue.CatalogueTrack;
import org.audiu.core.eval.GroupedSplitter;
import org.audiu.core.eval.Split;
import org.audiu.core.metrics.ClassificationReport;
import org.audiu.core.spi.training.LabelledData;
import org.audiu.core.spi.training.LabelledExample;
import org.audiu.core.spi.training.TrainedModel;
import org.audiu.core.spi.training.Trainer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A genre classifier: a model trained with a given {@link Trainer} on genre-labelled tracks, with its accuracy on
 * artists it never saw. Part of the artists is held out with core's {@link GroupedSplitter} (no artist on both
 * sides, label mix kept) and scored with a {@link ClassificationReport}; the model trained on the rest predicts.
 * Immutable; prediction is thread-safe because {@link TrainedModel} is.
 */
public final class GenreModel {
    private static final Logger LOG = LoggerFactory.getLogger(GenreModel.class);

    private final TrainedModel model;
    private final String trainer;
    private final Map<String, String> parameters;
    private final int trainingRows;
    private final Set<String> heldOutIds;
    private final Optional<ClassificationReport> heldOutReport;
    private final double trainSeconds;

    /**
     * One prediction.
     *
     * @param predicted     the most probable genre
     * @param labels        the genres the model knows
     * @param probabilities their probabilities, in the order of {@code labels} (copied)
     */
    public record Prediction(String predicted, List<String> labels, double[] probabilities) {
        public Prediction {
            Objects.requireNonNull(predicted, "predicted");
            labels = List.copyOf(labels);
            probabilities = probabilities.clone();
            if (probabilities.length != labels.size()) {
                throw new IllegalArgumentException(probabilities.length + " probabilities for " + labels.size()
                        + " labels");
            }
        }

        /** A copy of the probabilities. */
        @Override
        public double[] probabilities() {
            return probabilities.clone();
        }

        /** The probability of the predicted genre. */
        public double probability() {
            return probabilities[labels.indexOf(predicted)];
        }
    }

    private GenreModel(TrainedModel model, String trainer, Map<String, String> parameters, int trainingRows,
                       Set<String> heldOutIds, Optional<ClassificationReport> heldOutReport, double trainSeconds) {
        this.model = Objects.requireNonNull(model, "model");
        this.trainer = trainer;
        this.parameters = Map.copyOf(parameters);
        this.trainingRows = trainingRows;
        this.heldOutIds = Set.copyOf(heldOutIds);
        this.heldOutReport = heldOutReport;
        this.trainSeconds = trainSeconds;
    }

    /**
     * Trains on labelled rows, holding out about {@code training.holdout()} of them in whole groups (the rows'
     * {@link LabelledExample#group()}: the main artist). Trains on every row when nothing is to be held out, when the
     * rows have fewer than two groups, or when the split would leave the training part a single genre.
     *
     * @param data     genre-labelled rows, grouped by artist
     * @param trainer  the trainer of the classifier
     * @param training trainer name and parameters for reports, the holdout and its seed
     * @throws org.audiu.core.DataException when the trainer cannot learn from the rows (none, or a single genre)
     */
    public static GenreModel train(LabelledData data, Trainer trainer, GenreTraining training) {
        Objects.requireNonNull(trainer, "trainer");
        Objects.requireNonNull(training, "training");
        LabelledData train = data;
        LabelledData test = new LabelledData(data.schema(), List.of());
        long groups = data.examples().stream().map(LabelledExample::group).distinct().count();
        if (training.holdout() > 0 && groups >= 2) {
            Split split = new GroupedSplitter(training.seed()).holdout(data, training.holdout());
            LabelledData splitTrain = split.trainData(data);
            if (split.test().length > 0 && splitTrain.labels().size() >= 2) {
                train = splitTrain;
                test = split.testData(data);
            }
        }
        long start = System.nanoTime();
        TrainedModel model = trainer.train(train);
        double seconds = (System.nanoTime() - start) / 1e9;
        Optional<ClassificationReport> report = Optional.empty();
        Set<String> heldOutIds = new HashSet<>();
        if (test.size() > 0) {
            String[] truth = test.examples().stream().map(LabelledExample::label).toArray(String[]::new);
            report = Optional.of(ClassificationReport.of(model.labels(), truth,
                    model.predictLabels(test.featureMatrix())));
            test.examples().forEach(e -> heldOutIds.add(e.id()));
        }
        LOG.info("Genre model '{}' trained on {} tracks in {} ms; accuracy on {} tracks of held-out artists: {}",
                training.trainerName(), train.size(), Math.round(seconds * 1000), test.size(),
                report.map(r -> String.format(Locale.ROOT, "%.3f", r.accuracy())).orElse("n/a"));
        return new GenreModel(model, training.trainerName(), training.parameters(), train.size(), heldOutIds, report,
                seconds);
    }

    /**
     * Trains on every genre-labelled track of a catalogue ({@link #labelled}).
     *
     * @return empty when the catalogue has fewer than two genres (nothing to classify)
     */
    public static Optional<GenreModel> train(Catalogue catalogue, Trainer trainer, GenreTraining training) {
        if (catalogue.genres().size() < 2) {
            LOG.info("The catalogue has {} genre label(s): no genre model", catalogue.genres().size());
            return Optional.empty();
        }
        return Optional.of(train(labelled(catalogue), trainer, training));
    }

    /**
     * A model trained elsewhere (a saved one, say): it predicts, but has held nothing out.
     *
     * @param trainerName the trainer's name, for reports
     */
    public static GenreModel of(TrainedModel model, String trainerName) {
        return new GenreModel(model, trainerName, model.provenance().parameters(), 0, Set.of(), Optional.empty(),
                Double.NaN);
    }

    /**
     * The catalogue's tracks that have a genre, as rows in the catalogue's schema grouped by main artist (trimmed,
     * lower-case; a track without artist is its own group).
     */
    public static LabelledData labelled(Catalogue catalogue) {
        List<LabelledExample> rows = new ArrayList<>();
        for (CatalogueTrack t : catalogue.tracks()) {
            Optional<String> genre = t.track().genre().filter(g -> !g.isBlank());
            if (genre.isPresent()) {
                String artist = Catalogue.artistKey(t.track().mainArtist());
                rows.add(new LabelledExample(t.id(), t.features().values(), genre.get(), 1.0,
                        artist.isEmpty() ? "track:" + t.id() : artist));
            }
        }
        return new LabelledData(catalogue.schema(), rows);
    }

    /** The genre of a track's features (projected onto the model's schema; missing features are NaN). */
    public Prediction predict(FeatureVector features) {
        return predict(new double[][] {features.project(model.schema())}).get(0);
    }

    /**
     * The genres of feature rows in the model's schema.
     *
     * @param rows one row per track, values in the order of {@link TrainedModel#schema()}
     */
    public List<Prediction> predict(double[][] rows) {
        double[][] p = model.predictProbabilities(rows);
        List<String> labels = model.labels();
        List<Prediction> out = new ArrayList<>(p.length);
        for (double[] row : p) {
            int best = 0;
            for (int j = 1; j < row.length; j++) {
                if (row[j] > row[best]) {
                    best = j;
                }
            }
            out.add(new Prediction(labels.get(best), labels, row));
        }
        return out;
    }

    /**
     * Compares predictions with true genres.
     *
     * @param truth     the true genre of each prediction, in the same order
     * @param predicted predictions by this model
     */
    public ClassificationReport report(List<String> truth, List<Prediction> predicted) {
        return ClassificationReport.of(model.labels(), truth.toArray(String[]::new),
                predicted.stream().map(Prediction::predicted).toArray(String[]::new));
    }

    /**
     * Saves the underlying model (see {@link TrainedModel#save}).
     *
     * @throws IOException when the file cannot be written
     */
    public void save(Path file) throws IOException {
        model.save(file);
    }

    /** The trained model underneath. */
    public TrainedModel model() {
        return model;
    }

    /** The genres the model knows, in the order of prediction probabilities. */
    public List<String> labels() {
        return model.labels();
    }

    /** The trainer's name. */
    public String trainer() {
        return trainer;
    }

    /** The trainer's parameters as given. */
    public Map<String, String> parameters() {
        return parameters;
    }

    /** The rows the model was trained on. */
    public int trainingRows() {
        return trainingRows;
    }

    /** The rows of held-out artists. */
    public int heldOutRows() {
        return heldOutIds.size();
    }

    /** Whether this track's artist was held out of training (its prediction is an honest test). */
    public boolean isHeldOut(String trackId) {
        return heldOutIds.contains(trackId);
    }

    /** Predictions on the held-out artists' tracks against their genres; empty when none were held out. */
    public Optional<ClassificationReport> heldOutReport() {
        return heldOutReport;
    }

    /** Accuracy on the held-out artists' tracks; NaN when none were held out. */
    public double heldOutAccuracy() {
        return heldOutReport.map(ClassificationReport::accuracy).orElse(Double.NaN);
    }

    /** Seconds training took; NaN for a model trained elsewhere. */
    public double trainSeconds() {
        return trainSeconds;
    }
}
