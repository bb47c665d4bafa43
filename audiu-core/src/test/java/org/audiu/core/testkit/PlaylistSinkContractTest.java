package org.audiu.core.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.audiu.core.Recommendation;
import org.audiu.core.Track;
import org.audiu.core.spi.sink.PlaylistSink;
import org.junit.jupiter.api.Test;

/**
 * Extend this to prove a playlist sink behaves: writing recommendations returns a non-blank location where exactly
 * those tracks now are, in order, and an empty list is refused with a clear {@link IllegalArgumentException}
 * before anything is written (a sink never makes an empty playlist). If this passes, the engine and the command
 * line can hand their recommendations to the sink.
 */
public abstract class PlaylistSinkContractTest {
    /** The sink under test. */
    protected abstract PlaylistSink sink();

    /** {@code n} distinct tracks the sink can write (with ids it accepts), best first. */
    protected abstract List<Track> tracks(int n);

    /** The ids of the tracks written to {@code location}, in order, read back from where the sink wrote them. */
    protected abstract List<String> written(String location);

    private List<Recommendation> recommendations(int n) {
        List<Track> tracks = tracks(n);
        assertEquals(n, tracks.stream().map(Track::id).distinct().count(), "tracks(" + n + ") must be distinct");
        return tracks.stream().map(t -> new Recommendation(t, 1.0 - tracks.indexOf(t) / (2.0 * n),
                List.of("a contract test"))).toList();
    }

    private void writesInOrder(int n) {
        List<Recommendation> recommendations = recommendations(n);
        String location = sink().write("contract " + n, recommendations);
        assertTrue(location != null && !location.isBlank(), "write must say where the playlist went");
        assertEquals(recommendations.stream().map(r -> r.track().id()).toList(), written(location));
    }

    @Test
    void writesOneTrack() {
        writesInOrder(1);
    }

    @Test
    void writesManyTracksInOrder() {
        writesInOrder(150);
    }

    @Test
    void refusesAnEmptyList() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> sink().write("nothing", List.of()));
        assertFalse(e.getMessage() == null || e.getMessage().isBlank(), "the refusal says why");
        assertTrue(e.getMessage().contains("nothing"), "the refusal names the playlist: " + e.getMessage());
    }
}
