package org.audiu.core.engine;

/** Reports progress of long steps (the CLI shows a progress bar; the library default shows nothing). */
public interface ProgressReporter {
    /** A listener that ignores everything. */
    ProgressReporter NONE = (task, total) -> Step.NONE;

    /**
     * A step starts.
     *
     * @param total units of work, or -1 when unknown (a streamed pool)
     */
    Step start(String task, long total);

    /** A running step. */
    interface Step extends AutoCloseable {
        Step NONE = new Step() {
            @Override public void advance(long units) { }
            @Override public void close() { }
        };

        void advance(long units);

        @Override
        void close();
    }
}
