package org.audiu.core.twostage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import org.audiu.core.config.AudiuConfig;
import org.audiu.core.dataset.DatasetPlaylist;
import org.audiu.core.dataset.TrackDataset;
import org.audiu.core.engine.ProgressReporter;
import org.audiu.core.eval.playlist.ContinuationReport;
import org.audiu.core.eval.playlist.EngineMethod;
import org.audiu.core.eval.playlist.EvaluationCatalogue;
import org.audiu.core.eval.playlist.EvaluationListener;
import org.audiu.core.eval.playlist.PlaylistContinuation;
import org.audiu.core.eval.playlist.PlaylistSplitter;
import org.audiu.core.plugin.Plugins;
import org.audiu.core.testkit.CentroidTrainer;
import org.audiu.core.testkit.PlaylistTestData;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * No leakage in the two-stage evaluation: a listener's ranker is never trained on that listener's playlist (k-fold
 * over playlists), the check fails the run when it is, and the listener's own playlist never reaches its candidates'
 * features.
 */
class TwoStageLeakageTest {
    @TempDir
    static Path tmp;
    static TrackDataset dataset;
    static EvaluationCatalogue catalogue;

    @BeforeAll
    static void data() {
        dataset = PlaylistTestData.dataset(tmp, "leak", 160, PlaylistTestData.playlists(5, 160, 12, 24));
        catalogue = new EvaluationCatalogue(dataset);
    }

    /** A ranker trainer that records every training set and ranks by co-membership then artist share. */
    static final class Recording implements RankerTrainer {
        final List<Set<String>> trainingSets = new CopyOnWriteArrayList<>();

        @Override
        public Ranker train(List<RankingQuery> queries, List<String> features, long seed) {
            Set<String> ids = new LinkedHashSet<>();
            queries.stream().filter(RankingQuery::hasRelevant).forEach(q -> ids.add(q.playlistId()));
            trainingSets.add(ids);
            int co = features.indexOf("co-membership");
            int share = features.indexOf("artist-share");
            return new Ranker() {
                @Override
                public List<String> features() {
                    return features;
                }

                @Override
                public double[] score(double[][] rows) {
                    double[] s = new double[rows.length];
                    for (int i = 0; i < s.length; i++) {
                        s[i] = rows[i][co] + rows[i][share];
                    }
                    return s;
                }

                @Override
                public Set<String> trainedOn() {
                    return ids;
                }

                @Override
                public String describe() {
                    return "recording ranker of " + ids.size() + " playlists";
                }
            };
        }

        @Override
        public Map<String, String> parameters() {
            return Map.of();
        }
    }

    private static AudiuConfig config() {
        return new AudiuConfig(Map.of("model", "test-centroid", "two-stage.folds", "4"), tmp, "test");
    }

    private static PlaylistContinuation benchmark() {
        return new PlaylistContinuation(catalogue, new PlaylistContinuation.Options(5, 1, 42, 2,
                PlaylistSplitter.standard(), 0));
    }

    private static TwoStageMethod method(PlaylistContinuation benchmark, RankerTrainer trainer, boolean leak) {
        Plugins plugins = Plugins.fromClasspath().withTrainer(new CentroidTrainer.Factory());
        EngineMethod audiu = new EngineMethod("audiu", config(), plugins, catalogue);
        return new TwoStageMethod(audiu, new TwoStageCatalogue(catalogue), benchmark,
                TwoStageSettings.from(config()), trainer, 2, leak);
    }

    @Test
    void noListenersRankerSawItsOwnPlaylist() {
        PlaylistContinuation benchmark = benchmark();
        Recording trainer = new Recording();
        TwoStageMethod twoStage = method(benchmark, trainer, false);
        ContinuationReport report = benchmark.run(List.of(twoStage), ProgressReporter.NONE);
        assertEquals(13, report.listeners(), "pl0 .. pl11 and plall");
        assertEquals(8, trainer.trainingSets.size(), "4 folds x (full, no listener model)");
        Set<String> everyTrainingPlaylist = new HashSet<>();
        for (DatasetPlaylist p : benchmark.listeners()) {
            for (boolean withModel : new boolean[] {true, false}) {
                Set<String> trainedOn = twoStage.trainedOnFor(p.id(), 42, withModel);
                assertFalse(trainedOn.contains(p.id()), "the ranker of " + p.id() + " was trained on it: "
                        + trainedOn);
                assertFalse(trainedOn.isEmpty(), "the ranker of " + p.id() + " was trained on nothing");
                everyTrainingPlaylist.addAll(trainedOn);
            }
        }
        assertTrue(everyTrainingPlaylist.size() >= 10, "the folds together train on most playlists: "
                + everyTrainingPlaylist);
        double recall = (double) twoStage.report().get("retrieval-recall");
        assertTrue(recall > 0 && recall <= 1, "stage 1 recall " + recall);
        assertTrue(report.method(TwoStageMethod.NAME).orElseThrow().mean().ndcg() >= 0);
    }

