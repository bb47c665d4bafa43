package org.audiu.spark;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.audiu.core.DataException;
import org.audiu.core.ListenerLibrary;
import org.audiu.core.Playlist;
import org.audiu.core.Track;
import org.audiu.core.config.AudiuConfig;
import org.audiu.core.engine.PoolSample;
import org.audiu.core.engine.PreparedListener;
import org.audiu.core.engine.ProgressReporter;
import org.audiu.core.engine.RecommendationEngine;
import org.audiu.core.plugin.Plugins;
import org.audiu.core.recommender.RecommenderFiles;
import org.audiu.core.recommender.TrainedRecommender;

/**
 * Where the listeners' recommenders come from: saved files ({@code ./audiu train --out FILE}, read on the driver
 * through Hadoop's file systems, so {@code hdfs://}, {@code s3a://} and local paths work) or audiU configurations
 * whose listener is trained on the driver. A listener is named {@code NAME=PATH}, or after the file without its
 * extension.
 */
public final class ListenerSources {
    private final Configuration hadoop;

    public ListenerSources(Configuration hadoop) {
        this.hadoop = hadoop;
    }

    public List<ListenerArchive> read(List<String> recommenderFiles, List<String> trainConfigs) {
        List<ListenerArchive> out = new ArrayList<>();
        for (String spec : recommenderFiles) {
            Named n = Named.parse(spec);
            out.add(new ListenerArchive(n.name(), n.path(), bytes(n.path())));
        }
        for (String spec : trainConfigs) {
            Named n = Named.parse(spec);
            out.add(trained(n.name(), Path.of(n.path())));
        }
        return out;
    }

    /** Trains the configuration's listener on the driver, as {@code ./audiu train --config FILE} would. */
    public static ListenerArchive trained(String name, Path config) {
        RecommendationEngine engine = RecommendationEngine.fromConfig(AudiuConfig.load(config),
                Plugins.fromClasspath(), ProgressReporter.NONE);
        // engine.train()'s three steps, keeping the library for the two-stage ranker's retrieval
        PreparedListener listener = engine.prepare();
        PoolSample sample = engine.samplePool(listener);
        TrainedRecommender r = engine.recommender(listener, sample, engine.train(listener, sample));
        ListenerLibrary library = listener.library();
        try {
            return new ListenerArchive(name, "trained from " + config, RecommenderFiles.toBytes(r),
                    library.distinctTracks().stream().map(Track::id).toList(),
                    library.playlists().stream().map(Playlist::id).toList());
        } catch (IOException e) {
            throw new UncheckedIOException("Could not write the recommender trained from " + config, e);
        }
    }

    private byte[] bytes(String path) {
        org.apache.hadoop.fs.Path p = new org.apache.hadoop.fs.Path(path);
        try {
            FileSystem fs = p.getFileSystem(hadoop);
            if (!fs.exists(p)) {
                throw new DataException("Recommender file not found: " + path + ". Save one with './audiu train "
                        + "--out FILE'.");
            }
            if (fs.getFileStatus(p).isDirectory()) {
                throw new DataException("Recommender path " + path + " is a folder; give the file './audiu train "
                        + "--out FILE' wrote.");
            }
            try (InputStream in = fs.open(p)) {
                return in.readAllBytes();
            }
        } catch (IOException e) {
            throw new DataException("Could not read the recommender file " + path + ": " + e.getMessage(), e);
        }
    }

    private record Named(String name, String path) {
        static Named parse(String spec) {
            int eq = spec.indexOf('=');
            if (eq > 0 && !spec.substring(0, eq).contains("/")) {
                return new Named(spec.substring(0, eq).trim(), spec.substring(eq + 1).trim());
            }
            String file = spec.replaceAll(".*/", "");
            int dot = file.lastIndexOf('.');
            return new Named(dot > 0 ? file.substring(0, dot) : file, spec.trim());
        }
    }
}
