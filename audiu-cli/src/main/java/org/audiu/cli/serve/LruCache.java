package org.audiu.cli.serve;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * A small thread-safe least-recently-used cache with a fixed capacity (0 disables it). Values are computed outside
 * the lock: two threads may compute the same entry at once, which is harmless for deterministic results.
 */
final class LruCache<K, V> {
    private final int capacity;
    private final LinkedHashMap<K, V> map;

    LruCache(int capacity) {
        if (capacity < 0) {
            throw new IllegalArgumentException("Cache capacity must be >= 0, got " + capacity);
        }
        this.capacity = capacity;
        this.map = new LinkedHashMap<>(16, 0.75f, true) {
            private static final long serialVersionUID = 1L;

            @Override
            protected boolean removeEldestEntry(Map.Entry<K, V> eldest) {
                return size() > LruCache.this.capacity;
            }
        };
    }

    synchronized Optional<V> get(K key) {
        return Optional.ofNullable(map.get(key));
    }

    synchronized void put(K key, V value) {
        if (capacity > 0) {
            map.put(key, value);
        }
    }

    synchronized int size() {
        return map.size();
    }
}
