package org.dtc.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.function.IntFunction;
import org.dtc.core.Json;
import org.dtc.data.DatasetSpec;
import org.dtc.data.TrainTest;
import org.dtc.engine.EngineConfig;
import org.dtc.engine.PruningStrategy;
import org.dtc.engine.RunPlan;
import org.dtc.report.ResultFiles;
import org.dtc.report.StudyCsv;
import org.dtc.report.StudyFigures;
import org.dtc.report.StudyManifest;
import org.dtc.report.StudyReport;
import org.dtc.study.Cell;
import org.dtc.study.CellExecution;
import org.dtc.study.Schedule;
import org.dtc.study.StudyGrid;
import org.dtc.study.StudyRow;
import org.dtc.study.StudyRunner;
import org.dtc.study.StudySetting;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code dtc study}: criteria x schedules x seeds x datasets x architectures, compared at the same
 * sizes. The cells run where its {@link CellExecution} says: on this machine's threads, or
 * (dtc-spark) on a cluster, which parses the same options with this class.
 */
@Command(name = "study", mixinStandardHelpOptions = true, sortOptions = false,
        resourceBundle = "org.dtc.cli.PresetDefaults",
        description = {"Run a pruning study: every criterion under every schedule with every seed, on every dataset "
                + "and architecture, all through the same sizes (the preset's size sequence), then rank them.",
            "Writes study.csv (one row per cell and operating point), overlap.csv (what the other criteria would "
                    + "have removed from DTC's network, per cycle and layer), study.md (ranking, accuracy at "
                    + "compression 2-32, the paper's claim 3), figures (PNG and SVG) and manifest.json; finished cells "
                    + "are kept under cells/ for --resume."})
public final class StudyCommand implements Callable<Integer> {
    @Option(names = "--criteria", split = ",", paramLabel = "LIST", description = "Criteria, comma-separated: dtc, "
            + "random, magnitude, l1, l2, taylor, apoz, activation, fpgm, bn-scale (default: all that apply to every "
            + "architecture; bn-scale needs --hidden-norm true).")
    List<String> criteria;

    @Option(names = "--schedules", split = ",", paramLabel = "LIST", defaultValue = "train-compress,"
            + "train-then-compress,one-shot,scratch", description = "Schedules, comma-separated (default: "
            + "${DEFAULT-VALUE}).")
    List<String> schedules;

    @Option(names = "--datasets", split = ",", paramLabel = "LIST", defaultValue = "mnist",
            description = "Datasets: mnist, fashion-mnist, custom (default: ${DEFAULT-VALUE}).")
    List<String> datasets;

    @Option(names = "--archs", split = ",", paramLabel = "LIST", description = "Architectures, comma-separated, such "
            + "as 784-512-10,784-512-256-10 (default: --arch, or the preset's).")
    List<String> archs;

    @Option(names = "--seed", defaultValue = "42424242", paramLabel = "S", description = "First seed "
            + "(default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--seeds", defaultValue = "3", paramLabel = "K", description = "Seeds S, S+1, ..., S+K-1 "
            + "(default: ${DEFAULT-VALUE}).")
    int seeds;

    @Option(names = "--fine-tune-batches", paramLabel = "F", description = "Batches of fine-tuning after each prune "
            + "of train-then-compress and one-shot (default: --batches-per-cycle).")
    Integer fineTuneBatches;

    @Option(names = "--quick", description = "A first look in about a minute on two cores: " + Quick.BATCHES + " batches per cycle "
            + "and a prune fraction of " + Quick.PRUNE_FRACTION + " unless given.")
    boolean quick;

    @Option(names = "--data", paramLabel = "DIR", description = "Folder with the datasets' files, or with one "
            + "subfolder per dataset (default: $DTC_DATA, then ~/.cache/dtc/<dataset>, downloading there on first use).")
    Path data;

    @Mixin
    OutputOptions output;

    @Option(names = "--resume", description = "Run only the cells the interrupted study in --out did not finish; it "
            + "ends with the results of an uninterrupted one. Give the same options.")
    boolean resume;

    @Option(names = "--threads", paramLabel = "T", description = "Cells run side by side, one per thread (default: "
            + "all processors). Results do not depend on it.")
    Integer threads;

    @Mixin
    EngineOptions engine;

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    /** Where the cells run, given --threads (resolved to a count). */
    private final IntFunction<CellExecution> execution;

    /** The study on this machine's threads. */
    public StudyCommand() {
        this(CellExecution::local);
    }

    /** The study with its cells run by {@code execution}, which gets the --threads count. */
    public StudyCommand(IntFunction<CellExecution> execution) {
        this.execution = execution;
    }

    /** --quick's settings: a study of the default grid in a few minutes on two cores. */
    private static final class Quick {
        static final int BATCHES = 25;
        static final double PRUNE_FRACTION = 0.4;
    }

