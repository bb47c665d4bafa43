package org.audiu.core.recommender;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;
import java.util.TreeMap;
import org.audiu.core.FeatureSchema;
import org.audiu.core.archive.ModelArchive;
import org.audiu.core.archive.ModelFileException;
import org.audiu.core.plugin.PluginRegistry;
import org.audiu.core.relative.FittedListenerFeatures;
import org.audiu.core.spi.listener.FittedState;
import org.audiu.core.spi.listener.ListenerFeature;
import org.audiu.core.spi.listener.ListenerFeatureFactory;
import org.audiu.core.spi.training.TrainedModel;
import org.audiu.core.spi.training.TrainedModelReader;

/**
 * Saves and loads a {@link TrainedRecommender} as one safe archive ({@link ModelArchive}: a zip whose metadata
 * lists a SHA-256 of every entry, never Java serialization). It holds the model in its own saved format
 * ({@code model.bin}, read back by the {@link TrainedModelReader} of that format found through
 * {@link ServiceLoader}, so a third-party model type loads too), each fitted listener feature's state (read back by
 * its {@link ListenerFeatureFactory}, found the same way), the exclusions and the reasons' statistics. A corrupt,
 * truncated or foreign file fails with a {@link ModelFileException} naming it.
 */
public final class RecommenderFiles {
    /** The archive's {@code kind}. */
    public static final String KIND = "recommender";
    /** The layout version of this class's entries and keys. */
    public static final int VERSION = 1;

    private RecommenderFiles() {
    }

    /** Writes the recommender to a file (through a temporary file, so a crash never leaves half of one). */
    public static void save(TrainedRecommender recommender, Path file) throws IOException {
        ModelArchive.writeFile(file, toBytes(recommender));
    }

    /** The saved form (e.g. to broadcast to a cluster's executors). */
    public static byte[] toBytes(TrainedRecommender r) throws IOException {
        Properties meta = new Properties();
        meta.setProperty("kind", KIND);
        meta.setProperty("recommender.version", Integer.toString(VERSION));
        meta.setProperty("model.format", r.model().format());
        meta.setProperty("per-artist", Integer.toString(r.artistCap().minimum()));
        meta.setProperty("per-artist.top-artist-share", Double.toString(r.artistCap().topArtistShare()));
        meta.setProperty("artist-share-weight", Double.toString(r.artistShareWeight()));
        ModelArchive.putList(meta, "base", r.baseSchema().names());
        FittedListenerFeatures lf = r.listenerFeatures();
        Map<String, byte[]> entries = new LinkedHashMap<>();
        entries.put("model.bin", r.model().toBytes());
        meta.setProperty("listener.count", Integer.toString(lf.fitted().size()));
        for (int i = 0; i < lf.fitted().size(); i++) {
            meta.setProperty("listener." + i + ".name", lf.used().get(i));
            meta.setProperty("listener." + i + ".columns", String.join(",", lf.columnsOfFitted().get(i)));
            FittedState.Writer w = new FittedState.Writer();
            try {
                lf.fitted().get(i).writeState(w);
            } catch (UnsupportedOperationException e) {
                throw new IOException("The listener feature '" + lf.used().get(i) + "' cannot be saved: "
                        + e.getMessage() + ". Implement writeState/readState or leave it out of 'listener-features'.",
                        e);
            }
            entries.put("listener/" + i + ".bin", w.toBytes());
        }
        meta.setProperty("listener.skipped", String.join(",", lf.skipped()));
        meta.setProperty("listener.dropped", String.join(",", lf.droppedColumns()));
        FittedState.Writer exclusions = new FittedState.Writer();
        r.exclusions().writeState(exclusions);
        entries.put("exclusions.bin", exclusions.toBytes());
        FittedState.Writer reasons = new FittedState.Writer();
        r.reasons().writeState(reasons);
        entries.put("reasons.bin", reasons.toBytes());
        RecommenderProvenance p = r.provenance();
        new TreeMap<>(p.components()).forEach((k, v) -> meta.setProperty("component." + k, v));
        new TreeMap<>(p.versions()).forEach((k, v) -> meta.setProperty("version." + k, v));
        meta.setProperty("seed", Long.toString(p.seed()));
        meta.setProperty("library.tracks", Integer.toString(p.libraryTracks()));
        meta.setProperty("training.liked", Integer.toString(p.likedExamples()));
        meta.setProperty("training.negatives", Integer.toString(p.negativeExamples()));
        meta.setProperty("training.pool-seen", Long.toString(p.poolSeen()));
        meta.setProperty("training.holdout-auc", Double.toString(p.holdoutAuc()));
        meta.setProperty("trained.at", p.trainedAt().toString());
        return ModelArchive.toBytes(meta, entries);
    }

