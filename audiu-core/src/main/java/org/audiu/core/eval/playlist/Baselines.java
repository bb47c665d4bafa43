package org.audiu.core.eval.playlist;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.SplittableRandom;
import org.audiu.core.recommender.ArtistCap;
import org.audiu.core.recommender.CappedTopK;
import org.audiu.core.recommender.TopK;

/**
 * Simple ways to continue a playlist, the yardsticks for the trained engine. Each scores every pool track not
 * excluded for the listener and returns the best; ties break by track id. Made with a {@link ListenerArtistCap},
 * each also reports its list under that cap (variant {@code NAME@cap}), so that it competes with audiU on equal
 * terms; the plain name is always the uncapped list.
 */
public final class Baselines {
    private Baselines() {
    }

    /** A scoring rule over catalogue positions. */
    @FunctionalInterface
    interface Scorer {
        double[] scores(EvaluationCatalogue catalogue, EvaluationListener listener, int[] library);
    }

    /** The name of a baseline's list under audiU's artist cap. */
    public static String capped(String name) {
        return name + "@cap";
    }

    private record Method(String name, EvaluationCatalogue catalogue, ListenerArtistCap cap, Scorer scorer)
            implements ContinuationMethod {
        Method {
            Objects.requireNonNull(catalogue, "catalogue");
        }

        Method withCap(ListenerArtistCap newCap) {
            return new Method(name, catalogue, newCap, scorer);
        }

        @Override
        public List<String> recommend(EvaluationListener listener, int n) {
            return recommendVariants(listener, n).get(0);
        }

        @Override
        public List<String> variantNames() {
            return cap == null ? List.of(name) : List.of(name, capped(name));
        }

        @Override
        public List<String> variantCaps() {
            return cap == null ? List.of("none") : List.of("none", "audiu's");
        }

        @Override
        public List<List<String>> recommendVariants(EvaluationListener listener, int n) {
            boolean[] excluded = catalogue.excluded(listener.library());
            int[] library = listener.library().distinctTracks().stream().mapToInt(t -> catalogue.indexOf(t.id()))
                    .filter(i -> i >= 0).toArray();
            double[] s = scorer.scores(catalogue, listener, library);
            TopK<String> top = new TopK<>(n);
            CappedTopK<String> capped = cap == null ? null
                    : new CappedTopK<>(n, cap.perArtist(listener, n), id -> ArtistCap.groupOf(
                            catalogue.track(catalogue.indexOf(id))));
            for (int i = 0; i < s.length; i++) {
                if (!excluded[i] && listener.pool().contains(i)) {
                    String id = catalogue.track(i).id();
                    top.offer(id, s[i], id);
                    if (capped != null) {
                        capped.offer(id, s[i], id);
                    }
                }
            }
            List<String> plain = top.sortedDescending().stream().map(TopK.Scored::item).toList();
            return capped == null ? List.of(plain)
                    : List.of(plain, capped.sortedDescending().stream().map(TopK.Scored::item).toList());
        }
    }

    /** Every standard baseline: random, popularity, audio-centroid, same-artist, co-occurrence, artist-share. */
    public static List<ContinuationMethod> all(EvaluationCatalogue catalogue) {
        return List.of(random(catalogue), popularity(catalogue), audioCentroid(catalogue), sameArtist(catalogue),
                coOccurrence(catalogue), artistShare(catalogue));
    }

    /** Every standard baseline, each reported uncapped and under {@code cap} ({@code NAME@cap}). */
    public static List<ContinuationMethod> all(EvaluationCatalogue catalogue, ListenerArtistCap cap) {
        Objects.requireNonNull(cap, "cap");
        return all(catalogue).stream().map(m -> (ContinuationMethod) ((Method) m).withCap(cap)).toList();
    }

    /** {@code random}: a seeded random order (seed and playlist id). */
    public static ContinuationMethod random(EvaluationCatalogue catalogue) {
        return new Method("random", catalogue, null, (c, l, lib) -> {
            SplittableRandom r = new SplittableRandom(l.seed() * 0xD1B54A32D192ED03L ^ l.playlist().id().hashCode());
            double[] s = new double[c.size()];
            for (int i = 0; i < s.length; i++) {
                s[i] = r.nextDouble();
            }
            return s;
        });
    }