    @Override
    public Integer call() throws IOException {
        int threadCount = Threads.resolve(threads);
        if (archs != null && engine.arch != null) {
            throw new IllegalArgumentException("--arch and --archs both given: list the architectures in --archs");
        }
        if (quick) {
            engine.batchesPerCycle = engine.batchesPerCycle != null ? engine.batchesPerCycle : Quick.BATCHES;
            engine.pruneFraction = engine.pruneFraction != null ? engine.pruneFraction : Quick.PRUNE_FRACTION;
        }
        List<String> archList = archs != null ? trimmed(archs)
                : List.of(engine.toConfig().network().widths());
        Map<String, EngineConfig> configs = new LinkedHashMap<>();
        for (String arch : archList) {
            configs.put(arch, engine.toConfig(arch));
        }
        List<String> criteriaList = criteria != null ? trimmed(criteria) : applicable(configs.values());
        StudyGrid grid = new StudyGrid(trimmed(datasets), archList,
                trimmed(schedules).stream().map(Schedule::named).toList(), criteriaList,
                RunPlan.consecutiveSeeds(seed, seeds));
        if (data == null && grid.datasets().contains("custom")) {
            throw new IllegalArgumentException("--datasets custom is read from the folder given with --data");
        }
        int fineTune = fineTuneBatches != null ? fineTuneBatches : configs.values().iterator().next().training()
                .batchesPerCycle();
        if (fineTune < 1) {
            throw new IllegalArgumentException("--fine-tune-batches must be at least 1, not " + fineTune);
        }
        // Everything is checked, the data included, before the results folder is touched.
        List<StudySetting> settings = new ArrayList<>();
        Map<String, DatasetSpec> specs = new LinkedHashMap<>();
        for (String dataset : grid.datasets()) {
            DatasetSpec dataSpec = DatasetSpec.named(dataset);
            specs.put(dataset, dataSpec);
            TrainTest loaded = Datasets.load(dataSpec, data);
            for (String arch : grid.archs()) {
                settings.add(StudySetting.of(dataset, arch, configs.get(arch), loaded, fineTune, grid.criteria()));
            }
        }
        String identity = Json.of(StudyManifest.settings(grid, configs, fineTune));
        CellExecution cellExecution = execution.apply(threadCount);
        ResultsFolder folder = ResultsFolder.open(output.out, output.force, resume, StudyCells.FOLDER);
        try (folder) {
            StudyCells cells = new StudyCells(folder.file(StudyCells.FOLDER), identity, resume);
            return runInto(folder, cells, grid, settings, specs, configs, fineTune, cellExecution);
        } catch (IOException | RuntimeException e) {
            folder.abandon();
            throw e;
        }
    }

    private int runInto(ResultsFolder folder, StudyCells store, StudyGrid grid, List<StudySetting> settings,
                        Map<String, DatasetSpec> specs, Map<String, EngineConfig> configs, int fineTune,
                        CellExecution cellExecution) throws IOException {
        PrintWriter err = spec.commandLine().getErr();
        List<Cell> all = grid.cells();
        Map<Cell, StudyRunner.CellResult> done = store.finished(all);
        List<Cell> missing = all.stream().filter(c -> !done.containsKey(c)).toList();
        if (resume) {
            err.printf(Locale.ROOT, "resuming: %d of %d cells finished%n", done.size(), all.size());
        }
        long started = System.nanoTime();
        int[] count = {done.size()};
        cellExecution.run(settings, missing, result -> {
            store.save(result);
            synchronized (count) {
                count[0]++;
                List<StudyRow> rows = result.rows();
                StudyRow last = rows.get(rows.size() - 1);
                err.printf(Locale.ROOT, "[%d/%d] %s: %d points, accuracy %.4f at compression %.1fx, %.0f s%n",
                        count[0], all.size(), result.cell().label(), rows.size(), last.accuracy(), last.compression(),
                        (System.nanoTime() - started) * 1e-9);
                err.flush();
            }
        });
        double elapsed = (System.nanoTime() - started) * 1e-9;
        Map<Cell, StudyRunner.CellResult> results = store.finished(all);
        List<StudyRow> rows = new ArrayList<>();
        List<org.dtc.study.OverlapRow> overlap = new ArrayList<>();
        for (Cell cell : all) {
            rows.addAll(results.get(cell).rows());
            overlap.addAll(results.get(cell).overlap());
        }
        String command = "dtc " + String.join(" ", spec.commandLine().getParseResult().originalArgs());
        ResultFiles.write(folder.file("study.csv"), StudyCsv.render(rows));
        ResultFiles.write(folder.file("overlap.csv"), StudyCsv.renderOverlap(overlap));
        ResultFiles.write(folder.file("manifest.json"), Json.of(StudyManifest.of(VersionInfo.projectVersion(), command,
                specs, grid, configs, fineTune, cellExecution.describe(), elapsed)) + "\n");
        ResultFiles.write(folder.file("study.md"), StudyReport.render(rows, command));
        StudyFigures.write(rows, overlap, folder.path());
        PrintWriter outWriter = spec.commandLine().getOut();
        outWriter.printf(Locale.ROOT, "results in %s (%d cells, %.0f s)%n", folder.path().toAbsolutePath(), all.size(),
                elapsed);
        return 0;
    }

    /** Every built-in criterion that can rank every architecture of the study. */
    private static List<String> applicable(Iterable<EngineConfig> configs) {
        List<String> names = new ArrayList<>();
        for (String name : PruningStrategy.NAMES) {
            boolean fits = true;
            for (EngineConfig c : configs) {
                try {
                    PruningStrategy.named(name).check(c);
                } catch (IllegalArgumentException e) {
                    fits = false;
                }
            }
            if (fits) {
                names.add(name);
            }
        }
        return names;
    }

    /** The values without surrounding blanks; an empty value (--schedules "") is no value. */
    private static List<String> trimmed(List<String> values) {
        return values.stream().map(String::trim).filter(v -> !v.isEmpty()).toList();
    }
}
