package org.audiu.core.engine;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.audiu.core.FeatureVector;
import org.audiu.core.features.FeatureLookup;
import org.audiu.core.features.FeatureProviderChain;
import org.audiu.core.recommender.CandidateRow;
import org.audiu.core.spi.candidates.Candidate;

/**
 * The one way candidates get their features: a candidate's own features (a dataset row) are projected onto the
 * chain's target schema; the others are looked up in the feature-provider chain, one call per batch. Pool sampling,
 * ranking and the web server all go through here.
 */
public final class CandidateFeatures {
    private final FeatureProviderChain chain;

    public CandidateFeatures(FeatureProviderChain chain) {
        this.chain = Objects.requireNonNull(chain, "chain");
    }

    public FeatureProviderChain chain() {
        return chain;
    }

    /**
     * Rows for a batch of candidates: those with their own features first, then those the chain knew, each in batch
     * order.
     *
     * @param missingIds the candidates no provider knew (left out of {@code rows})
     */
    public record Batch(List<CandidateRow> rows, List<String> missingIds) {
        public Batch {
            rows = List.copyOf(rows);
            missingIds = List.copyOf(missingIds);
        }

        /** How many candidates no provider knew. */
        public int missing() {
            return missingIds.size();
        }
    }

    public Batch rows(List<Candidate> batch) {
        List<CandidateRow> rows = new ArrayList<>(batch.size());
        List<Candidate> needLookup = new ArrayList<>();
        for (Candidate c : batch) {
            if (c.features().isPresent()) {
                rows.add(new CandidateRow(c.track(), chain.targetValues(c.track(), c.features().get()), c.keys()));
            } else {
                needLookup.add(c);
            }
        }
        List<String> missing = new ArrayList<>();
        if (!needLookup.isEmpty()) {
            FeatureLookup lookup = chain.lookup(needLookup.stream().map(Candidate::track).toList());
            for (Candidate c : needLookup) {
                FeatureVector v = lookup.found().get(c.track().id());
                if (v == null) {
                    missing.add(c.track().id());
                } else {
                    rows.add(new CandidateRow(c.track(), v.values(), c.keys()));
                }
            }
        }
        return new Batch(rows, missing);
    }
}
