package org.audiu.models.tribuo;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import org.audiu.core.FeatureSchema;
import org.audiu.core.spi.training.LabelledExample;
import org.tribuo.MutableDataset;
import org.tribuo.classification.Label;
import org.tribuo.classification.LabelFactory;
import org.tribuo.impl.ArrayExample;
import org.tribuo.provenance.SimpleDataSourceProvenance;

/** Converts preprocessed rows to Tribuo datasets. */
public final class TribuoData {
    private static final OffsetDateTime FIXED_TIME = OffsetDateTime.of(2026, 1, 1, 0, 0, 0, 0, ZoneOffset.UTC);

    private TribuoData() {
    }

    /** Feature names as Tribuo sees them: zero-padded index plus name, so Tribuo's sorted order is schema order. */
    public static String[] featureNames(FeatureSchema schema) {
        String[] names = new String[schema.size()];
        for (int i = 0; i < names.length; i++) {
            names[i] = String.format("f%03d_%s", i, schema.names().get(i));
        }
        return names;
    }

    /**
     * A Tribuo dataset of already preprocessed rows with the examples' labels and weights.
     *
     * @param names    from {@link #featureNames}
     * @param rows     preprocessed rows, parallel to {@code examples}
     * @param examples the labels and weights
     */
    public static MutableDataset<Label> toDataset(String[] names, double[][] rows, List<LabelledExample> examples) {
        LabelFactory factory = new LabelFactory();
        // A fixed timestamp keeps the provenance, and so the saved model, reproducible.
        MutableDataset<Label> dataset = new MutableDataset<>(
                new SimpleDataSourceProvenance("audiU labelled data", FIXED_TIME, factory), factory);
        for (int i = 0; i < rows.length; i++) {
            LabelledExample e = examples.get(i);
            ArrayExample<Label> example = new ArrayExample<>(new Label(e.label()), names, rows[i]);
            example.setWeight((float) e.weight());
            dataset.add(example);
        }
        return dataset;
    }
}
