package org.audiu.spark;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import org.audiu.core.recommender.RecommenderFiles;
import org.audiu.core.recommender.TrainedRecommender;

/**
 * The value broadcast to the executors: every listener's recommender archive, loaded on first use. Spark keeps one
 * deserialised copy of a broadcast value per executor and hands that same instance to every task there, so each
 * archive is read once per executor and the loaded recommenders (immutable, thread-safe) are shared by its tasks.
 */
public final class BroadcastRecommenders implements Serializable {
    private static final long serialVersionUID = 1L;

    private final ArrayList<ListenerArchive> archives;
    private transient volatile List<TrainedRecommender> loaded;

    public BroadcastRecommenders(List<ListenerArchive> archives) {
        if (archives.isEmpty()) {
            throw new IllegalArgumentException("At least one listener's recommender is needed");
        }
        this.archives = new ArrayList<>(archives);
    }

    public List<ListenerArchive> archives() {
        return List.copyOf(archives);
    }

    public int size() {
        return archives.size();
    }

    /** The recommenders, in listener order, loaded from their archives the first time any task asks. */
    public List<TrainedRecommender> recommenders() {
        List<TrainedRecommender> result = loaded;
        if (result == null) {
            synchronized (this) {
                result = loaded;
                if (result == null) {
                    result = load();
                    loaded = result;
                }
            }
        }
        return result;
    }

    private List<TrainedRecommender> load() {
        ClassLoader loader = Thread.currentThread().getContextClassLoader();
        if (loader == null) {
            loader = BroadcastRecommenders.class.getClassLoader();
        }
        List<TrainedRecommender> out = new ArrayList<>(archives.size());
        for (ListenerArchive a : archives) {
            out.add(RecommenderFiles.fromBytes(a.bytes(), a.source(), loader));
        }
        return List.copyOf(out);
    }
}
