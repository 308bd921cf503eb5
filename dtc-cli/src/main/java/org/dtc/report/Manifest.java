package org.dtc.report;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.dtc.core.Simd;
import org.dtc.data.DataFile;
import org.dtc.data.DatasetSpec;
import org.dtc.engine.ConcurrentRuns;
import org.dtc.engine.ConfigJson;
import org.dtc.engine.RunPlan;

/** manifest.json: what made a run's results: version, command, data checksums, settings, machine. */
public final class Manifest {
    private Manifest() {}

    public static Map<String, Object> of(String version, String command, DatasetSpec data, RunPlan plan,
                                         int threads) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("dtc_version", version);
        m.put("command", command);
        m.put("dataset", data.name());
        m.put("data_sha256_uncompressed", checksums(data));
        m.put("strategies", plan.strategyNames());
        m.put("seeds", plan.seeds());
        m.put("config", ConfigJson.toMap(plan.config()));
        int runs = plan.runs().size();
        m.put("threads", threads);
        m.put("concurrent_runs", ConcurrentRuns.concurrency(runs, threads));
        m.put("gemm_threads", ConcurrentRuns.gemmThreads(runs, threads));
        m.putAll(machine());
        return m;
    }

    /** The data files' checksums, as they are known before download. */
    static Map<String, Object> checksums(DatasetSpec data) {
        Map<String, Object> sums = new LinkedHashMap<>();
        for (DataFile f : data.files()) {
            sums.put(f.name(), f.sha256());
        }
        return sums;
    }

    /** The JVM, its kernels and the machine. */
    static Map<String, Object> machine() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("java", Runtime.version().toString() + " (" + System.getProperty("java.vendor") + ")");
        m.put("kernels", Simd.describe());
        m.put("os", System.getProperty("os.name") + " " + System.getProperty("os.version") + " "
                + System.getProperty("os.arch"));
        m.put("processors", Runtime.getRuntime().availableProcessors());
        m.put("cpu", cpuModel());
        return m;
    }

    private static String cpuModel() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/cpuinfo"))) {
                if (line.startsWith("model name")) {
                    return line.substring(line.indexOf(':') + 1).trim();
                }
            }
        } catch (IOException | RuntimeException e) {
            // not Linux, or not readable: say so below
        }
        return "unknown";
    }
}
