package org.audiu.core.spi.listener;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The saved statistics of one fitted {@link ListenerFeature}: a small binary format of numbers, strings, arrays and
 * maps (never Java serialization), written by {@link ListenerFeature.Fitted#writeState} and read back by
 * {@link ListenerFeatureFactory#readState}. Doubles are stored as their exact bits, so a restored feature computes
 * exactly what the fitted one did. The reader bounds every length, so a corrupt file fails with an
 * {@link IOException} instead of allocating without limit.
 */
public final class FittedState {
    /** Longest array, map or string a reader accepts. */
    public static final int MAX_LENGTH = 50_000_000;

    private FittedState() {
    }

    /** Writes values in order. */
    public static final class Writer {
        private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        private final DataOutputStream out = new DataOutputStream(bytes);

        public Writer writeInt(int v) throws IOException {
            out.writeInt(v);
            return this;
        }

        public Writer writeLong(long v) throws IOException {
            out.writeLong(v);
            return this;
        }

        public Writer writeDouble(double v) throws IOException {
            out.writeLong(Double.doubleToRawLongBits(v));
            return this;
        }

        public Writer writeBoolean(boolean v) throws IOException {
            out.writeBoolean(v);
            return this;
        }

        /** A string of any length (UTF-8). */
        public Writer writeString(String s) throws IOException {
            byte[] b = s.getBytes(java.nio.charset.StandardCharsets.UTF_8);
            out.writeInt(b.length);
            out.write(b);
            return this;
        }

        public Writer writeDoubles(double[] values) throws IOException {
            out.writeInt(values.length);
            for (double v : values) {
                writeDouble(v);
            }
            return this;
        }

        public Writer writeInts(int[] values) throws IOException {
            out.writeInt(values.length);
            for (int v : values) {
                out.writeInt(v);
            }
            return this;
        }

        /** Strings (a set or list), in the collection's iteration order. */
        public Writer writeStrings(Collection<String> values) throws IOException {
            out.writeInt(values.size());
            for (String v : values) {
                writeString(v);
            }
            return this;
        }

        /** A map from strings to doubles, in the map's iteration order. */
        public Writer writeDoubleMap(Map<String, Double> map) throws IOException {
            out.writeInt(map.size());
            for (Map.Entry<String, Double> e : map.entrySet()) {
                writeString(e.getKey());
                writeDouble(e.getValue());
            }
            return this;
        }

        /** A map from strings to ints, in the map's iteration order. */
        public Writer writeIntMap(Map<String, Integer> map) throws IOException {
            out.writeInt(map.size());
            for (Map.Entry<String, Integer> e : map.entrySet()) {
                writeString(e.getKey());
                out.writeInt(e.getValue());
            }
            return this;
        }

        /** What was written. */
        public byte[] toBytes() throws IOException {
            out.flush();
            return bytes.toByteArray();
        }
    }

    /** Reads values in the order they were written. */
    public static final class Reader {
        private final DataInputStream in;
        private final int size;

        public Reader(byte[] bytes) {
            this.in = new DataInputStream(new ByteArrayInputStream(bytes));
            this.size = bytes.length;
        }

        public int readInt() throws IOException {
            return in.readInt();
        }

        public long readLong() throws IOException {
            return in.readLong();
        }

        public double readDouble() throws IOException {
            return Double.longBitsToDouble(in.readLong());
        }

        public boolean readBoolean() throws IOException {
            return in.readBoolean();
        }

        public String readString() throws IOException {
            byte[] b = new byte[length(1)];
            in.readFully(b);
            return new String(b, java.nio.charset.StandardCharsets.UTF_8);
        }

        public double[] readDoubles() throws IOException {
            double[] out = new double[length(8)];
            for (int i = 0; i < out.length; i++) {
                out[i] = readDouble();
            }
            return out;
        }

        public int[] readInts() throws IOException {
            int[] out = new int[length(4)];
            for (int i = 0; i < out.length; i++) {
                out[i] = in.readInt();
            }
            return out;
        }

        /** Strings written by {@link Writer#writeStrings}, in their order. */
        public List<String> readStrings() throws IOException {
            int n = length(4);
            List<String> out = new ArrayList<>(Math.min(n, 1024));
            for (int i = 0; i < n; i++) {
                out.add(readString());
            }
            return out;
        }

        public Map<String, Double> readDoubleMap() throws IOException {
            int n = length(12);
            Map<String, Double> out = new LinkedHashMap<>(Math.max(16, n * 2));
            for (int i = 0; i < n; i++) {
                out.put(readString(), readDouble());
            }
            return out;
        }

        public Map<String, Integer> readIntMap() throws IOException {
            int n = length(8);
            Map<String, Integer> out = new LinkedHashMap<>(Math.max(16, n * 2));
            for (int i = 0; i < n; i++) {
                out.put(readString(), in.readInt());
            }
            return out;
        }

        /** True when every byte was read (a state may end where an older version of it ended). */
        public boolean atEnd() throws IOException {
            return in.available() == 0;
        }

        /** Fails unless every byte was read: a state of another feature, or a corrupt one, rarely ends exactly. */
        public void requireEnd() throws IOException {
            if (in.available() > 0) {
                throw new IOException(in.available() + " unread bytes at the end of the " + size
                        + "-byte state: it belongs to another feature or version");
            }
        }

        /** A length prefix, checked against what is left (each element takes at least {@code minBytes}). */
        private int length(int minBytes) throws IOException {
            int n = in.readInt();
            if (n < 0 || n > MAX_LENGTH || (long) n * minBytes > in.available()) {
                if (n >= 0 && (long) n * minBytes > in.available()) {
                    throw new EOFException("a length of " + n + " runs past the end of the state");
                }
                throw new IOException("invalid length " + n + " in the state");
            }
            return n;
        }
    }
}