    /** Loads a saved recommender with the readers and listener features on the context class loader. */
    public static TrainedRecommender load(Path file) {
        return read(ModelArchive.read(file), contextLoader());
    }

    /** Loads a saved recommender, finding model readers and listener features on {@code loader}. */
    public static TrainedRecommender load(Path file, ClassLoader loader) {
        return read(ModelArchive.read(file), loader);
    }

    /** Reads the bytes of {@link #toBytes}; {@code where} names them in messages. */
    public static TrainedRecommender fromBytes(byte[] bytes, String where, ClassLoader loader) {
        return read(ModelArchive.fromBytes(bytes, where), loader);
    }

    private static ClassLoader contextLoader() {
        ClassLoader cl = Thread.currentThread().getContextClassLoader();
        return cl != null ? cl : RecommenderFiles.class.getClassLoader();
    }

    private static TrainedRecommender read(ModelArchive a, ClassLoader loader) {
        String kind = a.require("kind");
        if (!kind.equals(KIND)) {
            throw new ModelFileException("The file " + a.where() + " is an audiU model of kind '" + kind + "', not a "
                    + "trained recommender. Write one with './audiu train --out FILE' (or RecommenderFiles.save).");
        }
        int version = a.requireInt("recommender.version", 1, Integer.MAX_VALUE);
        if (version != VERSION) {
            throw new ModelFileException("The recommender file " + a.where() + " has layout version " + version
                    + "; this audiU reads version " + VERSION + ". Train and save it again with this version.");
        }
        FeatureSchema base;
        try {
            base = new FeatureSchema(a.requireList("base"));
        } catch (IllegalArgumentException e) {
            throw a.corrupt("its base schema is invalid: " + e.getMessage(), e);
        }
        TrainedModel model = readModel(a, loader);
        FittedListenerFeatures features = readListenerFeatures(a, base, loader);
        LibraryExclusions exclusions;
        ReasonWriter reasons;
        try {
            exclusions = LibraryExclusions.readState(new FittedState.Reader(a.entry("exclusions.bin")));
            reasons = ReasonWriter.readState(new FittedState.Reader(a.entry("reasons.bin")), base);
        } catch (IOException e) {
            throw a.corrupt("its exclusions or reasons cannot be read (" + e.getMessage() + ")", e);
        }
        int perArtist = a.requireInt("per-artist", 1, Integer.MAX_VALUE);
        String share = a.meta().getProperty("per-artist.top-artist-share", "0");
        // Files saved before the artist-share prior score with the model alone, as they did.
        String weight = a.meta().getProperty("artist-share-weight", "0");
        try {
            ArtistCap cap = new ArtistCap(perArtist, Double.parseDouble(share));
            return new TrainedRecommender(model, features, exclusions, reasons, cap, provenance(a),
                    Double.parseDouble(weight));
        } catch (IllegalArgumentException e) {
            throw a.corrupt(e.getMessage(), e);
        }
    }

