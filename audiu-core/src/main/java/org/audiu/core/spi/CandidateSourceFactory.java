package org.audiu.core.spi;

/** Service interface for {@link CandidateSource}s; config key {@code candidates.source}. */
public interface CandidateSourceFactory extends PluginFactory<CandidateSource> {
}
