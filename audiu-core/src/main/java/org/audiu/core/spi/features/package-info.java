/**
 * Feature providers: the audio features of tracks by id, chained with fallbacks (Spotify's audio features, ReccoBeats,
 * a dataset); a provider that is closed to this app says so with {@link
 * org.audiu.core.spi.features.FeatureProviderUnavailableException} and the next one takes over.
 */
package org.audiu.core.spi.features;
