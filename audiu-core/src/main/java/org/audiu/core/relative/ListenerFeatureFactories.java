package org.audiu.core.relative;

import java.io.IOException;
import java.util.List;
import org.audiu.core.config.ComponentConfig;
import org.audiu.core.spi.listener.FittedState;
import org.audiu.core.spi.listener.ListenerFeature;
import org.audiu.core.spi.listener.ListenerFeatureFactory;

/**
 * Factories of the built-in listener-relative features, registered in META-INF/services. Each also restores its
 * fitted feature from the state it saved ({@link ListenerFeatureFactory#readState}): parameters included, so the
 * restored feature computes exactly what the fitted one did.
 */
public final class ListenerFeatureFactories {
    public static final String ARTIST_AFFINITY = "artist-affinity";
    public static final String ALBUM_AFFINITY = "album-affinity";
    public static final String CO_MEMBERSHIP = "co-membership";
    public static final String RELEASE_YEAR = "release-year";
    public static final String POPULARITY = "popularity";
    public static final String AUDIO_SIMILARITY = "audio-similarity";

    private ListenerFeatureFactories() {
    }

    /** Every built-in feature with default parameters, in {@link ListenerFeatures#DEFAULT_NAMES} order. */
    static List<ListenerFeatures.Named> defaults() {
        return List.of(new ListenerFeatures.Named(ARTIST_AFFINITY, new ArtistAffinity()),
                new ListenerFeatures.Named(ALBUM_AFFINITY, new AlbumAffinity()),
                new ListenerFeatures.Named(CO_MEMBERSHIP, new CoMembership()),
                new ListenerFeatures.Named(RELEASE_YEAR, new ReleaseYearProximity(2)),
                new ListenerFeatures.Named(POPULARITY, new PopularityProximity()),
                new ListenerFeatures.Named(AUDIO_SIMILARITY, new AudioSimilarity(AudioSimilarity.DEFAULT_FEATURES)));
    }

    /** {@code artist-affinity}: share of the library by the track's artist, preference-weighted, top-artist rank. */
    public static final class ArtistAffinityFactory implements ListenerFeatureFactory {
        @Override public String name() { return ARTIST_AFFINITY; }
        @Override public String description() { return "share of the library by the track's artist (" 
                + String.join(", ", ArtistAffinity.COLUMNS) + ")"; }
        @Override public ListenerFeature create(ComponentConfig config) { return new ArtistAffinity(); }
        @Override public ListenerFeature.Fitted readState(FittedState.Reader in) throws IOException {
            ListenerFeature.Fitted fitted = ArtistAffinity.Statistics.read(in);
            in.requireEnd();
            return fitted;
        }
    }

    /** {@code album-affinity}: share of the library from the track's album. */
    public static final class AlbumAffinityFactory implements ListenerFeatureFactory {
        @Override public String name() { return ALBUM_AFFINITY; }
        @Override public String description() { return "share of the library from the track's album (album_share)"; }
        @Override public ListenerFeature create(ComponentConfig config) { return new AlbumAffinity(); }
        @Override public ListenerFeature.Fitted readState(FittedState.Reader in) throws IOException {
            ListenerFeature.Fitted fitted = AlbumAffinity.Statistics.read(in);
            in.requireEnd();
            return fitted;
        }
    }

    /** {@code co-membership}: co-occurrence with library tracks in the catalogue's playlists. */
    public static final class CoMembershipFactory implements ListenerFeatureFactory {
        @Override public String name() { return CO_MEMBERSHIP; }
        @Override public String description() { return "co-occurrence with library tracks in the catalogue's "
                + "playlists, when the candidate source knows them (" + String.join(", ", CoMembership.COLUMNS)
                + ")"; }
        @Override public ListenerFeature create(ComponentConfig config) { return new CoMembership(); }
        @Override public ListenerFeature.Fitted readState(FittedState.Reader in) throws IOException {
            ListenerFeature.Fitted fitted = CoMembership.Statistics.read(in);
            in.requireEnd();
            return fitted;
        }
    }

    /** {@code release-year}: distance to the library's years; parameter {@code window} (years, default 2). */
    public static final class ReleaseYearFactory implements ListenerFeatureFactory {
        @Override public String name() { return RELEASE_YEAR; }
        @Override public String description() { return "release-year proximity to the library ("
                + String.join(", ", ReleaseYearProximity.COLUMNS) + ")"; }
        @Override public ListenerFeature create(ComponentConfig config) {
            return new ReleaseYearProximity(config.getInt("window", 2, 0, 100));
        }
        @Override public ListenerFeature.Fitted readState(FittedState.Reader in) throws IOException {
            ListenerFeature.Fitted fitted = ReleaseYearProximity.Statistics.read(in);
            in.requireEnd();
            return fitted;
        }
    }

    /** {@code popularity}: distance to the library's popularity. */
    public static final class PopularityFactory implements ListenerFeatureFactory {
        @Override public String name() { return POPULARITY; }
        @Override public String description() { return "popularity proximity to the library "
                + "(popularity_distance)"; }
        @Override public ListenerFeature create(ComponentConfig config) { return new PopularityProximity(); }
        @Override public ListenerFeature.Fitted readState(FittedState.Reader in) throws IOException {
            ListenerFeature.Fitted fitted = PopularityProximity.Statistics.read(in);
            in.requireEnd();
            return fitted;
        }
    }

    /** {@code audio-similarity}: distance to the library's sound; parameter {@code columns}. */
    public static final class AudioSimilarityFactory implements ListenerFeatureFactory {
        @Override public String name() { return AUDIO_SIMILARITY; }
        @Override public String description() { return "distance of the track's audio features to the library's "
                + "(audio_distance)"; }
        @Override public ListenerFeature create(ComponentConfig config) {
            return new AudioSimilarity(config.getList("columns", AudioSimilarity.DEFAULT_FEATURES));
        }
        @Override public ListenerFeature.Fitted readState(FittedState.Reader in) throws IOException {
            ListenerFeature.Fitted fitted = AudioSimilarity.Statistics.read(in);
            in.requireEnd();
            return fitted;
        }
    }
}
