package org.audiu.core.eval.playlist;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.audiu.core.engine.ProgressReporter;
import org.audiu.core.metrics.RankingMetrics;

/**
 * Playlist continuation under several protocols in one go: each cell is a {@link PlaylistSplitter} (which playlists
 * are listeners, what share is hidden) and a {@link PoolChoice}; every cell runs the same methods with the same
 * seeds, and audiU (the first method's first list) is compared with every other list that is not one of its own
 * variants. The catalogue is parsed once and shared.
 */
public final class ProtocolMatrix {
    /** Playlists with this many unique tracks or more are "large"; below, from {@link #SMALL_MIN}, "small". */
    public static final int LARGE_MIN = 50;
    /** The fewest unique tracks of a "small" playlist. */
    public static final int SMALL_MIN = 10;

    /** One protocol of the matrix. */
    public record Cell(String name, PlaylistSplitter splitter, PoolChoice pool) {
        public Cell {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(splitter, "splitter");
            Objects.requireNonNull(pool, "pool");
        }
    }

    /** audiU against one other list in one cell: the differences audiU minus the other (positive: audiU better). */
    public record Comparison(String against, String cap, double ndcg, double rPrecision, double ndcgDelta,
                             double rPrecisionDelta) {
        /** audiU is better on both NDCG@k and R-precision. */
        public boolean audiuWins() {
            return ndcgDelta > 0 && rPrecisionDelta > 0;
        }
    }

    /** One cell's report and audiU's comparisons. */
    public record CellResult(Cell cell, ContinuationReport report, List<Comparison> comparisons) {
        public CellResult {
            Objects.requireNonNull(cell, "cell");
            Objects.requireNonNull(report, "report");
            comparisons = List.copyOf(comparisons);
        }

        /** audiU's own result in this cell. */
        public ContinuationReport.MethodResult audiu() {
            return report.methods().get(0);
        }

        public boolean audiuBeatsAll() {
            return comparisons.stream().allMatch(Comparison::audiuWins);
        }
    }

    private final EvaluationCatalogue catalogue;
    private final List<Cell> cells;
    private final PlaylistContinuation.Options base;

    /**
     * @param base k, seeds, first seed, threads and the listener limit shared by every cell (its splitter and pool
     *             are replaced by each cell's)
     */
    public ProtocolMatrix(EvaluationCatalogue catalogue, List<Cell> cells, PlaylistContinuation.Options base) {
        this.catalogue = Objects.requireNonNull(catalogue, "catalogue");
        this.cells = List.copyOf(cells);
        this.base = Objects.requireNonNull(base, "base");
        if (this.cells.isEmpty()) {
            throw new IllegalArgumentException("A protocol matrix needs at least one cell");
        }
    }

    /**
     * The standard matrix: hidden 0.2 and 0.5, small ({@value #SMALL_MIN} to {@value #LARGE_MIN} - 1 unique tracks)
     * and large ({@value #LARGE_MIN} or more) playlists, the whole catalogue and a sampled pool of
     * {@code sampleSize}.
     */
    public static List<Cell> standard(int sampleSize) {
        List<Cell> out = new ArrayList<>();
        for (double hidden : new double[] {0.2, 0.5}) {
            for (boolean small : new boolean[] {true, false}) {
                for (PoolChoice pool : List.of(PoolChoice.all(), PoolChoice.sample(sampleSize))) {
                    PlaylistSplitter splitter = small ? new PlaylistSplitter(SMALL_MIN, LARGE_MIN - 1, hidden)
                            : new PlaylistSplitter(LARGE_MIN, Integer.MAX_VALUE, hidden);
                    out.add(new Cell("hidden " + hidden + ", " + (small ? "small" : "large") + ", pool "
                            + pool.describe(), splitter, pool));
                }
            }
        }
        return out;
    }

    public List<Cell> cells() {
        return cells;
    }

    /** Runs every cell; {@code methods.get(0)} is audiU. */
    public List<CellResult> run(List<ContinuationMethod> methods, ProgressReporter progress) {
        if (methods.isEmpty()) {
            throw new IllegalArgumentException("No method to evaluate");
        }
        return run(benchmark -> methods, progress);
    }

    /**
     * Runs every cell with the method under test made for that cell's benchmark (the two-stage recommender trains
     * its rankers on the cell's own listeners) and compared with {@code others}.
     */
    public List<CellResult> run(java.util.function.Function<PlaylistContinuation, ContinuationMethod> underTest,
                                List<ContinuationMethod> others, ProgressReporter progress) {
        return run(benchmark -> {
            List<ContinuationMethod> all = new ArrayList<>();
            all.add(underTest.apply(benchmark));
            all.addAll(others);
            return all;
        }, progress);
    }

    private List<CellResult> run(java.util.function.Function<PlaylistContinuation, List<ContinuationMethod>> methodsOf,
                                 ProgressReporter progress) {
        List<CellResult> out = new ArrayList<>();
        for (Cell cell : cells) {
            PlaylistContinuation.Options options = new PlaylistContinuation.Options(base.k(), base.seeds(),
                    base.firstSeed(), base.threads(), cell.splitter(), base.maxListeners(), cell.pool());
            PlaylistContinuation benchmark = new PlaylistContinuation(catalogue, options);
            List<ContinuationMethod> methods = methodsOf.apply(benchmark);
            String audiu = methods.get(0).name();
            ContinuationReport report = benchmark.run(methods, progress);
            RankingMetrics mine = report.methods().get(0).mean();
            List<Comparison> comparisons = new ArrayList<>();
            for (ContinuationReport.MethodResult r : report.methods().subList(1, report.methods().size())) {
                if (r.name().startsWith(audiu + "@")) {
                    continue;
                }
                RankingMetrics other = r.mean();
                comparisons.add(new Comparison(r.name(), r.cap(), other.ndcg(), other.rPrecision(),
                        mine.ndcg() - other.ndcg(), mine.rPrecision() - other.rPrecision()));
            }
            out.add(new CellResult(cell, report, comparisons));
        }
        return out;
    }
}
