package org.audiu.models;

import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;
import java.util.TreeMap;
import org.audiu.core.archive.ModelFileException;
import org.audiu.core.config.ConfigException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The {@link ModelReader}s of each payload kind, found with {@link ServiceLoader} ({@link #fromClasspath()}) or given
 * in code ({@link #of}). Immutable. Two readers of one kind fail ({@link ConfigException}) naming both classes.
 */
public final class ModelReaders {
    private static final Logger LOG = LoggerFactory.getLogger(ModelReaders.class);
    /** The jar that provides the reader of a kind that is not part of audiu-models, for "add this jar" messages. */
    private static final Map<String, String> JARS = Map.of("mlp", "org.audiu:audiu-models-dl4j");

    private final Map<String, ModelReader> readers;

    private ModelReaders(Map<String, ModelReader> readers) {
        this.readers = Collections.unmodifiableMap(new TreeMap<>(readers));
    }

    /** The readers listed in {@code META-INF/services/org.audiu.models.ModelReader} on the context class loader. */
    public static ModelReaders fromClasspath() {
        ClassLoader cl = Thread.currentThread().getContextClassLoader();
        return fromClassLoader(cl != null ? cl : ModelReaders.class.getClassLoader());
    }

    /** The readers listed in {@code META-INF/services/org.audiu.models.ModelReader} on {@code loader}. */
    public static ModelReaders fromClassLoader(ClassLoader loader) {
        Map<String, ModelReader> found = new TreeMap<>();
        var iterator = ServiceLoader.load(ModelReader.class, loader).stream().iterator();
        while (iterator.hasNext()) {
            ModelReader reader;
            try {
                reader = iterator.next().get();
            } catch (ServiceConfigurationError | LinkageError e) {
                // As the plugin registries do: a reader that cannot load is reported and does not hide the others.
                LOG.warn("Skipping a model reader that failed to load: {}", e.getMessage());
                continue;
            }
            register(found, reader);
        }
        return new ModelReaders(found);
    }

    /** Exactly these readers (for tests and programmatic use). */
    public static ModelReaders of(ModelReader... readers) {
        Map<String, ModelReader> found = new TreeMap<>();
        for (ModelReader r : readers) {
            register(found, r);
        }
        return new ModelReaders(found);
    }

    private static void register(Map<String, ModelReader> found, ModelReader reader) {
        String kind = reader.kind();
        if (kind == null || kind.isBlank()) {
            throw new ConfigException("The model reader " + reader.getClass().getName() + " names no kind: its kind() "
                    + "must return the kind its models write (AudiuModel.kind()).");
        }
        ModelReader previous = found.putIfAbsent(kind, reader);
        if (previous != null) {
            throw new ConfigException("Two model readers for the kind '" + kind + "': "
                    + previous.getClass().getName() + " and " + reader.getClass().getName() + ". Each kind must be "
                    + "read by one class: remove the jar that duplicates it from the classpath.");
        }
    }

    /** The kinds that can be read, sorted. */
    public List<String> kinds() {
        return List.copyOf(readers.keySet());
    }

    /**
     * The reader of {@code kind}.
     *
     * @param where names the model file, for the message
     * @throws ModelFileException naming the readable kinds and, for a kind audiU provides in another jar, that jar
     */
    public ModelReader get(String kind, String where) {
        ModelReader reader = readers.get(kind);
        if (reader != null) {
            return reader;
        }
        String jar = JARS.get(kind);
        throw new ModelFileException("The model file " + where + " holds a model of kind '" + kind + "', which "
                + (jar != null ? "needs " + jar + " on the classpath (add that dependency; it reads " + kind
                + " models)" : "this version of audiU cannot read") + ". Readable kinds: " + kinds() + ".");
    }
}
