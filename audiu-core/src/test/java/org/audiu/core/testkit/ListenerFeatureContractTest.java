package org.audiu.core.testkit;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import org.audiu.core.Track;
import org.audiu.core.spi.candidates.TrackKeys;
import org.audiu.core.config.ComponentConfig;
import org.audiu.core.plugin.PluginRegistry;
import org.audiu.core.spi.listener.FittedState;
import org.audiu.core.spi.listener.ListenerContext;
import org.audiu.core.spi.listener.ListenerFeature;
import org.audiu.core.spi.listener.ListenerFeatureFactory;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * Extend this to prove a listener feature behaves: valid unique column names; fitted to {@link TestData}'s library,
 * it writes exactly its columns (finite or NaN) for library tracks and candidates alike, deterministically; and its
 * saved state, read back by the factory, computes bit for bit the same values, while a truncated or overlong state
 * fails with an {@link IOException}. If this passes, the engine can use the feature and save it with a trained
 * recommender.
 */
public abstract class ListenerFeatureContractTest {
    /** Columns before the feature's, so writes below its offset show. */
    private static final int OFFSET = 3;
    /** Columns after the feature's, so writes past its end show. */
    private static final int AFTER = 2;

    /** The factory under test: it creates the feature and reads its saved state back. */
    protected abstract ListenerFeatureFactory factory();

    /** The configuration the feature is created from; no parameters by default. */
    protected ComponentConfig config() {
        return ComponentConfig.of("listener feature", factory().name(), Map.of(), 42);
    }

    /** What the feature is fitted to; {@link TestData#listenerContext()} by default. */
    protected ListenerContext listener() {
        return TestData.listenerContext();
    }

    /** Tracks that are not the listener's; {@link TestData#candidates()} by default. */
    protected List<Track> candidates() {
        return TestData.candidates();
    }

    /**
     * Whether the feature must fit {@link #listener()}; true by default. Return false for a feature that needs data
     * the test library lacks: the checks of a fitted feature are then skipped when it does not fit.
     */
    protected boolean fitsTheTestListener() {
        return true;
    }

    private ListenerFeature feature() {
        return PluginRegistry.of(ListenerFeatureFactory.KIND, factory()).create(factory().name(), config());
    }

    private ListenerFeature.Fitted fitted() {
        Optional<ListenerFeature.Fitted> fitted = feature().fit(listener());
        if (fitsTheTestListener()) {
            assertTrue(fitted.isPresent(), factory().name() + " did not fit the test listener");
        }
        Assumptions.assumeTrue(fitted.isPresent(), "the feature has no data in the test listener");
        return fitted.get();
    }

    /** Every value the fitted feature computes: each library track as a training row and as a candidate, then
     * each candidate, in that order. */
    private double[] computeAll(ListenerFeature.Fitted fitted, double fill) {
        int width = feature().columns().size();
        ListenerContext listener = listener();
        List<Track> liked = listener.liked();
        double[] all = new double[(2 * liked.size() + candidates().size()) * width];
        int k = 0;
        for (int pass = 0; pass < 3; pass++) {
            List<Track> tracks = pass < 2 ? liked : candidates();
            for (int i = 0; i < tracks.size(); i++) {
                Track t = tracks.get(i);
                double[] row = pass < 2 ? listener.likedRows()[i] : TestData.audioRow(t.id());
                double[] out = new double[OFFSET + width + AFTER];
                Arrays.fill(out, fill);
                fitted.compute(t, row.clone(), pass == 0, out, OFFSET);
                for (int j = 0; j < out.length; j++) {
                    if (j < OFFSET || j >= OFFSET + width) {
                        assertEquals(Double.doubleToRawLongBits(fill), Double.doubleToRawLongBits(out[j]),
                                "wrote outside its columns at " + (j - OFFSET) + " for " + t.id());
                    }
                }
                System.arraycopy(out, OFFSET, all, k, width);
                k += width;
            }
        }
        return all;
    }

    private static void assertSameBits(double[] expected, double[] actual, String what) {
        assertEquals(expected.length, actual.length, what);
        for (int i = 0; i < expected.length; i++) {
            assertEquals(Double.doubleToRawLongBits(expected[i]), Double.doubleToRawLongBits(actual[i]),
                    what + " at value " + i + ": " + expected[i] + " vs " + actual[i]);
        }
    }

    @Test
    void columnsAreUniqueLowerCaseSnakeCase() {
        List<String> columns = feature().columns();
        assertFalse(columns.isEmpty(), "a feature adds at least one column");
        for (String c : columns) {
            assertTrue(c.matches("[a-z][a-z0-9]*(_[a-z0-9]+)*"), "not lower-case snake_case: '" + c + "'");
        }
        assertEquals(columns.size(), new HashSet<>(columns).size(), "columns twice: " + columns);
    }

