package org.audiu.spotify.features;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.audiu.core.AudiuException;
import org.audiu.core.FeatureVector;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Audio features fetched before, on disk: one JSON line per track ({@code {"id":..,"f":{"energy":0.7,...}}}, or
 * {@code {"id":..,"missing":<epoch seconds>}} for a track the service did not know). Lines are appended after each
 * batch, so a long fetch that is interrupted resumes where it stopped; a torn last line is skipped. Later lines win.
 * Thread-safe within one process.
 */
public final class FeatureCache {
    private static final Logger LOG = LoggerFactory.getLogger(FeatureCache.class);
    private static final ObjectMapper JSON = new ObjectMapper();

    /** A cached answer: feature values by name, or none when the service did not know the track. */
    public record Entry(Map<String, Double> values, Instant checked) {
        public Entry {
            values = Map.copyOf(values);
            Objects.requireNonNull(checked, "checked");
        }

        public boolean missing() {
            return values.isEmpty();
        }
    }

    private final Path file;
    private Map<String, Entry> entries;

    public FeatureCache(Path file) {
        this.file = Objects.requireNonNull(file, "file").toAbsolutePath();
    }

    /** {@code <dir>/<provider>-features.jsonl}. */
    public static FeatureCache inDirectory(Path dir, String provider) {
        return new FeatureCache(dir.resolve(provider + "-features.jsonl"));
    }

    public Path file() {
        return file;
    }

    public synchronized Optional<Entry> get(String id) {
        return Optional.ofNullable(load().get(id));
    }

    public synchronized int size() {
        return load().size();
    }

    /** Records features found and tracks the service did not know, and appends them to the file at once. */
    public synchronized void append(Map<String, FeatureVector> found, Collection<String> missing, Instant now) {
        if (found.isEmpty() && missing.isEmpty()) {
            return;
        }
        Map<String, Entry> cache = load();
        StringBuilder lines = new StringBuilder();
        found.forEach((id, vector) -> {
            ObjectNode line = JSON.createObjectNode();
            line.put("id", id);
            ObjectNode f = line.putObject("f");
            Map<String, Double> values = new LinkedHashMap<>();
            for (int i = 0; i < vector.schema().size(); i++) {
                if (!vector.isMissing(i)) {
                    f.put(vector.schema().names().get(i), vector.get(i));
                    values.put(vector.schema().names().get(i), vector.get(i));
                }
            }
            cache.put(id, new Entry(values, now));
            lines.append(line).append('\n');
        });
        for (String id : missing) {
            ObjectNode line = JSON.createObjectNode();
            line.put("id", id);
            line.put("missing", now.getEpochSecond());
            cache.put(id, new Entry(Map.of(), now));
            lines.append(line).append('\n');
        }
        try {
            Files.createDirectories(file.getParent());
            try (Writer w = Files.newBufferedWriter(file, StandardCharsets.UTF_8, StandardOpenOption.CREATE,
                    StandardOpenOption.APPEND)) {
                w.write(lines.toString());
            }
        } catch (IOException e) {
            throw new AudiuException("Could not write the feature cache " + file + ": " + e.getMessage()
                    + ". Make the folder writable, choose another cache-dir, or set cache = false.", e);
        }
    }

    private Map<String, Entry> load() {
        if (entries != null) {
            return entries;
        }
        entries = new HashMap<>();
        if (!Files.isRegularFile(file)) {
            return entries;
        }
        int bad = 0;
        try (BufferedReader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            String line;
            while ((line = r.readLine()) != null) {
                if (line.isBlank()) {
                    continue;
                }
                try {
                    JsonNode node = JSON.readTree(line);
                    String id = node.path("id").asText("");
                    if (id.isEmpty()) {
                        bad++;
                    } else if (node.has("missing")) {
                        entries.put(id, new Entry(Map.of(), Instant.ofEpochSecond(node.get("missing").asLong())));
                    } else {
                        Map<String, Double> values = new LinkedHashMap<>();
                        node.path("f").fields().forEachRemaining(e -> {
                            if (e.getValue().isNumber()) {
                                values.put(e.getKey(), e.getValue().asDouble());
                            }
                        });
                        entries.put(id, new Entry(values, Instant.EPOCH));
                    }
                } catch (IOException e) {
                    bad++;
                }
            }
        } catch (IOException e) {
            LOG.warn("Could not read the feature cache {} ({}); fetching again", file, e.getMessage());
            entries.clear();
        }
        if (bad > 0) {
            LOG.warn("Skipped {} unreadable line(s) of the feature cache {} (an interrupted write?)", bad, file);
        }
        LOG.debug("Feature cache {}: {} tracks", file, entries.size());
        return entries;
    }

    @Override
    public String toString() {
        return "FeatureCache[" + file + "]";
    }
}
