package org.audiu.core.config;

import java.io.IOException;
import java.io.StringReader;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;

/**
 * A properties file read entry by entry, so that a key set twice is seen: {@link Properties#load} keeps the last
 * value without a word. Each logical line (a line and its {@code \} continuations) is parsed by {@code Properties}
 * itself, so escapes, separators ({@code =}, {@code :}, blanks) and continuations mean what they always mean.
 */
final class PropertiesFile {
    private PropertiesFile() {
    }

    /**
     * The entries of the file's lines, in file order, with the line each started on.
     *
     * @param origin the file, for messages
     * @throws ConfigException naming both lines when a key is set twice, or the line that does not parse
     */
    static Map<String, String> entries(List<String> lines, String origin) {
        Map<String, String> values = new LinkedHashMap<>();
        Map<String, Integer> lineOf = new LinkedHashMap<>();
        int i = 0;
        while (i < lines.size()) {
            int first = i;
            String line = lines.get(i++);
            String stripped = line.stripLeading();
            if (stripped.isEmpty() || stripped.startsWith("#") || stripped.startsWith("!")) {
                continue;
            }
            StringBuilder logical = new StringBuilder(line);
            while (continues(lines.get(i - 1)) && i < lines.size()) {
                logical.append('\n').append(lines.get(i++));
            }
            Properties one = new Properties();
            try {
                one.load(new StringReader(logical.toString()));
            } catch (IOException | IllegalArgumentException e) {
                throw new ConfigException("Could not read line " + (first + 1) + " of configuration " + origin + ": "
                        + e.getMessage() + ". Write it as 'key = value'.", e);
            }
            for (String rawKey : one.stringPropertyNames()) {
                String key = rawKey.trim();
                Integer earlier = lineOf.putIfAbsent(key, first + 1);
                if (earlier != null) {
                    throw new ConfigException("'" + key + "' is set twice in " + origin + ": line " + earlier
                            + " and line " + (first + 1) + ". Keep one of them (a properties file would silently "
                            + "use the last).");
                }
                values.put(key, one.getProperty(rawKey));
            }
        }
        return values;
    }

    /** A line ending in an odd number of backslashes continues on the next. */
    private static boolean continues(String line) {
        int n = 0;
        for (int j = line.length() - 1; j >= 0 && line.charAt(j) == '\\'; j--) {
            n++;
        }
        return n % 2 == 1;
    }
}
