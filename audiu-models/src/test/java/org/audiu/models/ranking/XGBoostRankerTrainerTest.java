package org.audiu.models.ranking;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import ml.dmlc.xgboost4j.java.Booster;
import ml.dmlc.xgboost4j.java.DMatrix;
import ml.dmlc.xgboost4j.java.XGBoost;
import org.audiu.core.archive.ModelFileException;
import org.audiu.core.config.ComponentConfig;
import org.audiu.core.config.ConfigException;
import org.audiu.core.twostage.RankingQuery;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The XGBoost ranker: learns a ranking across queries, scores as XGBoost does, saves and loads exactly. */
class XGBoostRankerTrainerTest {
    static final List<String> FEATURES = List.of("signal", "noise", "sometimes-missing");

    /** 60 queries of 40 rows; relevance follows "signal" (with noise), "noise" is noise, the last is often NaN. */
    static List<RankingQuery> queries(long seed) {
        Random r = new Random(seed);
        List<RankingQuery> out = new ArrayList<>();
        for (int q = 0; q < 60; q++) {
            double[][] rows = new double[40][];
            float[] labels = new float[40];
            double offset = r.nextGaussian() * 0.2; // a small per-query shift
            for (int i = 0; i < 40; i++) {
                double signal = r.nextGaussian();
                rows[i] = new double[] {signal + offset, r.nextGaussian(), r.nextBoolean() ? Double.NaN
                        : r.nextDouble()};
                labels[i] = signal + r.nextGaussian() * 0.3 > 1.2 ? 1 : 0;
            }
            out.add(new RankingQuery("pl" + q, rows, labels));
        }
        return out;
    }

    static XGBoostRankerTrainer trainer() {
        return new XGBoostRankerTrainer(new XGBoostRankerTrainer.Settings("rank:ndcg", 40, 4, 0.2, 1, 0.8, 0.8, 1));
    }

    @Test
    void ranksRelevantRowsFirstOnUnseenQueries() {
        CompiledRanker ranker = trainer().train(queries(1), FEATURES, 7);
        assertEquals(60, ranker.trainedOn().size());
        double auc = 0;
        int n = 0;
        for (RankingQuery q : queries(2)) {
            double[] s = ranker.score(q.rows());
            for (int i = 0; i < s.length; i++) {
                for (int j = 0; j < s.length; j++) {
                    if (q.labels()[i] > 0 && q.labels()[j] == 0) {
                        auc += s[i] > s[j] ? 1 : s[i] == s[j] ? 0.5 : 0;
                        n++;
                    }
                }
            }
        }
        assertTrue(auc / n > 0.9, "pairwise AUC on unseen queries " + auc / n);
    }

    @Test
    void compiledScoresOrderRowsAsXGBoostsOwnMargins() throws Exception {
        CompiledRanker ranker = trainer().train(queries(1), FEATURES, 7);
        List<RankingQuery> test = queries(3);
        double[][] rows = test.stream().flatMap(q -> java.util.Arrays.stream(q.rows())).toArray(double[][]::new);
        float[] flat = new float[rows.length * 3];
        for (int i = 0; i < rows.length; i++) {
            for (int j = 0; j < 3; j++) {
                flat[i * 3 + j] = (float) rows[i][j];
            }
        }
        Booster booster = XGBoost.loadModel(ranker.boosterJson());
        DMatrix m = new DMatrix(flat, rows.length, 3, Float.NaN);
        float[][] margins = booster.predict(m, true);
        m.dispose();
        booster.dispose();
        double[] ours = ranker.margins(rows);
        double baseScore = margins[0][0] - ours[0];
        for (int i = 0; i < rows.length; i++) {
            assertEquals(margins[i][0], ours[i] + baseScore, 2e-3, "row " + i);
        }
    }

    @Test
    void sameSeedSameModel() {
        assertArrayEquals(trainer().train(queries(1), FEATURES, 7).boosterJson(),
                trainer().train(queries(1), FEATURES, 7).boosterJson());
    }

    @Test
    void savedAndLoadedScoresIdenticallyAndIsChecksummed(@TempDir Path dir) throws Exception {
        CompiledRanker ranker = trainer().train(queries(1), FEATURES, 7);
        Path file = dir.resolve("ranker.zip");
        String checksum = RankerFile.write(file, ranker, Map.of("candidates", "500"), Map.of("catalogue", "x.csv"));
        RankerFile.Loaded loaded = RankerFile.read(file);
        assertEquals(checksum, loaded.checksum());
        assertEquals(RankerFile.sha256(Files.readAllBytes(file)), checksum);
        assertEquals(Map.of("candidates", "500"), loaded.settings());
        assertEquals("x.csv", loaded.provenance().get("catalogue"));
        assertEquals(ranker, loaded.ranker());
        double[][] rows = queries(4).get(0).rows();
        assertArrayEquals(ranker.score(rows), loaded.ranker().score(rows));
        // the same ranker written twice is the same file
        Path again = dir.resolve("again.zip");
        assertEquals(checksum, RankerFile.write(again, ranker, Map.of("candidates", "500"),
                Map.of("catalogue", "x.csv")));
        byte[] bytes = Files.readAllBytes(file);
        bytes[bytes.length / 2] ^= 0x5a;
        Files.write(file, bytes);
        assertThrows(ModelFileException.class, () -> RankerFile.read(file));
    }

    @Test
    void badParametersFailNamingTheKey() {
        ComponentConfig typo = ComponentConfig.of("ranker trainer", "xgboost-rank", Map.of("round", "10"), 1);
        ConfigException e = assertThrows(ConfigException.class, () -> XGBoostRankerTrainer.fromConfig(typo));
        assertTrue(e.getMessage().contains("round"), e.getMessage());
        ComponentConfig objective = ComponentConfig.of("ranker trainer", "xgboost-rank",
                Map.of("objective", "rank:ndgc"), 1);
        assertThrows(ConfigException.class, () -> XGBoostRankerTrainer.fromConfig(objective));
        ComponentConfig ok = ComponentConfig.of("ranker trainer", "xgboost-rank",
                Map.of("objective", "rank:pairwise", "rounds", "5"), 1);
        assertEquals("rank:pairwise", XGBoostRankerTrainer.fromConfig(ok).settings().objective());
    }

    @Test
    void queriesWithoutARelevantRowCannotTrain() {
        RankingQuery none = new RankingQuery("pl", new double[][] {{1, 2, 3}}, new float[] {0});
        assertThrows(IllegalArgumentException.class, () -> trainer().train(List.of(none), FEATURES, 1));
    }
}
