package org.audiu.core.eval.history;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.audiu.core.DataException;
import org.audiu.core.ListenerLibrary;
import org.audiu.core.TrackPlays;
import org.audiu.core.dataset.DatasetPlaylist;
import org.audiu.core.eval.playlist.ContinuationMethod;
import org.audiu.core.eval.playlist.EvaluationCatalogue;
import org.audiu.core.eval.playlist.EvaluationListener;
import org.audiu.core.eval.playlist.PlaylistSplit;
import org.audiu.core.history.CatalogueMatcher;
import org.audiu.core.history.HistoryMatch;
import org.audiu.core.history.ListeningHistory;
import org.audiu.core.metrics.RankingMetrics;

/**
 * Evaluation on a listener's own history, split in time: every method learns from the plays before the split and
 * ranks the catalogue; the targets are the catalogue tracks first played after it (tracks played before, by id or
 * as the same song, are never targets and never recommended). Recall@k and NDCG@k per method, the engine and the
 * playlist baselines ({@link org.audiu.core.eval.playlist.Baselines}) in one run.
 */
public final class HistoryEvaluation {
    private final EvaluationCatalogue catalogue;
    private final CatalogueMatcher matcher;

    public HistoryEvaluation(EvaluationCatalogue catalogue) {
        this.catalogue = Objects.requireNonNull(catalogue, "catalogue");
        List<org.audiu.core.Track> tracks = new ArrayList<>(catalogue.size());
        for (int i = 0; i < catalogue.size(); i++) {
            tracks.add(catalogue.track(i));
        }
        this.matcher = new CatalogueMatcher(tracks.stream());
    }

    /** The default split: 80% of the way from the first play to the last. */
    public static Instant defaultSplit(ListeningHistory history) {
        Instant first = history.firstPlay().orElseThrow(() -> new DataException("The history has no plays"));
        Instant last = history.lastPlay().orElseThrow();
        return first.plusMillis((long) ((last.toEpochMilli() - first.toEpochMilli()) * 0.8));
    }

    /** The listener before the split, and the targets after it. */
    public HistorySplit split(ListeningHistory history, Instant splitAt, long seed) {
        ListeningHistory before = history.between(Instant.EPOCH, splitAt);
        ListeningHistory after = history.between(splitAt, Instant.parse("2100-01-01T00:00:00Z"));
        if (before.songs().isEmpty()) {
            throw new DataException("No play before the split " + splitAt + " (the history runs "
                    + history.firstPlay().orElseThrow() + " to " + history.lastPlay().orElseThrow()
                    + "): choose a later --split-at.");
        }
        HistoryMatch train = matcher.match(before);
        ListenerLibrary library = ListenerLibrary.ofHistory(train.all());
        boolean[] known = catalogue.excluded(library);
        Set<String> targets = new LinkedHashSet<>();
        for (TrackPlays p : matcher.match(after).matched()) {
            int i = catalogue.indexOf(p.track().id());
            if (i >= 0 && !known[i]) {
                targets.add(p.track().id());
            }
        }
        List<String> visible = train.matched().stream().map(p -> p.track().id()).toList();
        if (visible.isEmpty()) {
            throw new DataException("No song played before " + splitAt + " is in the catalogue " + catalogue.dataset()
                    .source() + ": " + train.report().summary());
        }
        if (targets.isEmpty()) {
            throw new DataException("No catalogue track was first played after " + splitAt + ", so there is nothing "
                    + "to find: choose an earlier --split-at.");
        }
        DatasetPlaylist playlist = new DatasetPlaylist("listening-history", "listening history", "", visible);
        EvaluationListener listener = new EvaluationListener(playlist, new PlaylistSplit(playlist.id(), visible,
                List.copyOf(targets)), library, seed);
        return new HistorySplit(splitAt, before.plays(), after.plays(), train.report(), listener, targets);
    }

    /** Ranks with every method and measures it against the targets. */
    public HistoryEvaluationReport run(HistorySplit split, List<ContinuationMethod> methods, int k) {
        if (k < 1) {
            throw new IllegalArgumentException("k must be >= 1, got " + k);
        }
        Map<String, RankingMetrics> results = new LinkedHashMap<>();
        for (ContinuationMethod m : methods) {
            List<String> ranked = m.recommend(split.listener(), k);
            results.put(m.name(), RankingMetrics.of(ranked, split.targets(), k));
        }
        return new HistoryEvaluationReport(split.splitAt(), split.playsBefore(), split.playsAfter(),
                split.listener().split().visible().size(), split.targets().size(), k, split.trainMatch(), results);
    }
}
