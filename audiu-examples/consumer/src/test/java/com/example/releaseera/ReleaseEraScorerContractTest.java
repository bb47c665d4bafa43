package com.example.releaseera;

import java.nio.file.Path;
import java.util.Map;
import org.audiu.core.config.ComponentConfig;
import org.audiu.core.plugin.Plugins;
import org.audiu.core.spi.preference.PreferenceScorer;
import org.audiu.core.spi.preference.PreferenceScorerFactory;
import org.audiu.core.testkit.PreferenceScorerContractTest;

/**
 * The contract every preference scorer must pass (from audiu-core's test-jar), on the scorer created the way the
 * engine creates it: by name, through its META-INF/services registration.
 */
class ReleaseEraScorerContractTest extends PreferenceScorerContractTest {
    @Override
    protected PreferenceScorer scorer() {
        ComponentConfig config = new ComponentConfig(PreferenceScorerFactory.KIND.label(), "release-era", "scorer.",
                Map.of(), 42, Path.of("."), "test");
        return Plugins.fromClasspath().create(PreferenceScorerFactory.KIND, "release-era", config);
    }
}
