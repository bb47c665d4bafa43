package org.audiu.models.dl4j;

import java.lang.reflect.InvocationTargetException;
import java.util.List;
import java.util.function.Predicate;
import org.audiu.core.config.ConfigException;
import org.audiu.core.spi.training.Trainer;
import org.audiu.core.archive.ModelFileException;
import org.audiu.models.ModelReader;

/**
 * The boundary to Deeplearning4j, which is an optional dependency of audiu-models: nothing here refers to a
 * Deeplearning4j type, and the classes that do ({@code MlpTrainer}, {@code MlpModel}) are loaded by name only after
 * checking the library is on the classpath, so Tribuo-only users get a clear "add these jars" error instead of a
 * {@link NoClassDefFoundError}.
 */
public final class Dl4jSupport {
    /** The model-file kind of the multilayer perceptron. */
    public static final String MODEL_KIND = "mlp";
    static final List<String> REQUIRED_CLASSES = List.of("org.deeplearning4j.nn.multilayer.MultiLayerNetwork",
            "org.nd4j.linalg.factory.Nd4j", "org.nd4j.linalg.cpu.nativecpu.CpuBackend");
    /** The Maven coordinates users must add. */
    public static final String DEPENDENCIES = "org.deeplearning4j:deeplearning4j-core:1.0.0-M2.1, "
            + "org.nd4j:nd4j-native:1.0.0-M2.1 and org.nd4j:nd4j-native:1.0.0-M2.1:linux-x86_64 (or your platform's "
            + "classifier), org.bytedeco:openblas:0.3.19-1.5.7:linux-x86_64 and org.bytedeco:javacpp:1.5.7:linux-x86_64"
            + " (audiu-models declares them optional; audiu-examples/pom.xml shows the declarations)";

    private Dl4jSupport() {
    }

    /** True when the classes are loadable from {@code loader}. */
    public static boolean available() {
        return missing(Dl4jSupport::loadable) == null;
    }

    /** The first required class that {@code present} rejects, or null. */
    static String missing(Predicate<String> present) {
        return REQUIRED_CLASSES.stream().filter(present.negate()).findFirst().orElse(null);
    }

    static boolean loadable(String className) {
        try {
            Class.forName(className, false, Dl4jSupport.class.getClassLoader());
            return true;
        } catch (ClassNotFoundException | LinkageError e) {
            return false;
        }
    }

    /** Creates the trainer (Deeplearning4j must be available). */
    static Trainer trainer(MlpSettings settings) {
        return (Trainer) instantiate("org.audiu.models.dl4j.MlpTrainer", MlpSettings.class, settings);
    }

    /**
     * The reader of saved networks.
     *
     * @throws ModelFileException when Deeplearning4j is not on the classpath
     */
    public static ModelReader modelReader(String where) {
        return modelReader(where, Dl4jSupport::loadable);
    }

    static ModelReader modelReader(String where, Predicate<String> present) {
        String missing = missing(present);
        if (missing != null) {
            throw new ModelFileException("The model file " + where + " holds a neural network ('mlp'), which needs "
                    + "Deeplearning4j on the classpath (" + missing + " is missing). Add " + DEPENDENCIES + ".");
        }
        return (ModelReader) instantiate("org.audiu.models.dl4j.MlpModel$Reader", null, null);
    }

    private static Object instantiate(String className, Class<?> argType, Object arg) {
        try {
            Class<?> type = Class.forName(className, true, Dl4jSupport.class.getClassLoader());
            return argType == null ? type.getDeclaredConstructor().newInstance()
                    : type.getDeclaredConstructor(argType).newInstance(arg);
        } catch (InvocationTargetException e) {
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            throw new ConfigException("Deeplearning4j could not start: " + e.getCause(), e.getCause());
        } catch (ReflectiveOperationException | LinkageError e) {
            throw new ConfigException("Deeplearning4j is on the classpath but could not be loaded (" + e
                    + "). Check that the versions match " + DEPENDENCIES + ".", e);
        }
    }
}
