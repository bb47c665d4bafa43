package org.audiu.models;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.ObjectOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;
import org.audiu.core.DataException;
import org.audiu.core.FeatureSchema;
import org.audiu.core.archive.ModelArchive;
import org.audiu.core.archive.ModelFileException;
import org.audiu.core.config.ComponentConfig;
import org.audiu.core.plugin.Plugins;
import org.audiu.core.spi.training.LabelledData;
import org.audiu.core.spi.training.TrainedModel;
import org.audiu.core.spi.training.TrainerFactory;
import org.audiu.core.testkit.TestData;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Loading: every failure a user can meet gives a clear, specific error. */
class ModelFilesTest {
    private static final Plugins PLUGINS = Plugins.fromClasspath();
    private static TrainedModel model;
    private static LabelledData data;

    @TempDir
    Path tmp;

    @BeforeAll
    static void train() {
        data = TestData.blobs(3, 40, 4, 3);
        model = trainer("random-forest", Map.of("trees", "5")).train(data);
    }

    static org.audiu.core.spi.training.Trainer trainer(String name, Map<String, String> params) {
        ComponentConfig c = new ComponentConfig("trainer", name, "model.", params, 1, Path.of("."), "test");
        return PLUGINS.create(TrainerFactory.KIND, name, c);
    }

    private Path saved() throws Exception {
        Path file = tmp.resolve("m.model");
        model.save(file);
        return file;
    }

    @Test
    void savedFilesAreByteForByteReproducible() throws Exception {
        Path a = tmp.resolve("a.model");
        Path b = tmp.resolve("b.model");
        TrainedModel loaded = ModelFiles.load(saved());
        model.save(a);
        loaded.save(b);
        assertArrayEquals(Files.readAllBytes(a), Files.readAllBytes(b));
    }

    @Test
    void recordsProvenanceReadably() throws Exception {
        Path file = saved();
        String meta;
        try (ZipInputStream zip = new ZipInputStream(Files.newInputStream(file))) {
            ZipEntry first = zip.getNextEntry();
            assertEquals(ModelArchive.META, first.getName());
            meta = new String(zip.readAllBytes(), java.nio.charset.StandardCharsets.ISO_8859_1);
        }
        for (String key : List.of("trainer=random-forest", "parameter.trees=5", "seed=1", "training.rows=120",
                "schema.0=f0", "label.2=c2", "version.java=", "prep.fill=", "kind=forest", "trained.at=")) {
            assertTrue(meta.contains(key), key + " missing from\n" + meta);
        }
    }

    @Test
    void truncatedFileFailsClearly() throws Exception {
        byte[] bytes = Files.readAllBytes(saved());
        for (int cut : new int[] {bytes.length / 3, bytes.length / 2, bytes.length - 30}) {
            Path broken = tmp.resolve("cut" + cut + ".model");
            Files.write(broken, Arrays.copyOf(bytes, cut));
            ModelFileException e = assertThrows(ModelFileException.class, () -> ModelFiles.load(broken));
            assertTrue(e.getMessage().contains("corrupt") || e.getMessage().contains("truncated"), e.getMessage());
        }
    }

    @Test
    void flippedByteFailsClearly() throws Exception {
        byte[] bytes = Files.readAllBytes(saved());
        bytes[bytes.length / 2] ^= 0x5a;
        Path broken = tmp.resolve("flipped.model");
        Files.write(broken, bytes);
        ModelFileException e = assertThrows(ModelFileException.class, () -> ModelFiles.load(broken));
        assertTrue(e.getMessage().contains("corrupt"), e.getMessage());
    }

