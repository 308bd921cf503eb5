package org.dtc.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class JsonTest {
    @Test
    void writesNestedValuesWithNonFiniteNumbersAsNull() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("a\"b", List.of(1, 2.5, Double.NaN, Float.POSITIVE_INFINITY));
        m.put("tab\there", new int[] {3, -4});
        m.put("none", null);
        assertThat(Json.of(m)).isEqualTo("{\n  \"a\\\"b\": [1, 2.5, null, null],\n  \"tab\\there\": [3, -4],\n"
                + "  \"none\": null\n}");
        assertThat(Json.line(m)).isEqualTo("{\"a\\\"b\":[1,2.5,null,null],\"tab\\there\":[3,-4],\"none\":null}");
        assertThat(Json.of(Map.of())).isEqualTo("{}");
    }

    @Test
    void readsWhatItWritesAndTheEscapesOfRfc8259() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("name", "w \u00e9 \u0001 \\ \"q\"");
        m.put("values", List.of(1L, -2.5e-300, 1.7976931348623157e308, true, false));
        m.put("nested", Map.of("empty", List.of()));
        assertThat(Json.parse(Json.of(m))).isEqualTo(m);
        assertThat(Json.parse(Json.line(m))).isEqualTo(m);
        assertThat(Json.parse("\"\\u00e9\\/\\b\\f\\r\"")).isEqualTo("\u00e9/\b\f\r");
        assertThat(Json.parse(" 12345678901234567890 ")).isEqualTo(1.2345678901234567e19);
    }

    @Test
    void refusesMalformedTextNamingTheOffset() {
        String[][] bad = {
            {"{\"a\": 1,}", "JSON: expected a key in quotes at offset 8"},
            {"[1 2]", "JSON: expected ']', found '2' at offset 3"},
            {"{\"a\": 1, \"a\": 2}", "JSON: duplicate key \"a\" at offset 9"},
            {"01", "JSON: unexpected text after the value at offset 1"},
            {"NaN", "JSON: unexpected character 'N' at offset 0"},
            {"\"open", "JSON: unterminated string at offset 5"},
            {"\"a\nb\"", "JSON: control character in a string at offset 2"},
            {"[", "JSON: unexpected end of text at offset 1"},
            {"1.", "JSON: malformed number at offset 2"},
            {"[".repeat(300), "JSON: nested more than 256 deep at offset 257"},
        };
        for (String[] b : bad) {
            assertThatThrownBy(() -> Json.parse(b[0])).as(b[0]).hasMessage(b[1]);
        }
    }
}
