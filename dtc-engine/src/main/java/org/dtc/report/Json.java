package org.dtc.report;

import java.util.Locale;
import java.util.Map;

/** Just enough JSON writing for the result files: objects, arrays, strings, numbers. */
public final class Json {
    private Json() {}

    /** The JSON text of a value: Map, Iterable, double[], int[], String, Number, Boolean or null. */
    public static String of(Object value) {
        StringBuilder s = new StringBuilder();
        write(s, value, "");
        return s.toString();
    }

    private static void write(StringBuilder s, Object v, String indent) {
        if (v == null) {
            s.append("null");
        } else if (v instanceof String str) {
            s.append('"');
            for (char c : str.toCharArray()) {
                switch (c) {
                    case '"' -> s.append("\\\"");
                    case '\\' -> s.append("\\\\");
                    case '\n' -> s.append("\\n");
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
        } else if (v instanceof Double d) {
            s.append(Double.isFinite(d) ? Double.toString(d) : "null");
        } else if (v instanceof Number || v instanceof Boolean) {
            s.append(v);
        } else if (v instanceof double[] a) {
            s.append('[');
            for (int i = 0; i < a.length; i++) {
                s.append(i == 0 ? "" : ", ");
                write(s, a[i], indent);
            }
            s.append(']');
        } else if (v instanceof int[] a) {
            s.append('[');
            for (int i = 0; i < a.length; i++) {
                s.append(i == 0 ? "" : ", ").append(a[i]);
            }
            s.append(']');
        } else if (v instanceof Map<?, ?> map) {
            String inner = indent + "  ";
            s.append("{\n");
            int i = 0;
            for (Map.Entry<?, ?> e : map.entrySet()) {
                s.append(inner);
                write(s, String.valueOf(e.getKey()), inner);
                s.append(": ");
                write(s, e.getValue(), inner);
                s.append(++i < map.size() ? ",\n" : "\n");
            }
            s.append(indent).append('}');
        } else if (v instanceof Iterable<?> list) {
            s.append('[');
            boolean first = true;
            for (Object o : list) {
                s.append(first ? "" : ", ");
                write(s, o, indent);
                first = false;
            }
            s.append(']');
        } else {
            write(s, String.format(Locale.ROOT, "%s", v), indent);
        }
    }
}
