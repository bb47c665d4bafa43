package org.audiu.core.dataset;

/** One bad line of a dataset: where, and why it was skipped. */
public record DatasetProblem(long line, String reason) {
    @Override
    public String toString() {
        return "line " + line + ": " + reason;
    }
}
