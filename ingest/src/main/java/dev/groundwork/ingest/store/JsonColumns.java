package dev.groundwork.ingest.store;

import java.util.List;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** Lists of strings in {@code jsonb} columns. */
final class JsonColumns {

    private static final JsonMapper MAPPER = JsonMapper.builder().build();
    private static final TypeReference<List<String>> STRINGS = new TypeReference<>() {
    };

    private JsonColumns() {
    }

    static String write(List<String> values) {
        return MAPPER.writeValueAsString(values);
    }

    static List<String> read(String json) {
        return json == null ? List.of() : MAPPER.readValue(json, STRINGS);
    }
}
