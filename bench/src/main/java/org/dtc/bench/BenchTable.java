package org.dtc.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.dtc.core.Json;

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
        for (Object o : (List<?>) Json.parse(json)) {
            Map<?, ?> entry = (Map<?, ?>) o;
            String[] parts = ((String) entry.get("benchmark")).split("\\.");
            String cls = parts[parts.length - 2];
            String method = parts[parts.length - 1];
            Map<?, ?> metric = (Map<?, ?>) entry.get("primaryMetric");
            String key = cls + params(entry.get("params"));
            byKey.computeIfAbsent(key, k -> new LinkedHashMap<>()).put(method, median(raw(metric.get("rawData"))));
            units.put(key, (String) metric.get("scoreUnit"));
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

    /** " shape=512x784x512 ...", or nothing without parameters. */
    private static String params(Object params) {
        StringBuilder s = new StringBuilder();
        if (params instanceof Map<?, ?> map) {
            map.forEach((name, value) -> s.append(' ').append(name).append('=').append(value));
        }
        return s.toString();
    }

    /** Every iteration's score, over all forks. */
    private static List<Double> raw(Object rawData) {
        List<Double> values = new ArrayList<>();
        if (rawData instanceof List<?> forks) {
            for (Object fork : forks) {
                for (Object v : (List<?>) fork) {
                    if (v instanceof Number n) {
                        values.add(n.doubleValue());
                    }
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
