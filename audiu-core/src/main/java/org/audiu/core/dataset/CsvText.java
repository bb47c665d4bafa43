package org.audiu.core.dataset;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.PushbackReader;
import java.io.Reader;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;
import org.audiu.core.DataException;

/**
 * Opens a CSV file as text in a charset, and says what a file that is not such text is, and where. A file is looked
 * at before it is parsed: a ZIP (an Excel workbook), gzip, Parquet or other binary file, or UTF-16 text read as
 * UTF-8, fails naming what it is; bytes the charset cannot decode fail naming the first one with its line and byte
 * offset. Stateless.
 */
final class CsvText {
    /** What a file holds when it is not a text CSV at all, by its first bytes. */
    private record Signature(byte[] magic, String what) {
    }

    private static final Signature[] SIGNATURES = {
        new Signature(new byte[] {'P', 'K', 3, 4}, "a ZIP archive (an Excel .xlsx or OpenDocument workbook, or a "
                + "zipped CSV): unzip it, or export the sheet as \"CSV UTF-8\""),
        new Signature(new byte[] {0x1f, (byte) 0x8b}, "gzip-compressed: decompress it first (gunzip)"),
        new Signature(new byte[] {'P', 'A', 'R', '1'}, "a Parquet file: export it as CSV"),
        new Signature(new byte[] {(byte) 0xD0, (byte) 0xCF, 0x11, (byte) 0xE0}, "an old Excel .xls workbook: save "
                + "it as \"CSV UTF-8\""),
        new Signature(new byte[] {'%', 'P', 'D', 'F'}, "a PDF document"),
        new Signature(new byte[] {0x7f, 'E', 'L', 'F'}, "an executable program"),
        new Signature(new byte[] {'B', 'Z', 'h'}, "bzip2-compressed: decompress it first (bunzip2)"),
        new Signature(new byte[] {(byte) 0xFD, '7', 'z', 'X', 'Z'}, "xz-compressed: decompress it first (unxz)"),
        new Signature(new byte[] {'S', 'Q', 'L', 'i', 't', 'e'}, "an SQLite database"),
    };
    private static final int SNIFF_BYTES = 8192;

    private CsvText() {
    }

    /**
     * The file's text, decoded strictly in {@code charset}, without a leading byte-order mark.
     *
     * @throws DataException for a missing file, a folder, or a file that is not text in that charset by its first
     *                       bytes (binary, compressed, UTF-16 read as UTF-8, ...)
     */
    static Reader open(Path file, Charset charset) throws IOException {
        if (!Files.exists(file)) {
            throw new DataException("Dataset file not found: " + file.toAbsolutePath() + ". Check the path in your "
                    + "configuration (relative paths are resolved against the config file's folder).");
        }
        if (Files.isDirectory(file)) {
            throw new DataException("Dataset path " + file.toAbsolutePath() + " is a folder; point it at a CSV file.");
        }
        sniff(file, charset);
        CharsetDecoder decoder = charset.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        return withoutBom(new BufferedReader(new java.io.InputStreamReader(Files.newInputStream(file), decoder),
                1 << 16));
    }

    private static Reader withoutBom(BufferedReader in) throws IOException {
        PushbackReader reader = new PushbackReader(in, 1);
        int first = reader.read();
        if (first != -1 && first != '\uFEFF') {
            reader.unread(first);
        }
        return reader;
    }

    private static void sniff(Path file, Charset charset) throws IOException {
        byte[] head;
        try (InputStream in = Files.newInputStream(file)) {
            head = in.readNBytes(SNIFF_BYTES);
        }
        for (Signature s : SIGNATURES) {
            if (startsWith(head, s.magic())) {
                throw notText(file, charset, "it is " + s.what() + ".");
            }
        }
        boolean wide = charset.name().toUpperCase(Locale.ROOT).startsWith("UTF-16")
                || charset.name().toUpperCase(Locale.ROOT).startsWith("UTF-32");
        if (wide) {
            return;
        }
        if (startsWith(head, new byte[] {(byte) 0xFF, (byte) 0xFE}) || startsWith(head, new byte[] {(byte) 0xFE,
                (byte) 0xFF})) {
            throw notText(file, charset, "it is UTF-16 text (it starts with a UTF-16 byte-order mark). Save it as "
                    + "UTF-8, or read it with --charset UTF-16 (the dataset's 'charset' key in a configuration).");
        }
        for (int i = 0; i < head.length; i++) {
            if (head[i] == 0) {
                throw notText(file, charset, "it holds binary data (a NUL byte at byte offset " + i + ", line "
                        + (1 + count(head, i, (byte) '\n')) + "). Export the data as a CSV text file.");
            }
        }
    }

