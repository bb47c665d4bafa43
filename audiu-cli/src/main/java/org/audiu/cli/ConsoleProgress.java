package org.audiu.cli;

import me.tongfei.progressbar.ConsoleProgressBarConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;
import org.audiu.core.engine.ProgressReporter;

/** Progress bars on standard error (only when it is a terminal, so logs and pipes stay clean). */
public final class ConsoleProgress implements ProgressReporter {
    private final boolean enabled;

    public ConsoleProgress(boolean enabled) {
        this.enabled = enabled;
    }

    /** Enabled when a console is attached. */
    public static ProgressReporter forTerminal() {
        return new ConsoleProgress(System.console() != null);
    }

    @Override
    public Step start(String task, long total) {
        if (!enabled) {
            return Step.NONE;
        }
        ProgressBar bar = new ProgressBarBuilder().setTaskName(task).setInitialMax(total)
                .setStyle(ProgressBarStyle.ASCII).setUpdateIntervalMillis(200)
                .setConsumer(new ConsoleProgressBarConsumer(System.err)).continuousUpdate().build();
        return new Step() {
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
}
