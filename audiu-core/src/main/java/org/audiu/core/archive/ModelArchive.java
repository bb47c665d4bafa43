package org.audiu.core.archive;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Properties;
import java.util.TreeMap;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;

/**
 * The container of every saved audiU model: a zip whose first entry, {@code audiu-model.properties}, holds the
 * provenance, the preprocessing statistics and a SHA-256 of every other entry (the model payload: Tribuo protobuf,
 * audiU trees, a Deeplearning4j zip, nested member models). Reading checks the magic bytes, the zip structure, the
 * checksums and the format version, so a foreign, truncated or corrupted file fails with a clear message. Nothing is
 * ever read with Java deserialization. Files are byte-for-byte reproducible (fixed entry times, sorted properties).
 */
public final class ModelArchive {
    public static final String META = "audiu-model.properties";
    public static final int FORMAT_VERSION = 2;
    private static final long MAX_FILE_BYTES = 1L << 31;
    private static final int MAX_ENTRIES = 10_000;
    private static final Pattern ENTRY_NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._/-]{0,200}");
    private static final long FIXED_TIME = 1_767_225_600_000L; // 2026-01-01T00:00:00Z

    private final String where;
    private final Properties meta;
    private final Map<String, byte[]> entries;

    private ModelArchive(String where, Properties meta, Map<String, byte[]> entries) {
        this.where = where;
        this.meta = meta;
        this.entries = entries;
    }

    /** Where the archive came from, for messages ("model.zip", "model.zip member 2"). */
    public String where() {
        return where;
    }

    /** The metadata (a copy). */
    public Properties meta() {
        Properties copy = new Properties();
        copy.putAll(meta);
        return copy;
    }

    /** A metadata value or a clear error. */
    public String require(String key) {
        String v = meta.getProperty(key);
        if (v == null) {
            throw corrupt("its metadata lacks '" + key + "'", null);
        }
        return v;
    }

    /** An integer metadata value or a clear error. */
    public int requireInt(String key, int min, int max) {
        String v = require(key);
        try {
            int i = Integer.parseInt(v.trim());
            if (i < min || i > max) {
                throw corrupt("its metadata value " + key + "=" + v + " is outside " + min + ".." + max, null);
            }
            return i;
        } catch (NumberFormatException e) {
            throw corrupt("its metadata value " + key + "=" + v + " is not an integer", e);
        }
    }

    /** A list written by {@link #putList}, or a clear error. */
    public List<String> requireList(String prefix) {
        int n = requireInt(prefix + ".count", 1, 1_000_000);
        List<String> out = new java.util.ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            out.add(require(prefix + "." + i));
        }
        return out;
    }

    /** Writes a non-empty list as {@code prefix.count} and {@code prefix.0}, {@code prefix.1}, ... */
    public static void putList(Properties meta, String prefix, List<String> values) {
        meta.setProperty(prefix + ".count", Integer.toString(values.size()));
        for (int i = 0; i < values.size(); i++) {
            meta.setProperty(prefix + "." + i, values.get(i));
        }
    }

    /** A payload entry or a clear error. */
    public byte[] entry(String name) {
        byte[] b = entries.get(name);
        if (b == null) {
            throw corrupt("the entry '" + name + "' is missing", null);
        }
        return b;
    }

    /** An error about this archive's content. */
    public ModelFileException corrupt(String what, Throwable cause) {
        return new ModelFileException("The model file " + where + " is corrupt or incomplete: " + what
                + ". Retrain and save the model again.", cause);
    }

    /** The bytes of an archive with this metadata and these payload entries. */
    public static byte[] toBytes(Properties meta, Map<String, byte[]> payload) throws IOException {
        Properties m = new Properties();
        m.putAll(meta);
        m.setProperty("format.version", Integer.toString(FORMAT_VERSION));
        Map<String, byte[]> sorted = new TreeMap<>(payload);
        for (Map.Entry<String, byte[]> e : sorted.entrySet()) {
            if (!ENTRY_NAME.matcher(e.getKey()).matches() || e.getKey().equals(META)) {
                throw new IllegalArgumentException("invalid model entry name '" + e.getKey() + "'");
            }
            m.setProperty("entry." + e.getKey() + ".sha256", sha256(e.getValue()));
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            put(zip, META, propertiesBytes(m));
            for (Map.Entry<String, byte[]> e : sorted.entrySet()) {
                put(zip, e.getKey(), e.getValue());
            }
        }
        return bytes.toByteArray();
    }

    private static void put(ZipOutputStream zip, String name, byte[] content) throws IOException {
        ZipEntry entry = new ZipEntry(name);
        entry.setTime(FIXED_TIME);
        zip.putNextEntry(entry);
        zip.write(content);
        zip.closeEntry();
    }

    /** Properties as sorted lines without the timestamp comment {@link Properties#store} adds. */
    static byte[] propertiesBytes(Properties p) throws IOException {
        StringWriter w = new StringWriter();
        p.store(w, null);
        List<String> lines = w.toString().lines().filter(l -> !l.startsWith("#")).sorted().toList();
        return ("# audiU model metadata (safe to read; see ModelFiles)\n" + String.join("\n", lines) + "\n")
                .getBytes(StandardCharsets.ISO_8859_1);
    }

    /** Writes bytes to a file through a temporary file, so a crash never leaves half a model behind. */
    public static void writeFile(Path file, byte[] bytes) throws IOException {
        Path target = file.toAbsolutePath();
        Path parent = target.getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        Path tmp = Files.createTempFile(parent, target.getFileName().toString(), ".tmp");
        try {
            Files.write(tmp, bytes);
            try {
                Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    /**
     * Reads a model file.
     *
     * @throws ModelFileException when the file is missing, not an audiU model, corrupt, truncated or too new
     */
    public static ModelArchive read(Path file) {
        Objects.requireNonNull(file, "file");
        byte[] bytes;
        try {
            if (Files.isDirectory(file)) {
                throw new ModelFileException("The model path " + file.toAbsolutePath() + " is a folder; pass the "
                        + "model file written by 'genres train --out' or TrainedModel.save().");
            }
            long size = Files.size(file);
            if (size > MAX_FILE_BYTES) {
                throw new ModelFileException("The model file " + file.toAbsolutePath() + " is " + size + " bytes, "
                        + "larger than any audiU model; is it the right file?");
            }
            bytes = Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            throw new ModelFileException("Model file not found: " + file.toAbsolutePath(), e);
        } catch (IOException e) {
            throw new ModelFileException("Could not read the model file " + file.toAbsolutePath() + ": " + e, e);
        }
        return fromBytes(bytes, file.toAbsolutePath().toString());
    }

    /** Reads an archive from memory (nested member models). */
    public static ModelArchive fromBytes(byte[] bytes, String where) {
        if (bytes.length == 0) {
            throw new ModelFileException("The model file " + where + " is empty.");
        }
        if (bytes.length >= 2 && (bytes[0] & 0xff) == 0xac && (bytes[1] & 0xff) == 0xed) {
            throw new ModelFileException("The file " + where + " is a Java-serialized object, not an audiU model. "
                    + "audiU never loads Java serialization (it can run code from the file).");
        }
        if (bytes.length < 4 || bytes[0] != 'P' || bytes[1] != 'K' || bytes[2] != 3 || bytes[3] != 4) {
            throw new ModelFileException("The file " + where + " is not an audiU model (it does not start with the "
                    + "zip header of a model saved by audiU).");
        }
        if (!hasEndOfArchive(bytes)) {
            throw new ModelFileException("The model file " + where + " is truncated (its zip end record is missing). "
                    + "Retrain and save the model again, or copy the complete file.");
        }
        Map<String, byte[]> entries = new LinkedHashMap<>();
        try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(bytes))) {
            ZipEntry e;
            while ((e = zip.getNextEntry()) != null) {
                String name = e.getName();
                if (!name.equals(META) && !ENTRY_NAME.matcher(name).matches()) {
                    throw new ModelFileException("The model file " + where + " has an unexpected entry '" + name
                            + "'; it was not written by audiU.");
                }
                if (entries.containsKey(name) || entries.size() >= MAX_ENTRIES) {
                    throw new ModelFileException("The model file " + where + " has a repeated entry '" + name
                            + "' or too many entries; it was not written by audiU.");
                }
                entries.put(name, readLimited(zip, MAX_FILE_BYTES));
            }
        } catch (ZipException | EOFException e) {
            throw new ModelFileException("The model file " + where + " is corrupt or truncated (" + e.getMessage()
                    + "). Retrain and save the model again.", e);
        } catch (IOException e) {
            throw new ModelFileException("Could not read the model file " + where + ": " + e, e);
        }
        byte[] metaBytes = entries.remove(META);
        if (metaBytes == null) {
            throw new ModelFileException("The file " + where + " is a zip but not an audiU model: it has no " + META
                    + (entries.isEmpty() ? " (it may be truncated)" : "") + ".");
        }
        Properties meta = new Properties();
        try {
            meta.load(new StringReader(new String(metaBytes, StandardCharsets.ISO_8859_1)));
        } catch (IOException | IllegalArgumentException e) {
            throw new ModelFileException("The model file " + where + " has unreadable metadata: " + e.getMessage(), e);
        }
        ModelArchive archive = new ModelArchive(where, meta, entries);
        archive.checkVersion();
        archive.checkEntries();
        return archive;
    }

    /** True when the zip's end-of-central-directory record is where a complete file has it. */
    private static boolean hasEndOfArchive(byte[] b) {
        int min = Math.max(0, b.length - 22 - 65_535);
        for (int i = b.length - 22; i >= min; i--) {
            if (b[i] == 'P' && b[i + 1] == 'K' && b[i + 2] == 5 && b[i + 3] == 6) {
                int commentLength = (b[i + 20] & 0xff) | (b[i + 21] & 0xff) << 8;
                return i + 22 + commentLength == b.length;
            }
        }
        return false;
    }

    private void checkVersion() {
        String v = meta.getProperty("format.version");
        if (v == null) {
            throw corrupt("its metadata has no format.version", null);
        }
        int version;
        try {
            version = Integer.parseInt(v.trim());
        } catch (NumberFormatException e) {
            throw corrupt("format.version '" + v + "' is not a number", e);
        }
        if (version > FORMAT_VERSION) {
            throw new ModelFileException("The model file " + where + " has format version " + version + ", newer than"
                    + " this audiU reads (" + FORMAT_VERSION + "). Upgrade audiU or retrain the model.");
        }
        if (version < FORMAT_VERSION) {
            throw new ModelFileException("The model file " + where + " has format version " + version + " from a "
                    + "development build of audiU; retrain and save it again.");
        }
    }

    private void checkEntries() {
        for (String key : meta.stringPropertyNames()) {
            if (key.startsWith("entry.") && key.endsWith(".sha256")) {
                String name = key.substring("entry.".length(), key.length() - ".sha256".length());
                byte[] content = entries.get(name);
                if (content == null) {
                    throw corrupt("the entry '" + name + "' is missing (the file may be truncated)", null);
                }
                if (!sha256(content).equals(meta.getProperty(key))) {
                    throw corrupt("the entry '" + name + "' does not match its checksum", null);
                }
            }
        }
        for (String name : entries.keySet()) {
            if (meta.getProperty("entry." + name + ".sha256") == null) {
                throw corrupt("the entry '" + name + "' is not listed in its metadata", null);
            }
        }
    }

    private static byte[] readLimited(InputStream in, long limit) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] buffer = new byte[65536];
        long total = 0;
        int n;
        while ((n = in.read(buffer)) > 0) {
            total += n;
            if (total > limit) {
                throw new ZipException("an entry expands beyond " + limit + " bytes");
            }
            out.write(buffer, 0, n);
        }
        return out.toByteArray();
    }

    static String sha256(byte[] content) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }
}
