package org.audiu.core.relative;

import java.io.IOException;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.audiu.core.spi.listener.FittedState;

/**
 * What the built-in features share when they save their statistics: a format version first, and maps and sets in
 * key order, so the same fitted feature always writes the same bytes.
 */
final class FeatureStates {
    private FeatureStates() {
    }

    /** Writes the format version a state starts with. */
    static void writeVersion(FittedState.Writer out, int version) throws IOException {
        out.writeInt(version);
    }

    /** Reads the format version and fails unless it is {@code expected}. */
    static void readVersion(FittedState.Reader in, String feature, int expected) throws IOException {
        int version = in.readInt();
        if (version != expected) {
            throw new IOException("The saved state of the listener feature '" + feature + "' has format version "
                    + version + ", this audiU reads version " + expected + ": retrain the recommender with this "
                    + "version of audiU.");
        }
    }

    /** The map in key order. */
    static <V> Map<String, V> sorted(Map<String, V> map) {
        return new TreeMap<>(map);
    }

    /** The strings in order. */
    static Collection<String> sorted(Set<String> values) {
        return new TreeSet<>(values);
    }

    /** Strings read back as an immutable set. */
    static Set<String> readSet(FittedState.Reader in) throws IOException {
        List<String> values = in.readStrings();
        Set<String> out = Set.copyOf(values);
        if (out.size() != values.size()) {
            throw new IOException("a saved set holds a value twice: the state is corrupt");
        }
        return out;
    }

    /** Fails with a clear message when a restored value breaks an invariant of the fitted feature. */
    static void check(boolean valid, String feature, String what) throws IOException {
        if (!valid) {
            throw new IOException("The saved state of the listener feature '" + feature + "' is corrupt: " + what);
        }
    }
}
