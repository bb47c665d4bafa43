package org.audiu.cli;

import java.io.PrintWriter;
import java.util.Locale;
import java.util.function.LongSupplier;
import me.tongfei.progressbar.ConsoleProgressBarConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;
import org.audiu.core.engine.ProgressReporter;

/**
 * Progress on standard error, never on standard output (which may carry {@code --json}): a progress bar when standard
 * error is a terminal, plain lines otherwise ({@code audiu recommend --json > out.json 2> progress.log}), so a long
 * run piped into a file or a CI log still says what it is doing. Plain lines are written when a step starts, at most
 * every {@link #LINE_INTERVAL_NANOS} while it runs, and when it ends, with its duration.
 */
public final class ConsoleProgress {
    /** System property the launcher sets to whether standard error is a terminal ({@code [ -t 2 ]}). */
    public static final String STDERR_TERMINAL = "audiu.stderr.terminal";
    /** The shortest time between two progress lines of one step. */
    public static final long LINE_INTERVAL_NANOS = 5_000_000_000L;

    private ConsoleProgress() {
    }

    /**
     * Progress for a command whose standard error is {@code err}: a bar when it is a terminal (the launcher says so in
     * {@value #STDERR_TERMINAL}; without it, when a console is attached), plain lines on {@code err} otherwise.
     */
    public static ProgressReporter to(PrintWriter err) {
        String told = System.getProperty(STDERR_TERMINAL);
        boolean terminal = told != null ? Boolean.parseBoolean(told) : System.console() != null;
        return terminal ? ConsoleProgress::bar : lines(err, System::nanoTime, LINE_INTERVAL_NANOS);
    }

    /** Plain progress lines on {@code err}, at most one per {@code intervalNanos} per step (start and end aside). */
    public static ProgressReporter lines(PrintWriter err, LongSupplier nanoTime, long intervalNanos) {
        return (task, total) -> new LineStep(err, nanoTime, intervalNanos, task, total);
    }

    private static ProgressReporter.Step bar(String task, long total) {
        ProgressBar bar = new ProgressBarBuilder().setTaskName(task).setInitialMax(total)
                .setStyle(ProgressBarStyle.ASCII).setUpdateIntervalMillis(200)
                .setConsumer(new ConsoleProgressBarConsumer(System.err)).continuousUpdate().build();
        return new ProgressReporter.Step() {
            @Override
            public void advance(long units) {
                bar.stepBy(units);
            }

            @Override
            public void close() {
                bar.close();
            }
        };
    }

    /** One step as plain lines; steps may advance from several threads. */
    private static final class LineStep implements ProgressReporter.Step {
        private final PrintWriter err;
        private final LongSupplier nanoTime;
        private final long intervalNanos;
        private final String task;
        private final long total;
        private final long started;
        private long done;
        private long lastLine;
        private boolean closed;

        LineStep(PrintWriter err, LongSupplier nanoTime, long intervalNanos, String task, long total) {
            this.err = err;
            this.nanoTime = nanoTime;
            this.intervalNanos = intervalNanos;
            this.task = task;
            this.total = total;
            this.started = nanoTime.getAsLong();
            this.lastLine = started;
            print(task + (total > 0 ? String.format(Locale.ROOT, " (%,d)", total) : "") + " ...");
        }

        @Override
        public synchronized void advance(long units) {
            done += units;
            long now = nanoTime.getAsLong();
            if (!closed && now - lastLine >= intervalNanos) {
                lastLine = now;
                print(task + ": " + count() + String.format(Locale.ROOT, ", %.1f s", (now - started) / 1e9));
            }
        }

        @Override
        public synchronized void close() {
            if (closed) {
                return;
            }
            closed = true;
            double seconds = (nanoTime.getAsLong() - started) / 1e9;
            print(task + ": done" + (done > 0 ? ", " + count() : "") + String.format(Locale.ROOT, " in %.1f s",
                    seconds));
        }

        private String count() {
            if (total > 0) {
                return String.format(Locale.ROOT, "%,d of %,d (%d%%)", done, total, Math.round(100.0 * done / total));
            }
            return String.format(Locale.ROOT, "%,d", done);
        }

        private void print(String line) {
            err.println(line);
            err.flush();
        }
    }
}