    /** {@code popularity}: the most popular tracks, the same for everyone. */
    public static ContinuationMethod popularity(EvaluationCatalogue catalogue) {
        return new Method("popularity", catalogue, null, (c, l, lib) -> {
            double[] s = new double[c.size()];
            for (int i = 0; i < s.length; i++) {
                s[i] = c.popularity(i);
            }
            return s;
        });
    }

    /**
     * {@code audio-centroid}: cosine similarity of standardised perceptual audio features to the library's mean
     * (the classic "make your own Discover Weekly" nearest-neighbour method).
     */
    public static ContinuationMethod audioCentroid(EvaluationCatalogue catalogue) {
        return new Method("audio-centroid", catalogue, null, (c, l, lib) -> {
            double[] centre = new double[c.audio(0).length];
            for (int i : lib) {
                double[] a = c.audio(i);
                for (int j = 0; j < centre.length; j++) {
                    centre[j] += a[j] / lib.length;
                }
            }
            double norm = Math.sqrt(dot(centre, centre));
            double[] s = new double[c.size()];
            for (int i = 0; i < s.length; i++) {
                double[] a = c.audio(i);
                double an = Math.sqrt(dot(a, a));
                s[i] = an == 0 || norm == 0 ? 0 : dot(a, centre) / (an * norm);
            }
            return s;
        });
    }

    /** {@code same-artist}: tracks by the library's artists first, most popular first; then the rest by popularity. */
    public static ContinuationMethod sameArtist(EvaluationCatalogue catalogue) {
        return new Method("same-artist", catalogue, null, (c, l, lib) -> {
            Set<Integer> artists = new HashSet<>();
            for (int i : lib) {
                artists.add(c.artist(i));
            }
            double[] s = new double[c.size()];
            for (int i = 0; i < s.length; i++) {
                s[i] = (artists.contains(c.artist(i)) ? 1000 : 0) + c.popularity(i);
            }
            return s;
        });
    }

    /**
     * {@code artist-share}: a stronger same-artist rule: tracks by the artists with the largest share of the
     * library first, popularity breaking ties.
     */
    public static ContinuationMethod artistShare(EvaluationCatalogue catalogue) {
        return new Method("artist-share", catalogue, null, (c, l, lib) -> {
            Map<Integer, Integer> counts = new HashMap<>();
            for (int i : lib) {
                counts.merge(c.artist(i), 1, Integer::sum);
            }
            double[] s = new double[c.size()];
            for (int i = 0; i < s.length; i++) {
                s[i] = counts.getOrDefault(c.artist(i), 0) * 1000.0 + c.popularity(i);
            }
            return s;
        });
    }

    /**
     * {@code co-occurrence}: item-to-item co-occurrence in the catalogue's other playlists, the sum over a track's
     * playlists of (library tracks in it) / (playlist size); the listener's own playlist is left out.
     */
    public static ContinuationMethod coOccurrence(EvaluationCatalogue catalogue) {
        return new Method("co-occurrence", catalogue, null, (c, l, lib) -> {
            int own = c.groupOfPlaylist(l.playlist().id());
            double[] weight = new double[c.groupCount()];
            for (int i : lib) {
                for (int g : c.groupsOf(c.track(i).id())) {
                    if (g != own) {
                        weight[g] += 1.0 / c.groupSize(g);
                    }
                }
            }
            double[] s = new double[c.size()];
            for (int i = 0; i < s.length; i++) {
                for (int g : c.groupsOf(c.track(i).id())) {
                    s[i] += weight[g];
                }
                s[i] += 1e-6 * c.popularity(i);
            }
            return s;
        });
    }

    private static double dot(double[] a, double[] b) {
        double s = 0;
        for (int i = 0; i < a.length; i++) {
            s += a[i] * b[i];
        }
        return s;
    }
}