    private static DataException notText(Path file, Charset charset, String what) {
        return new DataException(file.toAbsolutePath() + " is not a " + charset.name() + " text CSV: " + what);
    }

    private static boolean startsWith(byte[] head, byte[] magic) {
        if (head.length < magic.length) {
            return false;
        }
        for (int i = 0; i < magic.length; i++) {
            if (head[i] != magic[i]) {
                return false;
            }
        }
        return true;
    }

    private static int count(byte[] bytes, int end, byte b) {
        int n = 0;
        for (int i = 0; i < end; i++) {
            if (bytes[i] == b) {
                n++;
            }
        }
        return n;
    }

    /** True when {@code e} or one of its causes is a decoding failure. */
    static boolean isDecodingFailure(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof CharacterCodingException) {
                return true;
            }
        }
        return false;
    }

    /**
     * The error for a file with bytes {@code charset} cannot decode: the first such byte, its line, column and byte
     * offset, and how to read the file. Reads the file again, only to find that byte.
     */
    static DataException undecodable(Path file, Charset charset) {
        Optional<String> where;
        try {
            where = firstUndecodable(file, charset);
        } catch (IOException e) {
            where = Optional.empty();
        }
        boolean utf8 = charset.equals(StandardCharsets.UTF_8);
        return new DataException(file.toAbsolutePath() + " is not " + charset.name() + " text: "
                + where.orElse("some bytes are not valid " + charset.name()) + "."
                + (utf8 ? " It may be Latin-1 (Windows-1252) text: read it with --charset ISO-8859-1 (in a "
                + "configuration, the dataset's 'charset' key, e.g. candidates.charset = ISO-8859-1), or save it as "
                + "UTF-8." : " Name the file's encoding with --charset (the dataset's 'charset' key in a "
                + "configuration), or save it as UTF-8."));
    }

    private static Optional<String> firstUndecodable(Path file, Charset charset) throws IOException {
        CharsetDecoder decoder = charset.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer bytes = ByteBuffer.allocate(1 << 16);
        CharBuffer chars = CharBuffer.allocate(1 << 16);
        long offset = 0; // bytes before bytes' position 0
        long line = 1;
        long column = 1;
        try (InputStream in = Files.newInputStream(file)) {
            boolean eof = false;
            while (true) {
                if (!eof) {
                    int n = in.read(bytes.array(), bytes.position(), bytes.remaining());
                    if (n < 0) {
                        eof = true;
                    } else {
                        bytes.position(bytes.position() + n);
                    }
                }
                bytes.flip();
                CoderResult result = decoder.decode(bytes, chars, eof);
                chars.flip();
                while (chars.hasRemaining()) {
                    if (chars.get() == '\n') {
                        line++;
                        column = 1;
                    } else {
                        column++;
                    }
                }
                chars.clear();
                if (result.isError()) {
                    long at = offset + bytes.position();
                    StringBuilder hex = new StringBuilder();
                    for (int i = 0; i < result.length() && bytes.position() + i < bytes.limit(); i++) {
                        hex.append(hex.isEmpty() ? "" : " ").append(String.format(Locale.ROOT, "0x%02X",
                                bytes.get(bytes.position() + i) & 0xff));
                    }
                    return Optional.of("the byte" + (result.length() > 1 ? "s " : " ") + hex + " at line " + line
                            + ", column " + column + " (byte offset " + at + ") " + (result.length() > 1 ? "are" : "is")
                            + " not valid " + charset.name());
                }
                offset += bytes.position();
                bytes.compact();
                if (eof && bytes.position() == 0) {
                    return Optional.empty();
                }
            }
        }
    }
}
