package org.audiu.core.spi.candidates;

import org.audiu.core.spi.PluginFactory;
import org.audiu.core.spi.PluginKind;

/** Service interface for {@link CandidateSource}s; config key {@code candidates.source}. */
public interface CandidateSourceFactory extends PluginFactory<CandidateSource> {
    /** The kind: selected by {@code candidates.source}, parameters under {@code candidates.}. */
    PluginKind<CandidateSourceFactory> KIND = new PluginKind<>("candidate source", CandidateSourceFactory.class,
            "candidates.source", "candidates", PluginKind.Selection.ONE, "demo",
            "audiu-core (demo, dataset) or audiu-spotify (spotify-search)");
}
