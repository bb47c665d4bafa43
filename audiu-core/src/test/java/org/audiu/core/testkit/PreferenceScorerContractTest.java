package org.audiu.core.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.audiu.core.AudiuException;
import org.audiu.core.ListenerLibrary;
import org.audiu.core.spi.preference.PreferenceScorer;
import org.audiu.core.spi.preference.PreferenceScores;
import org.junit.jupiter.api.Test;

/**
 * Extend this to prove a preference scorer behaves: every library track gets a score in [0, 1], the same library
 * scores the same, and an empty library is a clear error.
 */
public abstract class PreferenceScorerContractTest {
    protected abstract PreferenceScorer scorer();

    protected ListenerLibrary library() {
        return TestData.smallLibrary();
    }

    @Test
    void scoresEveryTrackWithinZeroAndOne() {
        ListenerLibrary library = library();
        PreferenceScores scores = scorer().score(library);
        for (String id : library.tracksById().keySet()) {
            assertTrue(scores.scores().containsKey(id), "no score for " + id);
            double s = scores.scoreOf(id);
            assertTrue(s >= 0 && s <= 1, "score " + s + " for " + id);
        }
    }

    @Test
    void isDeterministic() {
        assertEquals(scorer().score(library()).scores(), scorer().score(library()).scores());
    }

    @Test
    void emptyLibraryIsAClearError() {
        AudiuException e = assertThrows(AudiuException.class, () -> scorer().score(ListenerLibrary.empty()));
        assertTrue(e.getMessage().toLowerCase().contains("empty"), e.getMessage());
    }
}