    @Test
    void fillsExactlyItsColumnsWithFiniteOrMissingValues() {
        ListenerFeature.Fitted fitted = fitted();
        double[] first = computeAll(fitted, -7.25);
        double[] second = computeAll(fitted, 1e300);
        assertSameBits(first, second, "a column left as it was (not written)");
        for (double v : first) {
            assertFalse(Double.isInfinite(v), "an infinite value");
        }
    }

    /**
     * The ranking pass hands each candidate's {@link TrackKeys} (hashes its source computed once): the values must be
     * exactly those computed from the track alone, for names spelled in other cases, padded, or outside ASCII too.
     */
    @Test
    void computesTheSameWithTheTrackKeys() {
        ListenerFeature.Fitted fitted = fitted();
        int width = feature().columns().size();
        ListenerContext listener = listener();
        List<Track> tracks = new java.util.ArrayList<>();
        List<double[]> rows = new java.util.ArrayList<>();
        List<Boolean> own = new java.util.ArrayList<>();
        for (int i = 0; i < listener.liked().size(); i++) {
            Track t = listener.liked().get(i);
            double[] row = listener.likedRows()[i];
            for (int variant = 0; variant < 4; variant++) {
                tracks.add(variant == 0 ? t : respelled(t, variant));
                rows.add(row);
                own.add(variant == 0);
            }
        }
        for (Track t : candidates()) {
            tracks.add(t);
            rows.add(TestData.audioRow(t.id()));
            own.add(false);
        }
        for (int i = 0; i < tracks.size(); i++) {
            Track t = tracks.get(i);
            double[] byTrack = new double[OFFSET + width + AFTER];
            double[] byKeys = new double[OFFSET + width + AFTER];
            fitted.compute(t, rows.get(i).clone(), own.get(i), byTrack, OFFSET);
            fitted.compute(t, TrackKeys.of(t), rows.get(i).clone(), own.get(i), byKeys, OFFSET);
            assertSameBits(byTrack, byKeys, "with the track keys of " + t);
        }
    }

    /** The track under another id, its artist and album names spelled otherwise. */
    private static Track respelled(Track t, int variant) {
        java.util.function.UnaryOperator<String> spell = switch (variant) {
            case 1 -> s -> "  " + s.toUpperCase(java.util.Locale.ROOT) + " ";
            case 2 -> s -> s + "\u00e9";
            default -> s -> "\t" + s;
        };
        return new Track(t.id() + "-v" + variant, t.name(), t.artists().stream().map(spell).toList(),
                spell.apply(t.album()), t.releaseYear(), t.durationMs(), t.explicit(), t.popularity(), t.isrc(),
                t.genre());
    }

    @Test
    void isDeterministic() {
        double[] once = computeAll(fitted(), 0);
        assertSameBits(once, computeAll(fitted(), 0), "two fits to the same listener");
    }

    @Test
    void restoredStateComputesTheSameValues() throws IOException {
        ListenerFeature.Fitted fitted = fitted();
        byte[] state = write(fitted);
        ListenerFeature.Fitted restored = factory().readState(new FittedState.Reader(state));
        assertSameBits(computeAll(fitted, 0), computeAll(restored, 0), "restored vs fitted");
        assertArrayEquals(state, write(restored), "the restored feature saves the same state");
        assertArrayEquals(state, write(fitted()), "two fits save the same state");
    }

    @Test
    void truncatedOrOverlongStateFails() throws IOException {
        byte[] state = write(fitted());
        TreeSet<Integer> cuts = new TreeSet<>(List.of(0, state.length / 2, Math.max(0, state.length - 1)));
        for (int i = 0; i < 200 && state.length > 0; i++) {
            cuts.add((int) ((long) i * state.length / 200));
        }
        cuts.remove(state.length);
        for (int cut : cuts) {
            byte[] part = Arrays.copyOf(state, cut);
            assertThrows(IOException.class, () -> factory().readState(new FittedState.Reader(part)),
                    "a state cut to " + cut + " of " + state.length + " bytes was read");
        }
        byte[] longer = Arrays.copyOf(state, state.length + 1);
        IOException e = assertThrows(IOException.class, () -> factory().readState(new FittedState.Reader(longer)),
                "a state with a byte too many was read: call requireEnd()");
        assertTrue(e.getMessage() != null && !e.getMessage().isBlank(), "the failure says what is wrong");
    }

    private static byte[] write(ListenerFeature.Fitted fitted) throws IOException {
        FittedState.Writer out = new FittedState.Writer();
        fitted.writeState(out);
        return out.toBytes();
    }
}
