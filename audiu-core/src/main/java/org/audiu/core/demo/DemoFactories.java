package org.audiu.core.demo;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.audiu.core.AudioFeatures;
import org.audiu.core.FeatureSchema;
import org.audiu.core.FeatureVector;
import org.audiu.core.Track;
import org.audiu.core.config.ComponentConfig;
import org.audiu.core.spi.candidates.Candidate;
import org.audiu.core.spi.candidates.CandidateSource;
import org.audiu.core.spi.candidates.CandidateSourceFactory;
import org.audiu.core.spi.features.FeatureProvider;
import org.audiu.core.spi.features.FeatureProviderFactory;
import org.audiu.core.spi.library.LibrarySource;
import org.audiu.core.spi.library.LibrarySourceFactory;

/** The embedded default: the demo catalogue as candidate source and feature provider, and the demo listener. */
public final class DemoFactories {
    /** The demo listener's default favourite genres. */
    public static final List<String> DEFAULT_GENRES = List.of("Jazz", "Blues");

    private DemoFactories() {
    }

    /** {@code library.source = demo}: {@code genres} (default Jazz, Blues), {@code saved-tracks} (default 150). */
    public static final class LibraryFactory implements LibrarySourceFactory {
        @Override public String name() { return "demo"; }
        @Override public String description() { return "a generated demo listener (no account needed)"; }
        @Override public LibrarySource create(ComponentConfig config) {
            List<String> genres = config.getList("genres", DEFAULT_GENRES);
            int saved = config.getInt("saved-tracks", 150, 10, 2000);
            long seed = config.seed();
            return () -> DemoListener.generate(DemoCatalog.generate(seed), genres, saved, seed);
        }
    }

    /** {@code candidates.source = demo}: the 6,000-track demo catalogue. */
    public static final class CandidatesFactory implements CandidateSourceFactory {
        @Override public String name() { return "demo"; }
        @Override public String description() { return "the generated 6,000-track demo catalogue"; }
        @Override public CandidateSource create(ComponentConfig config) {
            DemoCatalog catalog = DemoCatalog.generate(config.seed());
            return () -> catalog.tracks().stream().map(t -> Candidate.of(t.track(), t.features()));
        }
    }

    /** {@code features = demo}: features of demo catalogue tracks. */
    public static final class FeaturesFactory implements FeatureProviderFactory {
        @Override public String name() { return "demo"; }
        @Override public String description() { return "audio features of the demo catalogue"; }
        @Override public FeatureProvider create(ComponentConfig config) {
            DemoCatalog catalog = DemoCatalog.generate(config.seed());
            return new FeatureProvider() {
                @Override public FeatureSchema schema() { return AudioFeatures.STANDARD; }
                @Override public Map<String, FeatureVector> lookup(List<Track> tracks) {
                    Map<String, FeatureVector> out = new HashMap<>();
                    for (Track t : tracks) {
                        DemoCatalog.DemoTrack d = catalog.byId().get(t.id());
                        if (d != null) {
                            out.put(t.id(), d.features());
                        }
                    }
                    return out;
                }
            };
        }
    }
}
