package org.audiu.cli.serve;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import org.audiu.core.catalogue.Catalogue;
import org.audiu.core.catalogue.CatalogueTrack;
import org.audiu.core.spi.training.LabelledData;
import org.audiu.core.spi.training.LabelledExample;
import org.audiu.core.spi.training.TrainedModel;
import org.audiu.core.spi.training.Trainer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A genre classifier trained once on the catalogue's genre labels. A seeded share of artists is held out (no artist
 * on both sides) to measure accuracy honestly; the model trained on the rest serves every request. Immutable after
 * construction; prediction is thread-safe because {@link TrainedModel} is.
 */
public final class GenreClassifier {
    private static final Logger LOG = LoggerFactory.getLogger(GenreClassifier.class);

    private final TrainedModel model;
    private final String trainer;
    private final Map<String, String> parameters;
    private final int trainingRows;
    private final Set<String> heldOutIds;
    private final double heldOutAccuracy;
    private final long trainMillis;

    /** One prediction: probabilities in the order of {@link #labels()}. */
    public record Prediction(String predicted, List<String> labels, double[] probabilities) {
        public Prediction {
            labels = List.copyOf(labels);
            probabilities = probabilities.clone();
        }

        @Override
        public double[] probabilities() {
            return probabilities.clone();
        }
    }

    private GenreClassifier(TrainedModel model, String trainer, Map<String, String> parameters, int trainingRows,
                            Set<String> heldOutIds, double heldOutAccuracy, long trainMillis) {
        this.model = model;
        this.trainer = trainer;
        this.parameters = Map.copyOf(parameters);
        this.trainingRows = trainingRows;
        this.heldOutIds = Set.copyOf(heldOutIds);
        this.heldOutAccuracy = heldOutAccuracy;
        this.trainMillis = trainMillis;
    }

    /**
     * Trains on every catalogue track with a genre label, holding out {@code holdout} of the artists.
     *
     * @param trainerName for people and the API ("random-forest")
     * @param parameters  the trainer's parameters, for the API
     * @return empty when the catalogue has fewer than two genres (nothing to classify)
     */
    public static Optional<GenreClassifier> train(Catalogue catalogue, Trainer trainer, String trainerName,
                                                  Map<String, String> parameters, double holdout, long seed) {
        Objects.requireNonNull(trainer, "trainer");
        if (catalogue.genres().size() < 2) {
            LOG.info("The catalogue has {} genre label(s): the genre view is off", catalogue.genres().size());
            return Optional.empty();
        }
        List<LabelledExample> all = new ArrayList<>();
        for (CatalogueTrack t : catalogue.tracks()) {
            Optional<String> genre = t.track().genre().filter(g -> !g.isBlank());
            if (genre.isPresent()) {
                String artist = t.track().mainArtist().trim().toLowerCase(Locale.ROOT);
                all.add(new LabelledExample(t.id(), t.features().values(), genre.get(), 1.0,
                        artist.isEmpty() ? "track:" + t.id() : artist));
            }
        }
        List<String> groups = new ArrayList<>(new TreeSet<>(all.stream().map(LabelledExample::group).toList()));
        Collections.shuffle(groups, new Random(seed));
        Set<String> heldOutGroups = new HashSet<>(groups.subList(0, (int) Math.floor(groups.size() * holdout)));
        List<LabelledExample> train = new ArrayList<>();
        List<LabelledExample> test = new ArrayList<>();
        for (LabelledExample e : all) {
            (heldOutGroups.contains(e.group()) ? test : train).add(e);
        }
        if (test.isEmpty() || new LabelledData(catalogue.schema(), train).labels().size() < 2) {
            train = all;
            test = List.of();
        }
        long start = System.nanoTime();
        TrainedModel model = trainer.train(new LabelledData(catalogue.schema(), train));
        long millis = (System.nanoTime() - start) / 1_000_000;
        double accuracy = Double.NaN;
        if (!test.isEmpty()) {
            String[] predicted = model.predictLabels(test.stream().map(LabelledExample::features)
                    .toArray(double[][]::new));
            int correct = 0;
            for (int i = 0; i < predicted.length; i++) {
                if (predicted[i].equals(test.get(i).label())) {
                    correct++;
                }
            }
            accuracy = (double) correct / predicted.length;
        }
        Set<String> heldOutIds = new HashSet<>();
        test.forEach(e -> heldOutIds.add(e.id()));
        LOG.info("Genre model '{}' trained on {} tracks in {} ms; accuracy on {} tracks of held-out artists: {}",
                trainerName, train.size(), millis, test.size(),
                Double.isNaN(accuracy) ? "n/a" : String.format(Locale.ROOT, "%.3f", accuracy));
        return Optional.of(new GenreClassifier(model, trainerName, parameters, train.size(), heldOutIds, accuracy,
                millis));
    }

    public Prediction predict(CatalogueTrack track) {
        double[] p = model.predictProbabilities(new double[][] {track.features().project(model.schema())})[0];
        List<String> labels = model.labels();
        int best = 0;
        for (int j = 1; j < p.length; j++) {
            if (p[j] > p[best]) {
                best = j;
            }
        }
        return new Prediction(labels.get(best), labels, p);
    }

    /** The genres the model knows, in the order of prediction probabilities. */
    public List<String> labels() {
        return model.labels();
    }

    public String trainer() {
        return trainer;
    }

    public Map<String, String> parameters() {
        return parameters;
    }

    public int trainingRows() {
        return trainingRows;
    }

    public int heldOutRows() {
        return heldOutIds.size();
    }

    /** Whether this track's artist was held out of training (its prediction is an honest test). */
    public boolean isHeldOut(String trackId) {
        return heldOutIds.contains(trackId);
    }

    /** Accuracy on the held-out artists' tracks; NaN when too few artists to hold any out. */
    public double heldOutAccuracy() {
        return heldOutAccuracy;
    }

    public long trainMillis() {
        return trainMillis;
    }
}
