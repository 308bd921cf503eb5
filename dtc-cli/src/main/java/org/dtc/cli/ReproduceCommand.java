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
import org.dtc.analysis.Analysis;
import org.dtc.analysis.CycleRow;
import org.dtc.core.Json;
import org.dtc.data.DatasetSpec;
import org.dtc.data.TrainTest;
import org.dtc.engine.Checkpoint;
import org.dtc.engine.ConcurrentRuns;
import org.dtc.engine.CycleRecord;
import org.dtc.engine.PruningStrategy;
import org.dtc.engine.RunPlan;
import org.dtc.report.CycleLog;
import org.dtc.report.CyclesCsv;
import org.dtc.report.Export;
import org.dtc.report.Manifest;
import org.dtc.report.Report;
import org.dtc.report.ResultFiles;
import org.dtc.report.Summary;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code dtc reproduce}: the paper's experiment end to end. */
@Command(name = "reproduce", mixinStandardHelpOptions = true, sortOptions = false,
        resourceBundle = "org.dtc.cli.PresetDefaults",
        description = {"Run the paper's experiment: train-compress cycles of every strategy, then the paper's "
                + "analysis. With no options: the reference preset (the author's notebooks), full MNIST, "
                + "strategies dtc, random and magnitude, results in results/<timestamp>/.",
            "Writes cycles.csv (one row per strategy, seed and cycle), table1.md (the paper's Table 1 "
                    + "recomputed), figures 1-5 (PNG and SVG), report.md, summary.json and manifest.json; each "
                    + "file is written whole or not at all."})
final class ReproduceCommand implements Callable<Integer> {
    @Mixin
    Datasets input;

    @Mixin
    OutputOptions output;

    @Option(names = "--resume", description = "Continue the interrupted run in --out from its checkpoints (written "
            + "after every cycle); it ends with the results of an uninterrupted run. Give the same options.")
    boolean resume;

    @Option(names = "--strategies", defaultValue = "dtc,random,magnitude", split = ",", paramLabel = "LIST",
            description = "Strategies to run, comma-separated: dtc, random, magnitude (the paper's), l1, l2, taylor, "
                    + "apoz, activation, fpgm, bn-scale (default: ${DEFAULT-VALUE}).")
    List<String> strategies;

    @Option(names = "--seed", defaultValue = "42424242", paramLabel = "S",
            description = "Seed of the initialisation, Phi and the random picks (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--seeds", defaultValue = "1", paramLabel = "K",
            description = "Repeat every strategy with seeds S, S+1, ..., S+K-1 (default: ${DEFAULT-VALUE}).")
    int seeds;

    @Option(names = "--threads", paramLabel = "T", description = "Threads to use (default: all processors). A lone "
            + "run multiplies on all of them; several runs (strategies, seeds) go side by side, up to 2T at once, "
            + "each on its share. Results do not depend on it.")
    Integer threads;

    @Option(names = "--export", description = "Also write the measurement vectors, scores and final pruned networks "
            + "as .npy files under export/, described by export.json files.")
    boolean export;

    @Option(names = "--halt-after-checkpoints", hidden = true, paramLabel = "N", description = "For tests of "
            + "--resume: halt the JVM at once, as kill -9 would, right after the N-th checkpoint is written.")
    Integer haltAfterCheckpoints;

    @Mixin
    EngineOptions engine;

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        int threadCount = Threads.resolve(threads);
        List<PruningStrategy> named = new ArrayList<>();
        for (String name : strategies) {
            named.add(PruningStrategy.named(name.trim()));
        }
        RunPlan plan = new RunPlan(engine.toConfig(), named, RunPlan.consecutiveSeeds(seed, seeds));
        ResultsFolder folder = ResultsFolder.open(output.out, output.force, resume);
        try (folder) {
            if (resume) {
                folder.checkResumes(plan.runs());
            }
            return runInto(folder, plan, threadCount);
        } catch (IOException | RuntimeException e) {
            folder.abandon();
            throw e;
        }
    }

    private int runInto(ResultsFolder folder, RunPlan plan, int threadCount) throws IOException {
        DatasetSpec dataSpec = input.spec();
        boolean terminal = Terminal.isInteractive();
        TrainTest loaded = Datasets.load(dataSpec, input.data);
        PrintWriter err = spec.commandLine().getErr();
        List<RunPlan.Run> runs = plan.runs();
        CycleProgress progress = new CycleProgress(err, terminal, plan.config(),
                runs.stream().map(RunPlan.Run::label).toList());
        CycleLog log = new CycleLog(folder.file("cycles.csv"), runs.size());
        List<ConcurrentRuns.Job> jobs = new ArrayList<>();
        java.util.concurrent.atomic.AtomicInteger checkpoints = new java.util.concurrent.atomic.AtomicInteger();
        for (RunPlan.Run run : runs) {
            int index = jobs.size();
            Checkpoint from = resume ? folder.resumable(run) : null;
            if (from != null) {
                log.restore(index, from.records());
                err.printf(Locale.ROOT, "%s: resuming after cycle %d%n", run.label(), from.nextCycle() - 1);
            }
            Path checkpoint = folder.checkpoint(run);
            jobs.add(new ConcurrentRuns.Job(run.strategy(), run.seed(), from, r -> {
                log.add(index, r);
                progress.cycle(index, r);
            }, c -> {
                try {
                    c.write(checkpoint);
                    if (haltAfterCheckpoints != null && checkpoints.incrementAndGet() == haltAfterCheckpoints) {
                        Runtime.getRuntime().halt(137);
                    }
                } catch (IOException e) {
                    throw new java.io.UncheckedIOException("cannot write checkpoint " + checkpoint + ": "
                            + e.getMessage(), e);
                }
            }));
        }
        progress.start();
        long started = System.nanoTime();
        List<ConcurrentRuns.Result> results = ConcurrentRuns.runAll(plan.config(), loaded, jobs, threadCount);
        double elapsed = (System.nanoTime() - started) * 1e-9;

        List<CycleRecord> records = new ArrayList<>();
        Map<String, Double> wallSeconds = new LinkedHashMap<>();
        for (ConcurrentRuns.Result result : results) {
            records.addAll(result.run().records());
            wallSeconds.merge(result.job().strategy().name(), result.wallSeconds(), Double::sum);
            if (export) {
                Export.write(folder.path(), result.run().records(), result.run().network());
            }
        }
        ResultFiles.write(folder.file("cycles.csv"), CyclesCsv.render(records));
        ResultFiles.write(folder.file("summary.json"),
                Json.of(Summary.of(engine.preset, plan, records, wallSeconds, elapsed)) + "\n");
        ResultFiles.write(folder.file("manifest.json"), Json.of(Manifest.of(VersionInfo.projectVersion(),
                "dtc reproduce", dataSpec, plan, threadCount)) + "\n");
        // Last, as dtc report can draw it all again from the files above.
        Report.render(CycleRow.of(records), folder.path());

        PrintWriter outWriter = spec.commandLine().getOut();
        outWriter.println("results in " + folder.path().toAbsolutePath());
        for (Analysis.Series se : Analysis.series(CycleRow.of(records))) {
            int last = se.accuracy().length - 1;
            outWriter.printf(Locale.ROOT, "%s seed %d: %d cycles, final sparsity %.4f, accuracy %.4f%n", se.strategy(),
                    se.seed(), last + 1, se.sparsity()[last], se.accuracy()[last]);
        }
        return 0;
    }
}
