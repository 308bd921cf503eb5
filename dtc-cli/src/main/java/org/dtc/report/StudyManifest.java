package org.dtc.report;

import java.util.LinkedHashMap;
import java.util.Map;
import org.dtc.data.DatasetSpec;
import org.dtc.engine.ConfigJson;
import org.dtc.engine.EngineConfig;
import org.dtc.study.Schedule;
import org.dtc.study.StudyGrid;

/** A study's manifest.json: what made its results: version, command, data, grid, settings, machine. */
public final class StudyManifest {
    private StudyManifest() {}

    /** What decides a study's numbers: its grid and every architecture's settings. */
    public static Map<String, Object> settings(StudyGrid grid, Map<String, EngineConfig> configs, int fineTuneBatches) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("datasets", grid.datasets());
        m.put("archs", grid.archs());
        m.put("schedules", grid.schedules().stream().map(Schedule::cliName).toList());
        m.put("criteria", grid.criteria());
        m.put("seeds", grid.seeds());
        m.put("fine_tune_batches", fineTuneBatches);
        Map<String, Object> byArch = new LinkedHashMap<>();
        configs.forEach((arch, config) -> byArch.put(arch, ConfigJson.toMap(config)));
        m.put("config", byArch);
        return m;
    }

    public static Map<String, Object> of(String version, String command, Map<String, DatasetSpec> data, StudyGrid grid,
                                         Map<String, EngineConfig> configs, int fineTuneBatches,
                                         Map<String, Object> execution, double seconds) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("dtc_version", version);
        m.put("command", command);
        Map<String, Object> sums = new LinkedHashMap<>();
        data.forEach((name, spec) -> sums.put(name, Manifest.checksums(spec)));
        m.put("data_sha256_uncompressed", sums);
        m.putAll(settings(grid, configs, fineTuneBatches));
        m.put("execution", execution);
        m.put("seconds", seconds);
        m.putAll(Manifest.machine());
        return m;
    }
}
