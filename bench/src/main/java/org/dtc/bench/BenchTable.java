package org.dtc.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads a JMH JSON result file and prints one table: each hot path, ours against its peer
 * measured in the same run, and the ratio (peer time / our time). Medians of the iterations.
 * Used by {@code ./dtc bench}.
 */
public final class BenchTable {
    /** Benchmark method pairs: ours first, then the peer it is compared with. */
    private static final Map<String, String[]> PAIRS = Map.of(
            "GemmBenchmark", new String[] {"ours", "ejml"},
            "DctBenchmark", new String[] {"ours2", "jtransforms2"});

    private BenchTable() {}

    public static void main(String[] args) throws IOException {
        if (args.length != 1) {
            System.err.println("usage: BenchTable results.json");
            System.exit(2);
        }
        System.out.print(render(Files.readString(Path.of(args[0]))));
    }

    static String render(String json) {
        Map<String, Map<String, Double>> byKey = new LinkedHashMap<>();
        Map<String, String> units = new LinkedHashMap<>();
        for (String entry : entries(json)) {
            String benchmark = field(entry, "benchmark");
            String[] parts = benchmark.split("\\.");
            String cls = parts[parts.length - 2];
            String method = parts[parts.length - 1];
            String params = params(entry);
            double median = median(raw(entry));
            String key = cls + (params.isEmpty() ? "" : " " + params);
            byKey.computeIfAbsent(key, k -> new LinkedHashMap<>()).put(method, median);
            units.put(key, field(entry, "scoreUnit"));
        }
        StringBuilder s = new StringBuilder(String.format(Locale.ROOT, "%-58s %14s %14s %8s  %s%n", "benchmark", "ours",
                "peer", "ratio", "unit"));
        for (Map.Entry<String, Map<String, Double>> e : byKey.entrySet()) {
            String cls = e.getKey().split(" ")[0];
            String[] pair = PAIRS.get(cls);
            Map<String, Double> methods = e.getValue();
            if (pair != null && methods.containsKey(pair[0]) && methods.containsKey(pair[1])) {
                double ours = methods.get(pair[0]);
                double peer = methods.get(pair[1]);
                s.append(String.format(Locale.ROOT, "%-58s %14.3f %14.3f %7.1fx  %s (peer: %s)%n", e.getKey(), ours, peer,
                        peer / ours, units.get(e.getKey()), pair[1]));
            }
            for (Map.Entry<String, Double> m : methods.entrySet()) {
                if (pair == null || (!m.getKey().equals(pair[0]) && !m.getKey().equals(pair[1]))) {
                    s.append(String.format(Locale.ROOT, "%-58s %14.3f %14s %8s  %s%n", e.getKey() + " " + m.getKey(),
                            m.getValue(), "-", "-", units.get(e.getKey())));
                }
            }
        }
        return s.toString();
    }

    /** The top-level objects of JMH's JSON array, as text (JMH writes one per benchmark run). */
    private static List<String> entries(String json) {
        List<String> out = new ArrayList<>();
        int depth = 0;
        int start = -1;
        boolean inString = false;
        for (int i = 0; i < json.length(); i++) {
            char c = json.charAt(i);
            if (c == '"' && json.charAt(i - 1) != '\\') {
                inString = !inString;
            }
            if (inString) {
                continue;
            }
            if (c == '{') {
                if (depth++ == 0) {
                    start = i;
                }
            } else if (c == '}' && --depth == 0) {
                out.add(json.substring(start, i + 1));
            }
        }
        return out;
    }

    private static String field(String entry, String name) {
        Matcher m = Pattern.compile("\"" + name + "\"\\s*:\\s*\"([^\"]*)\"").matcher(entry);
        return m.find() ? m.group(1) : "";
    }

    private static String params(String entry) {
        Matcher m = Pattern.compile("\"params\"\\s*:\\s*\\{([^}]*)}").matcher(entry);
        if (!m.find()) {
            return "";
        }
        StringBuilder s = new StringBuilder();
        Matcher pair = Pattern.compile("\"(\\w+)\"\\s*:\\s*\"([^\"]*)\"").matcher(m.group(1));
        while (pair.find()) {
            s.append(s.isEmpty() ? "" : " ").append(pair.group(1)).append('=').append(pair.group(2));
        }
        return s.toString();
    }

    private static List<Double> raw(String entry) {
        Matcher m = Pattern.compile("\"rawData\"\\s*:\\s*\\[(.*?)]\\s*]", Pattern.DOTALL).matcher(entry);
        List<Double> values = new ArrayList<>();
        if (m.find()) {
            for (String v : m.group(1).replaceAll("[\\[\\]\\s]", "").split(",")) {
                if (!v.isEmpty()) {
                    values.add(Double.parseDouble(v));
                }
            }
        }
        return values;
    }

    private static double median(List<Double> v) {
        if (v.isEmpty()) {
            return Double.NaN;
        }
        List<Double> s = new ArrayList<>(v);
        s.sort(null);
        int n = s.size();
        return n % 2 == 1 ? s.get(n / 2) : (s.get(n / 2 - 1) + s.get(n / 2)) / 2;
    }
}
