package org.audiu.models.compiled;

import java.util.Arrays;

/** A growable {@code float} array for building the compiled tables ({@link GrowableInts}' twin). */
final class GrowableFloats {
    private float[] values;
    private int size;

    GrowableFloats() {
        this.values = new float[16];
    }

    void add(float v) {
        if (size == values.length) {
            values = Arrays.copyOf(values, Math.max(16, size + (size >> 1) + 1));
        }
        values[size++] = v;
    }

    void addAll(float[] v) {
        if (size + v.length > values.length) {
            values = Arrays.copyOf(values, Math.max(size + v.length, size + (size >> 1) + 1));
        }
        System.arraycopy(v, 0, values, size, v.length);
        size += v.length;
    }

    float get(int i) {
        if (i >= size) {
            throw new IndexOutOfBoundsException(i + " of " + size);
        }
        return values[i];
    }

    int size() {
        return size;
    }

    void clear() {
        size = 0;
    }

    /** A trimmed copy. */
    float[] toArray() {
        return Arrays.copyOf(values, size);
    }
}
