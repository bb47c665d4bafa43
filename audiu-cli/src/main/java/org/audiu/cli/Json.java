package org.audiu.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.audiu.core.Recommendation;

/** JSON output of the CLI. */
public final class Json {
    private static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private Json() {
    }

    public static String write(Object value) {
        try {
            return MAPPER.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Could not write JSON: " + e.getMessage(), e);
        }
    }

    /** One recommendation as the documented JSON object. */
    public static Map<String, Object> recommendation(Recommendation r) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("trackId", r.track().id());
        m.put("name", r.track().name());
        m.put("artists", r.track().artists());
        m.put("score", r.score());
        m.put("rankingScore", r.rankingScore());
        m.put("reasons", r.reasons());
        m.put("album", r.track().album());
        r.track().genre().ifPresent(g -> m.put("genre", g));
        return m;
    }

    public static List<Map<String, Object>> recommendations(List<Recommendation> recommendations) {
        return recommendations.stream().map(Json::recommendation).toList();
    }
}