    @Test
    void aRankerTrainedOnTheListenersOwnPlaylistFailsTheRun() {
        PlaylistContinuation benchmark = benchmark();
        TwoStageMethod leaky = method(benchmark, new Recording(), true);
        Exception e = assertThrows(RuntimeException.class, () -> benchmark.run(List.of(leaky),
                ProgressReporter.NONE));
        Throwable t = e;
        while (t.getCause() != null && !t.getMessage().contains("Leak")) {
            t = t.getCause();
        }
        assertTrue(t.getMessage().contains("Leak: the ranker for playlist"), e.toString());
    }

    @Test
    void theListenersOwnPlaylistNeverReachesItsCandidatesFeatures() {
        // two catalogues that differ only in what the listener's own playlist (pl1) holds beyond its visible
        // tracks: the candidates and every feature row must be the same
        List<List<Integer>> lists = PlaylistTestData.playlists(5, 160, 12, 24);
        List<List<Integer>> changed = new ArrayList<>(lists);
        List<Integer> own = new ArrayList<>(lists.get(1));
        for (int t = 0; own.size() < 40; t++) {
            if (!own.contains(t)) {
                own.add(t);
            }
        }
        changed.set(1, own);
        TwoStageCatalogue a = new TwoStageCatalogue(new EvaluationCatalogue(PlaylistTestData.dataset(tmp, "own-a",
                160, lists)));
        TwoStageCatalogue b = new TwoStageCatalogue(new EvaluationCatalogue(PlaylistTestData.dataset(tmp, "own-b",
                160, changed)));
        TwoStageSettings settings = TwoStageSettings.from(new AudiuConfig(Map.of(), tmp, "test"));
        double[][][] rows = new double[2][][];
        int[][] candidates = new int[2][];
        TwoStageCatalogue[] both = {a, b};
        for (int v = 0; v < 2; v++) {
            TwoStageCatalogue c = both[v];
            int[] library = lists.get(1).subList(0, 12).stream().mapToInt(t -> c.indexOf(String.format("t%03d", t)))
                    .toArray();
            boolean[] excluded = new boolean[c.size()];
            for (int i : library) {
                excluded[i] = true;
            }
            boolean[] leftOut = new boolean[c.groupCount()];
            leftOut[c.groupOfPlaylist("pl1")] = true;
            var query = new org.audiu.core.spi.retrieval.RetrievalQuery(c, library, excluded, leftOut, null, 42);
            CandidateSet set = CandidateSet.retrieve(query, settings.retrievers(), 80);
            candidates[v] = set.positions();
            rows[v] = new PairFeatures(c, settings.retrieverNames()).rows(query, set);
        }
        org.junit.jupiter.api.Assertions.assertArrayEquals(candidates[0], candidates[1]);
        for (int j = 0; j < rows[0].length; j++) {
            org.junit.jupiter.api.Assertions.assertArrayEquals(rows[0][j], rows[1][j], 1e-12, "row " + j);
        }
    }

    @Test
    void listenerOfAnotherBenchmarkIsRefused() {
        PlaylistContinuation benchmark = benchmark();
        TwoStageMethod twoStage = method(benchmark, new Recording(), false);
        DatasetPlaylist p = benchmark.listeners().get(0);
        EvaluationListener other = new PlaylistContinuation(catalogue, new PlaylistContinuation.Options(5, 1, 42, 1,
                new PlaylistSplitter(20, 0.5), 0)).listener(p, 42);
        assertThrows(IllegalArgumentException.class, () -> twoStage.recommendVariants(other, 5));
    }
}
