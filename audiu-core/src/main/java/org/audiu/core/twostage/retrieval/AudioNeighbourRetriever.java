package org.audiu.core.twostage.retrieval;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.WeakHashMap;
import java.util.stream.IntStream;
import org.audiu.core.FeatureSchema;
import org.audiu.core.FeatureVector;
import org.audiu.core.Recommendation;
import org.audiu.core.catalogue.Catalogue;
import org.audiu.core.catalogue.CatalogueNeighbours;
import org.audiu.core.catalogue.CatalogueTrack;
import org.audiu.core.spi.retrieval.RetrievalCatalogue;
import org.audiu.core.spi.retrieval.RetrievalQuery;
import org.audiu.core.spi.retrieval.Retrieved;
import org.audiu.core.spi.retrieval.Retriever;

/**
 * Audio neighbours: the {@link CatalogueNeighbours} sound kernel (a kernel density over the library's tracks in the
 * artist-discriminative audio space, plus the artist-centre term), with its playlist and same-artist terms off, so it
 * reads no playlist at all (the other retrievers cover those). The kernel is built once per catalogue.
 */
public final class AudioNeighbourRetriever implements Retriever {
    private final double artistSoundWeight;
    private final Map<RetrievalCatalogue, CatalogueNeighbours> kernels =
            Collections.synchronizedMap(new WeakHashMap<>());

    /** @param artistSoundWeight weight of the candidate's artist's average sound (0: tracks only) */
    public AudioNeighbourRetriever(double artistSoundWeight) {
        if (!(artistSoundWeight >= 0) || Double.isInfinite(artistSoundWeight)) {
            throw new IllegalArgumentException("artistSoundWeight must be finite and >= 0, got " + artistSoundWeight);
        }
        this.artistSoundWeight = artistSoundWeight;
    }

    @Override
    public Retrieved retrieve(RetrievalQuery query, int limit) {
        RetrievalCatalogue c = query.catalogue();
        if (query.library().length == 0) {
            return new Retrieved(new int[0], new double[0]);
        }
        CatalogueNeighbours kernel = kernels.computeIfAbsent(c, this::kernel);
        List<CatalogueTrack> seeds = new ArrayList<>();
        List<CatalogueTrack> all = kernelTracks(kernel);
        for (int i : query.library()) {
            seeds.add(all.get(i));
        }
        // the kernel leaves out the seeds and their songs; ask for more to cover excluded pool positions
        int excludedOthers = 0;
        for (boolean e : query.excluded()) {
            excludedOthers += e ? 1 : 0;
        }
        int ask = Math.min(c.size(), limit + excludedOthers);
        List<Recommendation> found = kernel.recommend(seeds, Math.max(1, ask));
        int[] p = new int[Math.min(limit, found.size())];
        double[] s = new double[p.length];
        int n = 0;
        for (Recommendation r : found) {
            int i = c.indexOf(r.track().id());
            if (i >= 0 && !query.excluded()[i]) {
                p[n] = i;
                s[n] = r.rankingScore();
                if (++n == p.length) {
                    break;
                }
            }
        }
        return new Retrieved(java.util.Arrays.copyOf(p, n), java.util.Arrays.copyOf(s, n));
    }

    private static List<CatalogueTrack> kernelTracks(CatalogueNeighbours kernel) {
        return List.copyOf(kernel.catalogue().tracks());
    }

    /** A catalogue of the audio features only, without playlists, in position order. */
    private CatalogueNeighbours kernel(RetrievalCatalogue c) {
        int d = c.size() == 0 ? 0 : c.audio(0).length;
        FeatureSchema schema = new FeatureSchema(IntStream.range(0, d).mapToObj(j -> "audio-" + j).toList());
        List<CatalogueTrack> tracks = new ArrayList<>(c.size());
        for (int i = 0; i < c.size(); i++) {
            tracks.add(new CatalogueTrack(c.track(i), new FeatureVector(schema, c.audio(i).clone())));
        }
        Catalogue catalogue = new Catalogue("audio of the retrieval catalogue", schema, tracks, List.of());
        if (catalogue.size() != c.size()) {
            throw new IllegalStateException("The retrieval catalogue repeats track ids: " + c.size() + " positions, "
                    + catalogue.size() + " distinct ids");
        }
        return new CatalogueNeighbours(catalogue, new CatalogueNeighbours.Settings(artistSoundWeight, 0, 0, 0,
                Integer.MAX_VALUE));
    }
}
