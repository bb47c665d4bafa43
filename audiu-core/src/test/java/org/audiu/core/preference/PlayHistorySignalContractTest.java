package org.audiu.core.preference;

import java.util.List;
import java.util.Optional;
import org.audiu.core.ListenerLibrary;
import org.audiu.core.Track;
import org.audiu.core.TrackPlays;
import org.audiu.core.spi.preference.PreferenceSignal;
import org.audiu.core.testkit.PreferenceSignalContractTest;
import org.audiu.core.testkit.TestData;

/**
 * The contract of every listening-history signal: values in [0, 1] with a history, no data without one. One
 * contract test class per signal below.
 */
abstract class PlayHistorySignalContractTest extends PreferenceSignalContractTest {
    static ListenerLibrary history() {
        List<TrackPlays> plays = new java.util.ArrayList<>();
        int i = 0;
        for (Track t : TestData.smallLibrary().distinctTracks()) {
            int n = 1 + i;
            plays.add(new TrackPlays(t, n, n, n * 100_000L, n - i % 2, i % 2, i % 2, 1_000_000L * i,
                    1_000_000L * i + 86_400_000L * i, Math.min(n, 1 + i)));
            i++;
        }
        return ListenerLibrary.ofHistory(plays);
    }

    @Override
    protected ListenerLibrary library() {
        return history();
    }

    @Override
    protected Optional<ListenerLibrary> libraryWithoutItsData() {
        return Optional.of(TestData.smallLibrary());
    }
}

class PlayCountSignalTest extends PlayHistorySignalContractTest {
    @Override protected PreferenceSignal signal() { return PlayHistorySignal.playCount(); }
}

class ListeningTimeSignalTest extends PlayHistorySignalContractTest {
    @Override protected PreferenceSignal signal() { return PlayHistorySignal.listeningTime(); }
}

class CompletionSignalTest extends PlayHistorySignalContractTest {
    @Override protected PreferenceSignal signal() { return PlayHistorySignal.completion(); }
}

class SkipRateSignalTest extends PlayHistorySignalContractTest {
    @Override protected PreferenceSignal signal() { return PlayHistorySignal.skipRate(); }
}

class PlayRecencySignalTest extends PlayHistorySignalContractTest {
    @Override protected PreferenceSignal signal() { return PlayHistorySignal.playRecency(30); }
}

class RepeatDaysSignalTest extends PlayHistorySignalContractTest {
    @Override protected PreferenceSignal signal() { return PlayHistorySignal.repeatDays(); }
}
