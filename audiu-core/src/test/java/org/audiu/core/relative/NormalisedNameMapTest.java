package org.audiu.core.relative;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.audiu.core.spi.listener.ListenerContext;
import org.junit.jupiter.api.Test;

/** Lookups by raw names give what a map keyed by {@link ListenerContext#normalise}d names gives. */
class NormalisedNameMapTest {
    private static final List<String> NAMES = List.of("", " ", "Queen", " queen ", "QUEEN", "The Beatles",
            "the beatles", "Beyoncé", "BEYONCÉ", "İstanbul", "Straße", "STRASSE", "a\u0000b", "\tTabs\t",
            "Generated Artist 1", "Generated Artist 10", "Generated Artist 100", "x", "X ", "y");

    @Test
    void oneNameLooksUpAsTheNormalisedMapWould() {
        Map<String, Integer> byKey = new HashMap<>();
        for (int i = 0; i < NAMES.size(); i += 2) {
            byKey.put(ListenerContext.normalise(NAMES.get(i)), i);
        }
        NormalisedNameMap<Integer> map = new NormalisedNameMap<>(byKey);
        for (String name : NAMES) {
            assertEquals(byKey.getOrDefault(ListenerContext.normalise(name), -1), map.get(name, -1), name);
        }
        assertEquals(byKey.getOrDefault("", -1), map.get(null, -1));
    }

    @Test
    void twoNamesLookUpAsTheJoinedKeyWould() {
        Map<String, Integer> byKey = new HashMap<>();
        for (int i = 0; i < NAMES.size(); i++) {
            if (i % 3 == 0) {
                byKey.put(ListenerContext.normalise(NAMES.get(i)) + '\u0000'
                        + ListenerContext.normalise(NAMES.get(NAMES.size() - 1 - i)), i);
            }
        }
        NormalisedNameMap<Integer> map = new NormalisedNameMap<>(byKey);
        for (String a : NAMES) {
            for (String b : NAMES) {
                String key = ListenerContext.normalise(a) + '\u0000' + ListenerContext.normalise(b);
                assertEquals(byKey.getOrDefault(key, -1), map.get(a, b, -1), () -> "'" + a + "' / '" + b + "'");
            }
        }
    }

    @Test
    void emptyAfterNormalising() {
        assertTrue(NormalisedNameMap.normalisesToEmpty(" \t"));
        assertTrue(NormalisedNameMap.normalisesToEmpty(null));
        assertFalse(NormalisedNameMap.normalisesToEmpty(" a "));
        assertEquals(new NormalisedNameMap<>(Map.of("a", 1)), new NormalisedNameMap<>(Map.of("a", 1)));
    }
}
