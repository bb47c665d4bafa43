package org.audiu.cli.serve;

/**
 * What one request may ask for.
 *
 * @param maxSeeds           track ids in {@code seeds}
 * @param maxArtists         {@code artist} parameters
 * @param maxLimit           largest {@code limit} of recommendations
 * @param defaultLimit       recommendations when {@code limit} is absent
 * @param maxQueryLength     characters of a search query or an artist name
 * @param maxSearchLimit     largest {@code limit} of search results (per kind)
 * @param defaultSearchLimit search results per kind when {@code limit} is absent
 * @param maxLibraryTracks   tracks that a request's seeds may stand for (big artists and playlists are cut)
 */
public record ApiLimits(int maxSeeds, int maxArtists, int maxLimit, int defaultLimit, int maxQueryLength,
                        int maxSearchLimit, int defaultSearchLimit, int maxLibraryTracks) {
    public ApiLimits {
        if (maxSeeds < 1 || maxArtists < 0 || maxLimit < 1 || defaultLimit < 1 || defaultLimit > maxLimit
                || maxQueryLength < 1 || maxSearchLimit < 1 || defaultSearchLimit < 1
                || defaultSearchLimit > maxSearchLimit || maxLibraryTracks < 1) {
            throw new IllegalArgumentException("Inconsistent API limits: maxSeeds " + maxSeeds + ", maxArtists "
                    + maxArtists + ", maxLimit " + maxLimit + ", defaultLimit " + defaultLimit + ", maxQueryLength "
                    + maxQueryLength + ", maxSearchLimit " + maxSearchLimit + ", defaultSearchLimit "
                    + defaultSearchLimit + ", maxLibraryTracks " + maxLibraryTracks);
        }
    }

    public static ApiLimits defaults() {
        return new ApiLimits(25, 5, 50, 10, 100, 50, 8, 500);
    }
}
