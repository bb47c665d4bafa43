package org.audiu.models.compiled;

import java.util.Arrays;

/**
 * A growable {@code int} array for building the compiled tables: the boxed lists it replaces cost 16-20 bytes per
 * value plus a reference, the heap spike of compiling a large forest. Not thread-safe; used only while building.
 */
final class GrowableInts {
    private int[] values;
    private int size;

    GrowableInts() {
        this(16);
    }

    GrowableInts(int capacity) {
        this.values = new int[Math.max(1, capacity)];
    }

    void add(int v) {
        if (size == values.length) {
            values = Arrays.copyOf(values, Math.max(16, size + (size >> 1) + 1));
        }
        values[size++] = v;
    }

    int get(int i) {
        if (i >= size) {
            throw new IndexOutOfBoundsException(i + " of " + size);
        }
        return values[i];
    }

    void set(int i, int v) {
        if (i >= size) {
            throw new IndexOutOfBoundsException(i + " of " + size);
        }
        values[i] = v;
    }

    int size() {
        return size;
    }

    boolean isEmpty() {
        return size == 0;
    }

    void clear() {
        size = 0;
    }

    /** A trimmed copy. */
    int[] toArray() {
        return Arrays.copyOf(values, size);
    }
}
