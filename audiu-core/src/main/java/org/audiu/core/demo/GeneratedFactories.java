package org.audiu.core.demo;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.stream.Stream;
import org.audiu.core.AudioFeatures;
import org.audiu.core.FeatureSchema;
import org.audiu.core.FeatureVector;
import org.audiu.core.Track;
import org.audiu.core.config.ComponentConfig;
import org.audiu.core.spi.candidates.Candidate;
import org.audiu.core.spi.candidates.CandidateSource;
import org.audiu.core.spi.candidates.SplittableCandidateSource;
import org.audiu.core.spi.candidates.CandidateSourceFactory;
import org.audiu.core.spi.features.FeatureProvider;
import org.audiu.core.spi.features.FeatureProviderFactory;
import org.audiu.core.spi.library.LibrarySource;
import org.audiu.core.spi.library.LibrarySourceFactory;

/**
 * The {@link GeneratedCatalogue} as plugins named {@code generated}: a streamed candidate pool of any size, the
 * features of its tracks by id, and a listener made of some of its artists. Parameters: {@code size} (1,000,000),
 * {@code tracks-per-artist} (20); the listener also {@code genre} (Jazz) and {@code artists} (12). The seed is the
 * global one; use the same parameters for all three.
 */
public final class GeneratedFactories {
    private GeneratedFactories() {
    }

    static GeneratedCatalogue catalogue(ComponentConfig config) {
        long size = config.getLong("size", 1_000_000);
        if (size < 1) {
            throw new org.audiu.core.config.ConfigException("'" + config.qualified("size") + "' must be at least 1,"
                    + " got " + size + " (in " + config.origin() + ").");
        }
        return new GeneratedCatalogue(size, config.seed(), config.getInt("tracks-per-artist", 20, 1, 100_000));
    }

    /** {@code candidates.source = generated}: a seeded pool streamed track by track, never held in memory. */
    public static final class CandidatesFactory implements CandidateSourceFactory {
        @Override public String name() { return "generated"; }
        @Override public String description() { return "a seeded generated pool of any size (candidates.size), "
                + "streamed, never held in memory"; }
        @Override public CandidateSource create(ComponentConfig config) {
            GeneratedCatalogue catalogue = catalogue(config);
            return new SplittableCandidateSource() {
                @Override public Stream<Candidate> candidates() { return catalogue.candidates(); }
                @Override public long size() { return catalogue.size(); }
                @Override public Stream<Candidate> candidates(long from, long to) {
                    return catalogue.candidates(from, to);
                }
            };
        }
    }

    /** {@code features = generated}: features of generated tracks, rebuilt from their ids. */
    public static final class FeaturesFactory implements FeatureProviderFactory {
        @Override public String name() { return "generated"; }
        @Override public String description() { return "audio features of generated tracks (by id)"; }
        @Override public FeatureProvider create(ComponentConfig config) {
            GeneratedCatalogue catalogue = catalogue(config);
            return new FeatureProvider() {
                @Override public FeatureSchema schema() { return AudioFeatures.STANDARD; }
                @Override public Map<String, FeatureVector> lookup(List<Track> tracks) {
                    Map<String, FeatureVector> out = new HashMap<>();
                    for (Track t : tracks) {
                        OptionalLong i = catalogue.indexOf(t.id());
                        if (i.isPresent()) {
                            out.put(t.id(), catalogue.candidate(i.getAsLong()).features().orElseThrow());
                        }
                    }
                    return out;
                }
            };
        }
    }

    /** {@code library.source = generated}: a listener who saved every track of some artists of one genre. */
    public static final class LibraryFactory implements LibrarySourceFactory {
        @Override public String name() { return "generated"; }
        @Override public String description() { return "a listener of the generated pool (library.genre, "
                + "library.artists)"; }
        @Override public LibrarySource create(ComponentConfig config) {
            GeneratedCatalogue catalogue = catalogue(config);
            String genre = config.getString("genre", "Jazz");
            int artists = config.getInt("artists", 12, 1, 10_000);
            return () -> catalogue.listener(genre, artists);
        }
    }
}
