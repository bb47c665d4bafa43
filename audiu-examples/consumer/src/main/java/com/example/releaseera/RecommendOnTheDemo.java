package com.example.releaseera;

import java.nio.file.Path;
import org.audiu.core.Recommendation;
import org.audiu.core.config.AudiuConfig;
import org.audiu.core.engine.ProgressReporter;
import org.audiu.core.engine.RecommendationEngine;
import org.audiu.core.engine.RecommendationResult;
import org.audiu.core.plugin.Plugins;

/**
 * Runs audiU with the components a configuration file names, found on the classpath: by default
 * {@code config/release-era.properties}, the embedded demo scored by this project's {@code release-era} scorer.
 */
public final class RecommendOnTheDemo {
    private RecommendOnTheDemo() {
    }

    public static void main(String[] args) {
        Path configFile = Path.of(args.length > 0 ? args[0] : "config/release-era.properties");
        RecommendationResult result = recommend(configFile);
        System.out.println("scorer: " + result.report().components().get("scorer"));
        for (Recommendation r : result.recommendations()) {
            System.out.printf("%.3f  %s - %s  %s%n", r.score(), r.track().artistsText(), r.track().name(),
                    r.reasons());
        }
    }

    /** Trains on the configured listener's library and ranks the configured candidates. */
    public static RecommendationResult recommend(Path configFile) {
        AudiuConfig config = AudiuConfig.load(configFile);
        RecommendationEngine engine = RecommendationEngine.fromConfig(config, Plugins.fromClasspath(),
                ProgressReporter.NONE);
        return engine.recommend();
    }
}