    private static TrainedModel readModel(ModelArchive a, ClassLoader loader) {
        String format = a.require("model.format");
        Map<String, TrainedModelReader> readers = new TreeMap<>();
        var it = ServiceLoader.load(TrainedModelReader.class, loader).stream().iterator();
        while (it.hasNext()) {
            TrainedModelReader reader;
            try {
                reader = it.next().get();
            } catch (ServiceConfigurationError e) {
                continue; // a reader that cannot load cannot read anything; the others still may
            }
            TrainedModelReader previous = readers.putIfAbsent(reader.format(), reader);
            if (previous != null) {
                throw new ModelFileException("Two model readers read the format '" + reader.format() + "': "
                        + previous.getClass().getName() + " and " + reader.getClass().getName() + ". Remove one of "
                        + "the jars from the classpath.");
            }
        }
        TrainedModelReader reader = readers.get(format);
        if (reader == null) {
            throw new ModelFileException("The recommender file " + a.where() + " holds a model in the format '"
                    + format + "', and no reader of it is on the classpath (readers found: " + readers.keySet()
                    + "). Add the jar that trained it (audiU's own models: org.audiu:audiu-models; a reader is listed "
                    + "in META-INF/services/" + TrainedModelReader.class.getName() + ").");
        }
        return reader.read(a.entry("model.bin"), a.where() + " (its model)");
    }

    private static FittedListenerFeatures readListenerFeatures(ModelArchive a, FeatureSchema base,
                                                               ClassLoader loader) {
        int n = a.requireInt("listener.count", 0, 10_000);
        List<ListenerFeature.Fitted> fitted = new ArrayList<>();
        List<String> names = new ArrayList<>();
        List<List<String>> columns = new ArrayList<>();
        PluginRegistry<ListenerFeatureFactory> registry = n == 0 ? null
                : PluginRegistry.load(ListenerFeatureFactory.KIND, loader);
        for (int i = 0; i < n; i++) {
            String name = a.require("listener." + i + ".name");
            ListenerFeatureFactory factory = registry.find(name).orElseThrow(() -> new ModelFileException(
                    "The recommender file " + a.where() + " uses the listener feature '" + name + "', which is not "
                    + "on the classpath (available: " + registry.names() + "). Add the jar that provides it."));
            try {
                FittedState.Reader in = new FittedState.Reader(a.entry("listener/" + i + ".bin"));
                fitted.add(factory.readState(in));
            } catch (IOException e) {
                throw a.corrupt("the state of its listener feature '" + name + "' cannot be read ("
                        + e.getMessage() + ")", e);
            } catch (UnsupportedOperationException e) {
                throw new ModelFileException("The recommender file " + a.where() + " cannot be loaded: "
                        + e.getMessage(), e);
            }
            names.add(name);
            columns.add(split(a.require("listener." + i + ".columns")));
        }
        try {
            return FittedListenerFeatures.restore(base, fitted, names, columns,
                    split(a.meta().getProperty("listener.skipped", "")),
                    split(a.meta().getProperty("listener.dropped", "")));
        } catch (IllegalArgumentException e) {
            throw a.corrupt("its listener features do not fit together: " + e.getMessage(), e);
        }
    }

    private static RecommenderProvenance provenance(ModelArchive a) {
        Properties m = a.meta();
        Map<String, String> components = new LinkedHashMap<>();
        Map<String, String> versions = new LinkedHashMap<>();
        for (String key : new java.util.TreeSet<>(m.stringPropertyNames())) {
            if (key.startsWith("component.")) {
                components.put(key.substring("component.".length()), m.getProperty(key));
            } else if (key.startsWith("version.")) {
                versions.put(key.substring("version.".length()), m.getProperty(key));
            }
        }
        try {
            return new RecommenderProvenance(components, Long.parseLong(a.require("seed").trim()),
                    a.requireInt("library.tracks", 0, Integer.MAX_VALUE),
                    a.requireInt("training.liked", 0, Integer.MAX_VALUE),
                    a.requireInt("training.negatives", 0, Integer.MAX_VALUE),
                    Long.parseLong(a.require("training.pool-seen").trim()),
                    Double.parseDouble(a.require("training.holdout-auc").trim()), versions,
                    Instant.parse(a.require("trained.at").trim()));
        } catch (NumberFormatException | DateTimeParseException e) {
            throw a.corrupt("its provenance has an unreadable value (" + e.getMessage() + ")", e);
        }
    }

    private static List<String> split(String joined) {
        return joined.isBlank() ? List.of() : Arrays.stream(joined.split(",")).map(String::trim).toList();
    }
}
