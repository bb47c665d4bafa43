package org.audiu.models;

import java.util.Optional;
import org.audiu.core.spi.training.ModelProvenance;
import org.audiu.models.compiled.BatchScorer;
import org.audiu.models.compiled.CompiledClassifier;
import org.audiu.models.compiled.FastScoring;

/**
 * A model that is compiled on its first prediction and then scores through the compiled form, falling back to its
 * unoptimised {@link #predictReference} path when it has none. Subclasses say how to compile ({@link #compile}) and
 * what the reference path is; the lazy, thread-safe compilation and the choice of path live here once.
 */
public abstract class CompiledScoringModel extends AudiuModel implements FastScoring {
    /** The compiled fast path: null until the first prediction, then present or empty (not compilable). */
    private volatile Optional<BatchScorer> fast;

    protected CompiledScoringModel(ModelProvenance provenance) {
        super(provenance);
    }

    /**
     * Compiles this model into a batch scorer, or empty (logged by the implementation) when it cannot be compiled.
     * Called at most once, under this object's lock.
     */
    protected abstract Optional<BatchScorer> compile();

    @Override
    public final Optional<CompiledClassifier> compiled() {
        return fastPath().map(BatchScorer::classifier);
    }

    private Optional<BatchScorer> fastPath() {
        Optional<BatchScorer> f = fast;
        if (f == null) {
            synchronized (this) {
                f = fast;
                if (f == null) {
                    f = compile();
                    fast = f;
                }
            }
        }
        return f;
    }

    @Override
    public final double[][] predictProbabilities(double[][] rows) {
        Optional<BatchScorer> f = fastPath();
        return f.isPresent() ? f.get().probabilities(rows) : predictReference(rows);
    }

    @Override
    public final double[] probabilityOf(String label, double[][] rows) {
        Optional<BatchScorer> f = fastPath();
        int column = labels().indexOf(label);
        if (f.isEmpty() || column < 0) {
            return super.probabilityOf(label, rows);
        }
        return f.get().probabilityOf(column, rows);
    }
}
