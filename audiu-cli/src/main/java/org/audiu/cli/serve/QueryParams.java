package org.audiu.cli.serve;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.audiu.core.config.Suggestions;

/**
 * The query parameters of one request, validated: unknown names, repeated single values, missing or blank required
 * values, over-long or control-character text and out-of-range numbers all become a 400 {@link WebApiException} that
 * names the parameter.
 */
final class QueryParams {
    /** Values echoed back in error bodies are cut to this length. */
    static final int ECHO_LIMIT = 80;

    private final Map<String, List<String>> values;

    QueryParams(Map<String, List<String>> values) {
        Map<String, List<String>> copy = new LinkedHashMap<>();
        Objects.requireNonNull(values, "values").forEach((k, v) -> copy.put(k, List.copyOf(v)));
        this.values = copy;
    }

    /** Fails on parameters the endpoint does not know (a typo such as {@code seed=} must not be ignored). */
    QueryParams allowOnly(Set<String> known) {
        for (String name : values.keySet()) {
            if (!known.contains(name)) {
                throw WebApiException.badRequest("Unknown parameter '" + echo(name) + "'. Known parameters: "
                        + new TreeSet<>(known) + "." + Suggestions.didYouMean(name, known),
                        Map.of("parameter", echo(name), "known", List.copyOf(new TreeSet<>(known))));
            }
        }
        return this;
    }

    /** A parameter given at most once. */
    Optional<String> single(String name) {
        List<String> v = values.getOrDefault(name, List.of());
        if (v.size() > 1) {
            throw WebApiException.badRequest("Parameter '" + name + "' is given " + v.size() + " times; give it once.",
                    Map.of("parameter", name));
        }
        return v.isEmpty() ? Optional.empty() : Optional.of(v.get(0));
    }

    /** A required, non-blank text of at most {@code maxLength} characters, trimmed. */
    String requiredText(String name, int maxLength) {
        String v = single(name).orElseThrow(() -> WebApiException.badRequest("Missing parameter '" + name + "'.",
                Map.of("parameter", name)));
        return text(name, v, maxLength);
    }

    Optional<String> optionalText(String name, int maxLength) {
        return single(name).map(v -> text(name, v, maxLength));
    }

    /** Every value of a repeatable parameter, each checked as text. */
    List<String> repeatedText(String name, int maxLength, int maxCount) {
        List<String> v = values.getOrDefault(name, List.of());
        if (v.size() > maxCount) {
            throw WebApiException.badRequest("Too many '" + name + "' parameters: " + v.size() + " (at most " + maxCount
                    + ").", Map.of("parameter", name, "max", maxCount, "count", v.size()));
        }
        List<String> out = new ArrayList<>();
        for (String s : v) {
            out.add(text(name, s, maxLength));
        }
        return out;
    }

    /** An integer in {@code [min, max]}, or the default when absent. */
    int integer(String name, int defaultValue, int min, int max) {
        Optional<String> raw = single(name);
        if (raw.isEmpty()) {
            return defaultValue;
        }
        String s = raw.get().trim();
        int v;
        try {
            if (s.length() > 11) {
                throw new NumberFormatException();
            }
            v = Integer.parseInt(s);
        } catch (NumberFormatException e) {
            throw WebApiException.badRequest("Parameter '" + name + "' must be an integer from " + min + " to " + max
                    + ", got '" + echo(raw.get()) + "'.", Map.of("parameter", name, "value", echo(raw.get()),
                    "min", min, "max", max));
        }
        if (v < min || v > max) {
            throw WebApiException.badRequest("Parameter '" + name + "' must be from " + min + " to " + max
                    + ", got " + v + ".", Map.of("parameter", name, "value", v, "min", min, "max", max));
        }
        return v;
    }

    private static String text(String name, String value, int maxLength) {
        String v = value.strip();
        if (v.isEmpty()) {
            throw WebApiException.badRequest("Parameter '" + name + "' is empty.", Map.of("parameter", name));
        }
        if (v.length() > maxLength) {
            throw WebApiException.badRequest("Parameter '" + name + "' is too long: " + v.length()
                    + " characters (at most " + maxLength + ").", Map.of("parameter", name, "max", maxLength,
                    "length", v.length()));
        }
        if (v.chars().anyMatch(c -> Character.isISOControl(c) || c == '\uFFFD')) {
            throw WebApiException.badRequest("Parameter '" + name + "' contains control characters or invalid UTF-8.",
                    Map.of("parameter", name));
        }
        return v;
    }

    /** A value safe to echo: cut, control characters replaced. */
    static String echo(String value) {
        String cut = value.length() > ECHO_LIMIT ? value.substring(0, ECHO_LIMIT) + "…" : value;
        StringBuilder sb = new StringBuilder(cut.length());
        cut.codePoints().forEach(c -> sb.appendCodePoint(Character.isISOControl(c) ? '?' : c));
        return sb.toString();
    }
}
