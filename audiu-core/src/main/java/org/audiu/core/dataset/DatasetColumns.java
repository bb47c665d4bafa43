package org.audiu.core.dataset;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/** Header positions, case-insensitive. */
record DatasetColumns(Map<String, Integer> positions) {
    static DatasetColumns detect(List<String> header) {
        Map<String, Integer> p = new LinkedHashMap<>();
        for (int i = 0; i < header.size(); i++) {
            p.putIfAbsent(header.get(i).toLowerCase(Locale.ROOT), i);
        }
        return new DatasetColumns(p);
    }

    int index(String name) {
        return positions.getOrDefault(name.toLowerCase(Locale.ROOT), -1);
    }

    Optional<String> first(List<String> names) {
        return names.stream().filter(n -> index(n) >= 0).findFirst();
    }
}
