package org.audiu.models.trees;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.stream.IntStream;
import org.audiu.core.archive.ModelArchive;
import org.audiu.core.archive.ModelFileException;
import org.audiu.core.spi.training.ModelProvenance;
import org.audiu.models.AudiuModel;
import org.audiu.models.CompiledScoringModel;
import org.audiu.models.ModelFiles;
import org.audiu.models.ModelReader;
import org.audiu.models.compiled.BatchScorer;
import org.audiu.models.compiled.CompiledTrees;
import org.audiu.models.prep.FeaturePipeline;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An ensemble of audiU classification trees (random forest, extra trees): class probabilities are the mean of the
 * trees' leaf distributions. Saved as a compact, validated binary entry ({@code forest.bin}). Scored through its
 * compiled form ({@link CompiledTrees}, built on first prediction), with the same results as the tree-by-tree walk
 * ({@link #predictReference}). Thread-safe.
 */
public final class ForestModel extends CompiledScoringModel {
    private static final Logger LOG = LoggerFactory.getLogger(ForestModel.class);
    public static final String KIND = "forest";
    static final String ENTRY = "forest.bin";
    private static final int MAGIC = 0x41554454; // "AUDT"
    private static final int VERSION = 1;
    private static final int CHUNK = 512;

    private final List<Tree> trees;
    private final FeaturePipeline pipeline;

    ForestModel(List<Tree> trees, FeaturePipeline pipeline, ModelProvenance provenance) {
        super(provenance);
        this.trees = List.copyOf(trees);
        this.pipeline = pipeline;
    }

    @Override
    public String kind() {
        return KIND;
    }

    public int trees() {
        return trees.size();
    }

    /** The trees, in order. */
    List<Tree> treeList() {
        return trees;
    }

    /** Total nodes over all trees. */
    public long nodes() {
        return trees.stream().mapToLong(Tree::nodes).sum();
    }

    public FeaturePipeline pipeline() {
        return pipeline;
    }

    @Override
    protected Optional<BatchScorer> compile() {
        int width = pipeline.outputSchema().size();
        try {
            CompiledTrees.Builder builder = CompiledTrees.builder(labels(), width);
            for (Tree t : trees) {
                t.compileInto(builder);
            }
            return Optional.of(new BatchScorer(builder.meanOfDistributions(provenance().trainer()), pipeline::apply,
                    width, true));
        } catch (IllegalArgumentException | IllegalStateException e) {
            // A tree whose nodes share a child (readable, but not a tree) walks fine row by row.
            LOG.warn("The forest cannot be compiled ({}); scoring tree by tree", e.getMessage());
            return Optional.empty();
        }
    }

    @Override
    public String referencePath() {
        return "audiU trees walked row by row";
    }

    /** Class probabilities by walking every tree for each row: the unoptimised reference path. */
    @Override
    public double[][] predictReference(double[][] rows) {
        double[][] out = new double[rows.length][];
        int chunks = (rows.length + CHUNK - 1) / CHUNK;
        IntStream stream = IntStream.range(0, chunks);
        (chunks > 1 ? stream.parallel() : stream).forEach(c -> {
            int classes = labels().size();
            float[] row = new float[pipeline.outputSchema().size()];
            for (int i = c * CHUNK; i < Math.min(rows.length, (c + 1) * CHUNK); i++) {
                double[] x = pipeline.apply(rows[i]);
                for (int j = 0; j < x.length; j++) {
                    row[j] = (float) x[j];
                }
                double[] acc = new double[classes];
                for (Tree t : trees) {
                    t.addTo(row, acc);
                }
                double sum = 0;
                for (double v : acc) {
                    sum += v;
                }
                for (int k = 0; k < classes; k++) {
                    acc[k] /= sum;
                }
                out[i] = acc;
            }
        });
        return out;
    }

    @Override
    protected void writePayload(Properties meta, Map<String, byte[]> entries) throws IOException {
        pipeline.write(meta, "prep.");
        meta.setProperty("forest.trees", Integer.toString(trees.size()));
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            out.writeInt(MAGIC);
            out.writeInt(VERSION);
            out.writeInt(labels().size());
            out.writeInt(pipeline.outputSchema().size());
            out.writeInt(trees.size());
            for (Tree t : trees) {
                t.write(out);
            }
        }
        entries.put(ENTRY, bytes.toByteArray());
    }

    /** Reads a forest written by {@link #writePayload}, validating every node. */
    public static ForestModel read(ModelArchive archive, ModelProvenance provenance, ModelFiles loader) {
        FeaturePipeline pipeline;
        try {
            pipeline = FeaturePipeline.read(archive.meta(), "prep.", provenance.schema());
        } catch (ModelFileException e) {
            throw archive.corrupt(e.getMessage(), e);
        }
        int classes = provenance.labels().size();
        int features = pipeline.outputSchema().size();
        try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(archive.entry(ENTRY)))) {
            if (in.readInt() != MAGIC || in.readInt() != VERSION) {
                throw new IOException("the forest entry has an unknown header");
            }
            if (in.readInt() != classes || in.readInt() != features) {
                throw new IOException("the forest's classes or features disagree with the metadata");
            }
            int n = in.readInt();
            if (n < 1 || n > 1_000_000) {
                throw new IOException("the forest has " + n + " trees");
            }
            Tree[] trees = new Tree[n];
            for (int t = 0; t < n; t++) {
                trees[t] = Tree.read(in, classes, features);
            }
            if (in.read() != -1) {
                throw new IOException("the forest entry has trailing bytes");
            }
            return new ForestModel(List.of(trees), pipeline, provenance);
        } catch (EOFException e) {
            throw archive.corrupt("the forest entry ends early", e);
        } catch (IOException e) {
            throw archive.corrupt(e.getMessage(), e);
        }
    }

    /** Reads {@value #KIND} files ({@link #read}); registered in META-INF/services/org.audiu.models.ModelReader. */
    public static final class Reader implements ModelReader {
        @Override
        public String kind() {
            return KIND;
        }

        @Override
        public AudiuModel read(ModelArchive archive, ModelProvenance provenance, ModelFiles loader) {
            return ForestModel.read(archive, provenance, loader);
        }
    }
}