    @Test
    void alteredPayloadFailsItsChecksum() throws Exception {
        Path file = saved();
        Path altered = tmp.resolve("altered.model");
        try (ZipInputStream in = new ZipInputStream(Files.newInputStream(file));
             ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(altered))) {
            ZipEntry e;
            while ((e = in.getNextEntry()) != null) {
                byte[] content = in.readAllBytes();
                if (!e.getName().equals(ModelArchive.META)) {
                    content[content.length - 1] ^= 1;
                }
                out.putNextEntry(new ZipEntry(e.getName()));
                out.write(content);
                out.closeEntry();
            }
        }
        ModelFileException ex = assertThrows(ModelFileException.class, () -> ModelFiles.load(altered));
        assertTrue(ex.getMessage().contains("checksum"), ex.getMessage());
    }

    @Test
    void foreignFilesAreRefusedWithoutDeserialising() throws Exception {
        Path serialized = tmp.resolve("java.ser");
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(new java.util.ArrayList<>(List.of("x")));
        }
        Files.write(serialized, bytes.toByteArray());
        ModelFileException e = assertThrows(ModelFileException.class, () -> ModelFiles.load(serialized));
        assertTrue(e.getMessage().contains("Java-serialized"), e.getMessage());

        Path text = tmp.resolve("notes.txt");
        Files.writeString(text, "hello");
        e = assertThrows(ModelFileException.class, () -> ModelFiles.load(text));
        assertTrue(e.getMessage().contains("not an audiU model"), e.getMessage());

        Path empty = tmp.resolve("empty.model");
        Files.write(empty, new byte[0]);
        e = assertThrows(ModelFileException.class, () -> ModelFiles.load(empty));
        assertTrue(e.getMessage().contains("empty"), e.getMessage());

        Path zip = tmp.resolve("other.zip");
        try (ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(zip))) {
            out.putNextEntry(new ZipEntry("readme.txt"));
            out.write("hi".getBytes());
            out.closeEntry();
        }
        e = assertThrows(ModelFileException.class, () -> ModelFiles.load(zip));
        assertTrue(e.getMessage().contains("not an audiU model"), e.getMessage());

        e = assertThrows(ModelFileException.class, () -> ModelFiles.load(tmp.resolve("missing.model")));
        assertTrue(e.getMessage().contains("not found"), e.getMessage());
    }

    @Test
    void newerFormatVersionIsRefused() throws Exception {
        java.util.Properties meta = new java.util.Properties();
        meta.setProperty("kind", "forest");
        byte[] bytes = ModelArchive.toBytes(meta, Map.of());
        ModelArchive archive = ModelArchive.fromBytes(bytes, "x");
        assertEquals("forest", archive.require("kind"));
        Path future = tmp.resolve("future.model");
        try (ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(future))) {
            out.putNextEntry(new ZipEntry(ModelArchive.META));
            out.write("format.version=99\nkind=forest\n".getBytes());
            out.closeEntry();
        }
        ModelFileException e = assertThrows(ModelFileException.class, () -> ModelFiles.load(future));
        assertTrue(e.getMessage().contains("newer"), e.getMessage());
    }

    @Test
    void schemaMismatchFailsNamingTheDifference() throws Exception {
        Path file = saved();
        assertEquals(model.schema(), ModelFiles.load(file, data.schema()).schema());
        DataException e = assertThrows(DataException.class,
                () -> ModelFiles.load(file, FeatureSchema.of("f0", "f1", "f2", "tempo")));
        assertTrue(e.getMessage().contains("missing [f3]") && e.getMessage().contains("not in the model [tempo]"),
                e.getMessage());
        e = assertThrows(DataException.class, () -> ModelFiles.load(file, FeatureSchema.of("f1", "f0", "f2", "f3")));
        assertTrue(e.getMessage().contains("another order"), e.getMessage());
    }

    @Test
    void rowsOfTheWrongWidthFailClearly() throws Exception {
        TrainedModel loaded = ModelFiles.load(saved());
        DataException e = assertThrows(DataException.class,
                () -> loaded.predictProbabilities(new double[][] {{1, 2}}));
        assertTrue(e.getMessage().contains("expects 4"), e.getMessage());
    }
}
