/**
 * Listener-relative features: columns computed for every track from the listener's own library, appended by the
 * engine to the audio features of training rows and candidates alike, so the trained model (chosen by name, as
 * always) learns how much each matters for this listener.
 *
 * <p>Where they sit in the pipeline: {@code prepare} loads the library and its features, then fits every configured
 * {@link org.audiu.core.spi.listener.ListenerFeature} to it ({@link org.audiu.core.relative.ListenerFeatures#fit});
 * training
 * extends each liked row with {@code inLibrary = true} (the track leaves itself out of the statistics, so a training
 * row looks like a candidate) and each sampled negative with {@code false}; scoring extends each candidate the same
 * way. Configuration:
 * <pre>
 * listener-features = artist-affinity, album-affinity, co-membership, release-year, popularity, audio-similarity
 * listener-features.release-year.window = 2
 * # listener-features = none     turns them off: the model then sees the audio features only
 * </pre>
 * Built in: {@code artist-affinity} (artist_share, artist_preference, artist_top), {@code album-affinity}
 * (album_share), {@code co-membership} (group_cooccurrence, artist_cooccurrence; needs a candidate source that
 * implements {@link org.audiu.core.spi.candidates.CoMembershipIndex}, like {@code dataset}), {@code release-year}
 * (year_distance, year_density), {@code popularity} (popularity_distance), {@code audio-similarity}
 * (audio_distance). Each uses only what a real listener's library and the candidate catalogue hold; a feature
 * without data for a listener (no release years, no popularity, no co-membership index) is left out of that run.
 * Third-party features register a {@link org.audiu.core.spi.listener.ListenerFeatureFactory} in
 * {@code META-INF/services}.
 */
package org.audiu.core.relative;

