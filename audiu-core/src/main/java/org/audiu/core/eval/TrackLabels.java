package org.audiu.core.eval;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.audiu.core.spi.training.LabelledExample;

/**
 * The genres each evaluated track truly has. Most tracks have one, their example's label; a track that a file lists
 * under several genres (the same track id on rows with different labels, as in Spotify's 114-genre export) has all
 * of them, its example's label (the first in the file, the one it trains with) first.
 *
 * <p>How a prediction is scored against several genres ({@link Evaluator}): it is right when it is any of them. For
 * the confusion matrix, per-class metrics and macro-F1 each test track counts as one true class: the predicted one
 * when it is among the track's genres, else its first genre. So a track is one row, accuracy is the share predicted
 * as one of their genres, a class's recall is the share of its tracks predicted as it (or as another of their
 * genres, which then gets the credit), and a class's precision is the share of its predictions that are among the
 * predicted tracks' genres. With one genre per track every figure is the plain single-label one.
 *
 * @param several the tracks with more than one genre: track id to its genres, first genre first (copied)
 */
public record TrackLabels(Map<String, List<String>> several) {
    /** Every track has exactly its example's label. */
    public static final TrackLabels SINGLE = new TrackLabels(Map.of());

    public TrackLabels {
        several = Map.copyOf(Objects.requireNonNull(several, "several"));
        several.forEach((id, labels) -> {
            if (labels.size() < 2) {
                throw new IllegalArgumentException("track " + id + " is listed with several genres but has "
                        + labels);
            }
        });
    }

    /** The true genres of one example: its label, then any others. */
    public List<String> of(LabelledExample e) {
        List<String> labels = several.get(e.id());
        return labels != null ? labels : List.of(e.label());
    }

    /** Tracks with more than one genre. */
    public int tracksWithSeveral() {
        return several.size();
    }

    /** Whether some track has more than one genre. */
    public boolean isMultiLabel() {
        return !several.isEmpty();
    }
}
