package org.audiu.models.ranking;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Properties;
import org.audiu.core.archive.ModelArchive;
import org.audiu.core.archive.ModelFileException;

/**
 * The two-stage recommender's ranker as one file (an audiU model archive: {@code audiu-model.properties} with the
 * ranker's columns, trainer parameters, two-stage settings and training provenance, and the booster's JSON model as
 * {@code booster.json}, every entry checksummed). A file is identified by the SHA-256 of its bytes
 * ({@link Loaded#checksum()}), which a trained recommender records to refer to it.
 */
public final class RankerFile {
    /** The archive's {@code format} value. */
    public static final String FORMAT = "audiu-ranker";
    private static final String BOOSTER = "booster.json";

    private RankerFile() {
    }

    /**
     * A ranker read from a file, with the settings it was trained with.
     *
     * @param settings   the {@code two-stage.*} settings at training time (retrievers, candidates, ...), without the
     *                   prefix
     * @param provenance how it was made (catalogue, its checksum, queries, seed)
     * @param checksum   the SHA-256 of the file's bytes, hex
     */
    public record Loaded(CompiledRanker ranker, Map<String, String> settings, Map<String, String> provenance,
                         String checksum) {
        public Loaded {
            Objects.requireNonNull(ranker, "ranker");
            settings = Map.copyOf(settings);
            provenance = Map.copyOf(provenance);
            Objects.requireNonNull(checksum, "checksum");
        }
    }

    /** The file's bytes. */
    public static byte[] toBytes(CompiledRanker ranker, Map<String, String> settings, Map<String, String> provenance)
            throws IOException {
        Properties meta = new Properties();
        meta.setProperty("format", FORMAT);
        ModelArchive.putList(meta, "ranker.features", ranker.features());
        ModelArchive.putList(meta, "ranker.trained-on", List.copyOf(ranker.trainedOn()));
        ranker.parameters().forEach((k, v) -> meta.setProperty("ranker.parameter." + k, v));
        settings.forEach((k, v) -> meta.setProperty("two-stage." + k, v));
        provenance.forEach((k, v) -> meta.setProperty("provenance." + k, v));
        return ModelArchive.toBytes(meta, Map.of(BOOSTER, ranker.boosterJson()));
    }

    /** Writes the file (atomically) and returns its checksum. */
    public static String write(Path file, CompiledRanker ranker, Map<String, String> settings,
                               Map<String, String> provenance) throws IOException {
        byte[] bytes = toBytes(ranker, settings, provenance);
        ModelArchive.writeFile(file, bytes);
        return sha256(bytes);
    }

    /**
     * Reads a ranker file.
     *
     * @throws ModelFileException when it is missing, not a ranker, corrupt or truncated
     */
    public static Loaded read(Path file) {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (IOException e) {
            throw new ModelFileException("Could not read the ranker file " + file.toAbsolutePath() + ": " + e
                    + ". Train one with './audiu ranker train --catalogue FILE --out FILE'.", e);
        }
        return fromBytes(bytes, file.toAbsolutePath().toString());
    }

    /**
     * Reads a ranker file's bytes (read elsewhere, e.g. through Hadoop's file systems).
     *
     * @param source where the bytes came from, for the error messages
     * @throws ModelFileException when they are not a ranker, corrupt or truncated
     */
    public static Loaded fromBytes(byte[] bytes, String source) {
        ModelArchive archive = ModelArchive.fromBytes(bytes, source);
        String format = archive.meta().getProperty("format", "");
        if (!format.equals(FORMAT)) {
            throw new ModelFileException("The file " + source + " is an audiU model of format '"
                    + format + "', not a ranker (" + FORMAT + "). Train one with './audiu ranker train'.");
        }
        Map<String, String> parameters = new LinkedHashMap<>();
        Map<String, String> settings = new LinkedHashMap<>();
        Map<String, String> provenance = new LinkedHashMap<>();
        archive.meta().stringPropertyNames().stream().sorted().forEach(k -> {
            String v = archive.meta().getProperty(k);
            if (k.startsWith("ranker.parameter.")) {
                parameters.put(k.substring("ranker.parameter.".length()), v);
            } else if (k.startsWith("two-stage.")) {
                settings.put(k.substring("two-stage.".length()), v);
            } else if (k.startsWith("provenance.")) {
                provenance.put(k.substring("provenance.".length()), v);
            }
        });
        try {
            CompiledRanker ranker = new CompiledRanker(archive.entry(BOOSTER), archive.requireList("ranker.features"),
                    new LinkedHashSet<>(archive.requireList("ranker.trained-on")), parameters);
            return new Loaded(ranker, settings, provenance, sha256(bytes));
        } catch (IOException e) {
            throw archive.corrupt("its booster cannot be compiled (" + e.getMessage() + ")", e);
        }
    }

    /** The SHA-256 of a file's bytes, hex. */
    public static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this Java runtime", e);
        }
    }
}
