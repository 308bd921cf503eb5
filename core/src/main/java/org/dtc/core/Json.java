package org.dtc.core;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The project's one JSON writer and reader (RFC 8259), for result files, checkpoints and model
 * headers. Writing is strict: NaN and infinities, which JSON cannot hold, are written as
 * {@code null}. Reading gives {@link Map} (in the text's key order), {@link List}, {@link String},
 * {@link Long} for integers that fit, {@link Double} for other numbers, {@link Boolean} and null;
 * anything else is refused with its offset.
 */
public final class Json {
    /** Nesting deeper than this is refused rather than risking the reader's stack. */
    private static final int MAX_DEPTH = 256;

    private Json() {}

    // ---- writing ----

    /**
     * Pretty-printed JSON of a value: Map, Iterable, Object[], double[], float[], int[], long[], String,
     * Number, Boolean or null (anything else as its string).
     */
    public static String of(Object value) {
        StringBuilder s = new StringBuilder();
        write(s, value, "\n");
        return s.toString();
    }

    /** The same on one line (JSON Lines, {@code --json} outputs). */
    public static String line(Object value) {
        StringBuilder s = new StringBuilder();
        write(s, value, null);
        return s.toString();
    }

    /** {@code indent} is the newline and indentation of the current level, or null for one line. */
    private static void write(StringBuilder s, Object v, String indent) {
        if (v == null) {
            s.append("null");
        } else if (v instanceof String str) {
            quote(s, str);
        } else if (v instanceof Double || v instanceof Float) {
            double d = ((Number) v).doubleValue();
            s.append(Double.isFinite(d) ? v.toString() : "null");
        } else if (v instanceof Number || v instanceof Boolean) {
            s.append(v);
        } else if (v instanceof double[] a) {
            List<Object> boxed = new ArrayList<>(a.length);
            for (double x : a) {
                boxed.add(x);
            }
            write(s, boxed, indent);
        } else if (v instanceof float[] a) {
            List<Object> boxed = new ArrayList<>(a.length);
            for (float x : a) {
                boxed.add(x);
            }
            write(s, boxed, indent);
        } else if (v instanceof int[] a) {
            write(s, java.util.Arrays.stream(a).boxed().toList(), indent);
        } else if (v instanceof long[] a) {
            write(s, java.util.Arrays.stream(a).boxed().toList(), indent);
        } else if (v instanceof Object[] a) {
            write(s, java.util.Arrays.asList(a), indent);
        } else if (v instanceof Map<?, ?> map) {
            String inner = indent == null ? null : indent + "  ";
            s.append('{');
            int i = 0;
            for (Map.Entry<?, ?> e : map.entrySet()) {
                s.append(i++ == 0 ? "" : ",").append(inner == null ? "" : inner);
                quote(s, String.valueOf(e.getKey()));
                s.append(inner == null ? ":" : ": ");
                write(s, e.getValue(), inner);
            }
            s.append(map.isEmpty() || indent == null ? "" : indent).append('}');
        } else if (v instanceof Iterable<?> list) {
            s.append('[');
            boolean first = true;
            for (Object o : list) {
                s.append(first ? "" : indent == null ? "," : ", ");
                write(s, o, indent);
                first = false;
            }
            s.append(']');
        } else {
            quote(s, v.toString());
        }
    }

    private static void quote(StringBuilder s, String str) {
        s.append('"');
        for (int i = 0; i < str.length(); i++) {
            char c = str.charAt(i);
            switch (c) {
                case '"' -> s.append("\\\"");
                case '\\' -> s.append("\\\\");
                case '\n' -> s.append("\\n");
                case '\r' -> s.append("\\r");
                case '\t' -> s.append("\\t");
                default -> {
                    if (c < 0x20) {
                        s.append(String.format("\\u%04x", (int) c));
                    } else {
                        s.append(c);
                    }
                }
            }
        }
        s.append('"');
    }

    // ---- reading ----

    /** The value of a JSON text; a syntax error is an {@link IllegalArgumentException} naming the offset. */
    public static Object parse(String text) {
        Reader r = new Reader(text);
        r.skipSpace();
        Object value = r.value(0);
        r.skipSpace();
        if (r.pos != text.length()) {
            throw r.error("unexpected text after the value");
        }
        return value;
    }

    private static final class Reader {
        private final String text;
        private int pos;

        Reader(String text) {
            this.text = text;
        }

        Object value(int depth) {
            if (depth > MAX_DEPTH) {
                throw error("nested more than " + MAX_DEPTH + " deep");
            }
            if (pos >= text.length()) {
                throw error("unexpected end of text");
            }
            char c = text.charAt(pos);
            return switch (c) {
                case '{' -> object(depth);
                case '[' -> array(depth);
                case '"' -> string();
                case 't' -> literal("true", Boolean.TRUE);
                case 'f' -> literal("false", Boolean.FALSE);
                case 'n' -> literal("null", null);
                default -> {
                    if (c == '-' || (c >= '0' && c <= '9')) {
                        yield number();
                    }
                    throw error("unexpected character '" + c + "'");
                }
            };
        }

        private Map<String, Object> object(int depth) {
            Map<String, Object> map = new LinkedHashMap<>();
            pos++;
            skipSpace();
            if (peek() == '}') {
                pos++;
                return map;
            }
            while (true) {
                skipSpace();
                if (peek() != '"') {
                    throw error("expected a key in quotes");
                }
                int at = pos;
                String key = string();
                if (map.containsKey(key)) {
                    pos = at;
                    throw error("duplicate key \"" + key + "\"");
                }
                skipSpace();
                expect(':');
                skipSpace();
                map.put(key, value(depth + 1));
                skipSpace();
                if (peek() == ',') {
                    pos++;
                } else {
                    expect('}');
                    return map;
                }
            }
        }

        private List<Object> array(int depth) {
            List<Object> list = new ArrayList<>();
            pos++;
            skipSpace();
            if (peek() == ']') {
                pos++;
                return list;
            }
            while (true) {
                skipSpace();
                list.add(value(depth + 1));
                skipSpace();
                if (peek() == ',') {
                    pos++;
                } else {
                    expect(']');
                    return list;
                }
            }
        }

        private String string() {
            StringBuilder s = new StringBuilder();
            pos++;
            while (true) {
                if (pos >= text.length()) {
                    throw error("unterminated string");
                }
                char c = text.charAt(pos++);
                if (c == '"') {
                    return s.toString();
                }
                if (c < 0x20) {
                    pos--;
                    throw error("control character in a string");
                }
                if (c != '\\') {
                    s.append(c);
                    continue;
                }
                if (pos >= text.length()) {
                    throw error("unterminated string");
                }
                char e = text.charAt(pos++);
                switch (e) {
                    case '"', '\\', '/' -> s.append(e);
                    case 'b' -> s.append('\b');
                    case 'f' -> s.append('\f');
                    case 'n' -> s.append('\n');
                    case 'r' -> s.append('\r');
                    case 't' -> s.append('\t');
                    case 'u' -> {
                        if (pos + 4 > text.length()) {
                            throw error("short \\u escape");
                        }
                        try {
                            s.append((char) Integer.parseInt(text.substring(pos, pos + 4), 16));
                        } catch (NumberFormatException bad) {
                            throw error("bad \\u escape");
                        }
                        pos += 4;
                    }
                    default -> {
                        pos--;
                        throw error("bad escape '\\" + e + "'");
                    }
                }
            }
        }

        private Object number() {
            int start = pos;
            if (peek() == '-') {
                pos++;
            }
            if (peek() == '0') {
                pos++;
            } else if (isDigit(peek())) {
                digits();
            } else {
                throw error("malformed number");
            }
            boolean integer = true;
            if (peek() == '.') {
                integer = false;
                pos++;
                if (!isDigit(peek())) {
                    throw error("malformed number");
                }
                digits();
            }
            if (peek() == 'e' || peek() == 'E') {
                integer = false;
                pos++;
                if (peek() == '+' || peek() == '-') {
                    pos++;
                }
                if (!isDigit(peek())) {
                    throw error("malformed number");
                }
                digits();
            }
            String token = text.substring(start, pos);
            if (integer) {
                try {
                    return Long.parseLong(token);
                } catch (NumberFormatException tooLong) {
                    // beyond a long: read as a double like any other number
                }
            }
            return Double.parseDouble(token);
        }

        private void digits() {
            while (isDigit(peek())) {
                pos++;
            }
        }

        private static boolean isDigit(char c) {
            return c >= '0' && c <= '9';
        }

        private Object literal(String word, Object value) {
            if (!text.startsWith(word, pos)) {
                throw error("unexpected character '" + text.charAt(pos) + "'");
            }
            pos += word.length();
            return value;
        }

        private char peek() {
            return pos < text.length() ? text.charAt(pos) : '\0';
        }

        private void expect(char c) {
            if (peek() != c) {
                throw error(pos >= text.length() ? "unexpected end of text, expected '" + c + "'"
                        : "expected '" + c + "', found '" + text.charAt(pos) + "'");
            }
            pos++;
        }

        void skipSpace() {
            while (pos < text.length()) {
                char c = text.charAt(pos);
                if (c != ' ' && c != '\t' && c != '\n' && c != '\r') {
                    return;
                }
                pos++;
            }
        }

        IllegalArgumentException error(String what) {
            return new IllegalArgumentException("JSON: " + what + " at offset " + pos);
        }
    }
}
