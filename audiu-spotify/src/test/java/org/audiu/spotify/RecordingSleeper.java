package org.audiu.spotify;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.audiu.spotify.http.Sleeper;

/** A {@link Sleeper} that records the waits instead of sleeping. */
public final class RecordingSleeper implements Sleeper {
    private final List<Duration> sleeps = new ArrayList<>();

    @Override
    public synchronized void sleep(Duration duration) {
        sleeps.add(duration);
    }

    public synchronized List<Duration> sleeps() {
        return List.copyOf(sleeps);
    }

    public synchronized Duration total() {
        return sleeps.stream().reduce(Duration.ZERO, Duration::plus);
    }
}
