package org.dtc.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.dtc.core.Simd;
import org.dtc.data.DataFile;
import org.dtc.data.DataLocator;
import org.dtc.data.DatasetSpec;
import org.dtc.data.Downloader;
import org.dtc.data.TrainTest;
import org.dtc.engine.Checkpoint;
import org.dtc.engine.ConcurrentRuns;
import org.dtc.engine.CycleRecord;
import org.dtc.engine.EngineConfig;
import org.dtc.engine.Experiment;
import org.dtc.engine.PruningStrategy;
import org.dtc.nn.NetworkSpec;
import org.dtc.analysis.Analysis;
import org.dtc.report.CyclesCsv;
import org.dtc.core.Json;
import org.dtc.report.ResultFiles;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code dtc reproduce}: the paper's experiment end to end. */
@Command(name = "reproduce", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Run the paper's experiment: train-compress cycles of every strategy, then the paper's "
                + "analysis. With no options: the reference preset (the author's notebooks), full MNIST, "
                + "strategies dtc, random and magnitude, results in results/<timestamp>/.",
            "Writes cycles.csv (one row per strategy, seed and cycle), table1.md (the paper's Table 1 "
                    + "recomputed), figures 1-5 (PNG and SVG), report.md, summary.json and manifest.json; each "
                    + "file is written whole or not at all."})
final class ReproduceCommand implements Callable<Integer> {
    @Option(names = "--dataset", defaultValue = "mnist", paramLabel = "NAME",
            description = "mnist, fashion-mnist, or custom: IDX files under the standard names in the --data folder, "
                    + "unverified, inputs scaled to [0, 1] (default: ${DEFAULT-VALUE}).")
    String dataset;

    @Option(names = "--data", paramLabel = "DIR", description = "Folder with the dataset's files (default: "
            + "$DTC_DATA, then ~/.cache/dtc/<dataset>, downloading there on first use).")
    Path data;

    @Option(names = "--out", paramLabel = "DIR", description = "Results folder (default: results/<timestamp>).")
    Path out;

    @Option(names = "--force", description = "Write into --out even if it already holds results.")
    boolean force;

    @Option(names = "--resume", description = "Continue the interrupted run in --out from its checkpoints (written "
            + "after every cycle); it ends with the results of an uninterrupted run. Give the same options.")
    boolean resume;

    @Option(names = "--strategies", defaultValue = "dtc,random,magnitude", split = ",", paramLabel = "LIST",
            description = "Strategies to run, comma-separated (default: ${DEFAULT-VALUE}).")
    List<String> strategies;

    @Option(names = "--preset", defaultValue = "reference", paramLabel = "NAME",
            description = "reference (the author's notebooks, quirks included) or paper (the text) "
                    + "(default: ${DEFAULT-VALUE}).")
    String preset;

    @Option(names = "--arch", paramLabel = "WIDTHS", description = "Network widths, such as 784-512-256-10 "
            + "(default: the preset's 784-512-10).")
    String arch;

    @Option(names = "--batches-per-cycle", paramLabel = "N", description = "Training batches per cycle (default: 200).")
    Integer batchesPerCycle;

    @Option(names = "--max-cycles", paramLabel = "N", description = "Stop after N cycles at the latest "
            + "(default: until a hidden layer has 10 units or fewer).")
    Integer maxCycles;

    @Option(names = "--seed", defaultValue = "42424242", paramLabel = "S",
            description = "Seed of the initialisation, Phi and the random picks (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--seeds", defaultValue = "1", paramLabel = "K",
            description = "Repeat every strategy with seeds S, S+1, ..., S+K-1 (default: ${DEFAULT-VALUE}).")
    int seeds;

    @Option(names = "--solver", paramLabel = "NAME", description = "LASSO solver: lars, fista, ista or admm "
            + "(default: lars, exact).")
    String solver;

    @Option(names = "--lambda", paramLabel = "L", description = "LASSO weight (default: 0.3).")
    Double lambda;

    @Option(names = "--threads", paramLabel = "T", description = "Threads to use (default: all processors). A lone "
            + "run multiplies on all of them; several runs (strategies, seeds) go side by side, up to 2T at once, "
            + "each on its share. Results do not depend on it.")
    Integer threads;

    // Every engine setting, each defaulting to the preset's value.

    @Option(names = "--batch-size", paramLabel = "N", description = "Training batch size (default: 512).")
    Integer batchSize;

    @Option(names = "--eval-batch-size", paramLabel = "N", description = "Test batch size (default: 512).")
    Integer evalBatchSize;

    @Option(names = "--lr", paramLabel = "RATE", description = "Adam's learning rate (default: 0.001).")
    Double learningRate;

    @Option(names = "--prune-fraction", paramLabel = "F", description = "Fraction of a layer removed per cycle "
            + "(default: 0.1).")
    Double pruneFraction;

    @Option(names = "--stop-size", paramLabel = "N", description = "Stop once a hidden layer has N units or fewer "
            + "(default: 10).")
    Integer stopSize;

    @Option(names = "--cs-sparsity", paramLabel = "S", description = "n = m (1 - S) measurements (default: 0.9).")
    Double csSparsity;

    @Option(names = "--basis", paramLabel = "TYPE", description = "DCT of Psi: I or II (reference: I, paper: II).")
    org.dtc.cs.DctType basis;

    @Option(names = "--init", paramLabel = "KIND", description = "Initial weights: XAVIER_NORMAL (numpy's generator), "
            + "XAVIER_NORMAL_TORCH (drawn as the notebook's torch.Generator draws them), XAVIER_UNIFORM or "
            + "KAIMING_NORMAL (reference: XAVIER_NORMAL_TORCH, paper: XAVIER_NORMAL).")
    org.dtc.nn.Init init;

    @Option(names = "--score", paramLabel = "KIND", description = "DTC's ranking: COEFFICIENTS (the notebooks) or "
            + "RECONSTRUCTION (Psi s).")
    org.dtc.engine.ScoreKind score;

    @Option(names = "--clip-rule", paramLabel = "RULE", description = "KEEP_BELOW_QUANTILE (the notebooks: remove "
            + "the largest |score|) or REMOVE_SMALLEST (the text).")
    org.dtc.engine.ClipRule clipRule;

    @Option(names = "--scs-defaults", arity = "1", paramLabel = "BOOL",
            description = "Stop the solver on SCS's default rule (1e-4), as cvxpy ran it.")
    Boolean scsDefaults;

    @Option(names = "--bias", arity = "1", paramLabel = "BOOL", description = "Biases in the linear layers.")
    Boolean bias;

    @Option(names = "--input-norm", arity = "1", paramLabel = "BOOL", description = "Batch norm on the input.")
    Boolean inputNorm;

    @Option(names = "--hidden-norm", arity = "1", paramLabel = "BOOL",
            description = "Batch norm after each hidden linear layer.")
    Boolean hiddenNorm;

    @Option(names = "--batch-axis-softmax", arity = "1", paramLabel = "BOOL",
            description = "The notebooks' log-softmax over the batch axis before the loss.")
    Boolean batchAxisSoftmax;

    @Option(names = "--reset-optimizer", arity = "1", paramLabel = "BOOL",
            description = "A fresh Adam every cycle (else its moments follow the surgery).")
    Boolean resetOptimizer;

    @Option(names = "--restart-batches", arity = "1", paramLabel = "BOOL",
            description = "Every cycle trains from the first batch again.")
    Boolean restartBatches;

    @Option(names = "--shuffle", arity = "1", paramLabel = "BOOL", description = "Shuffle the training data per epoch.")
    Boolean shuffle;

    @Option(names = "--mean-batch-accuracy", arity = "1", paramLabel = "BOOL",
            description = "Test accuracy as the unweighted mean of per-batch accuracies.")
    Boolean meanBatchAccuracy;

    @Option(names = "--numpy-measurement-count", arity = "1", paramLabel = "BOOL",
            description = "n = int(m * (1.0 - S)) in double arithmetic (else rounded).")
    Boolean numpyMeasurementCount;

    @Option(names = "--reuse-seeds", arity = "1", paramLabel = "BOOL",
            description = "Phi and the random picks re-drawn from the seed at every call (else per cycle and layer).")
    Boolean reuseSeeds;

    @Option(names = "--export", description = "Also write the measurement vectors, scores and final pruned networks "
            + "as .npy files under export/, described by export.json files.")
    boolean export;

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        if (threads != null) {
            if (threads < 1) {
                throw new IllegalArgumentException("--threads must be at least 1, not " + threads);
            }
            System.setProperty("dtc.threads", Integer.toString(threads));
        }
        EngineConfig config = configure();
        List<PruningStrategy> runs = new ArrayList<>();
        for (String name : strategies) {
            runs.add(PruningStrategy.named(name.trim()));
        }
        if (seeds < 1) {
            throw new IllegalArgumentException("--seeds must be at least 1, not " + seeds);
        }
        Path dir = out != null ? out : Path.of("results",
                LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss")));
        if (resume && out == null) {
            throw new IllegalArgumentException("--resume needs --out DIR, the folder of the interrupted run");
        }
        if (resume && !Files.isDirectory(dir)) {
            throw new IllegalArgumentException("--resume: " + dir + " does not exist, so there is no run to resume"
                    + " (without --resume a new run starts there)");
        }
        if (!force && !resume && Files.isDirectory(dir)) {
            try (var listing = Files.list(dir)) {
                if (listing.findAny().isPresent()) {
                    throw new IllegalArgumentException(dir + " already holds results; choose another --out or add --force");
                }
            }
        }
        Path made = firstMissing(dir);
        checkWritable(dir);
        try {
            return runInto(dir, config, runs);
        } catch (IOException | RuntimeException e) {
            if (made != null) {
                removeEmpty(dir, made);
            }
            throw e;
        }
    }

    /** The runs, their analysis and the result files, into {@code dir}, which exists and can be written. */
    private int runInto(Path dir, EngineConfig config, List<PruningStrategy> runs) throws IOException {
        DatasetSpec dataSpec = DatasetSpec.named(dataset);
        DataLocator locator = DataLocator.fromEnvironment();
        TrainTest loaded = (dataSpec.verified()
                ? locator.locateOrDownload(dataSpec, data,
                        new Downloader(dataSpec.mirrors(), System.err, System.console() != null))
                : locator.locateOrDownload(dataSpec, data, null))
                .load(dataSpec.normalization());
        PrintWriter err = spec.commandLine().getErr();
        List<String> labels = new ArrayList<>();
        for (int k = 0; k < seeds; k++) {
            for (PruningStrategy strategy : runs) {
                labels.add(strategy.name() + " seed " + (seed + k));
            }
        }
        CycleProgress progress = new CycleProgress(err, System.console() != null, config, labels);
        List<ConcurrentRuns.Job> jobs = new ArrayList<>();
        // Each run's rows so far, in the runs' order: cycles.csv is rewritten after every cycle,
        // each row formatted once.
        List<List<String>> sofar = new ArrayList<>();
        for (int k = 0; k < seeds; k++) {
            long runSeed = seed + k;
            for (PruningStrategy strategy : runs) {
                Path checkpoint = dir.resolve("checkpoints").resolve(strategy.name() + "-seed" + runSeed + ".ckpt");
                Checkpoint from = resume && Files.isRegularFile(checkpoint) ? Checkpoint.read(checkpoint) : null;
                List<String> mine = new ArrayList<>();
                if (from != null) {
                    from.records().forEach(r -> mine.add(CyclesCsv.row(r)));
                    err.printf(Locale.ROOT, "%s seed %d: resuming after cycle %d%n", strategy.name(), runSeed,
                            from.nextCycle() - 1);
                }
                int index = jobs.size();
                sofar.add(mine);
                jobs.add(new ConcurrentRuns.Job(strategy, runSeed, from, r -> {
                    synchronized (sofar) {
                        mine.add(CyclesCsv.row(r));
                        progress.cycle(index, r);
                        writeQuietly(dir.resolve("cycles.csv"), csv(sofar));
                    }
                }, c -> {
                    try {
                        c.write(checkpoint);
                    } catch (IOException e) {
                        throw new java.io.UncheckedIOException("cannot write checkpoint " + checkpoint + ": "
                                + e.getMessage(), e);
                    }
                }));
            }
        }
        progress.start();
        int threadCount = threads != null ? threads : Runtime.getRuntime().availableProcessors();
        long started = System.nanoTime();
        List<ConcurrentRuns.Result> results = ConcurrentRuns.runAll(config, loaded, jobs, threadCount);
        double elapsed = (System.nanoTime() - started) * 1e-9;
        List<CycleRecord> records = new ArrayList<>();
        Map<String, Double> wallSeconds = new LinkedHashMap<>();
        for (ConcurrentRuns.Result result : results) {
            records.addAll(result.run().records());
            wallSeconds.merge(result.job().strategy().name(), result.wallSeconds(), Double::sum);
            if (export) {
                org.dtc.report.Export.write(dir, result.run().records(), result.run().network());
            }
        }
        ResultFiles.write(dir.resolve("cycles.csv"), CyclesCsv.render(records));
        List<Analysis.Series> series = Analysis.series(org.dtc.analysis.CycleRow.of(records));
        org.dtc.report.Report.render(org.dtc.analysis.CycleRow.of(records), dir);
        ResultFiles.write(dir.resolve("summary.json"),
                Json.of(summary(config, series, records, wallSeconds, elapsed)) + "\n");
        ResultFiles.write(dir.resolve("manifest.json"),
                Json.of(manifest(config, dataSpec, threadCount, jobs.size())) + "\n");
        PrintWriter outWriter = spec.commandLine().getOut();
        outWriter.println("results in " + dir.toAbsolutePath());
        for (Analysis.Series se : series) {
            int last = se.accuracy().length - 1;
            outWriter.printf(Locale.ROOT, "%s seed %d: %d cycles, final sparsity %.4f, accuracy %.4f%n", se.strategy(),
                    se.seed(), last + 1, se.sparsity()[last], se.accuracy()[last]);
        }
        return 0;
    }

    private EngineConfig configure() {
        EngineConfig start = switch (preset) {
            case "reference" -> EngineConfig.reference();
            case "paper" -> EngineConfig.paper();
            default -> throw new IllegalArgumentException("unknown preset '" + preset + "': reference or paper");
        };
        EngineConfig.Builder b = start.toBuilder();
        NetworkSpec base = start.network();
        int[] sizes = arch != null ? NetworkSpec.parse(arch).sizes() : base.sizes();
        b.network(new NetworkSpec(sizes, or(bias, base.bias()), or(inputNorm, base.inputNorm()),
                or(hiddenNorm, base.hiddenNorm()), base.affine()));
        set(batchesPerCycle, b::batchesPerCycle);
        set(maxCycles, b::maxCycles);
        set(solver, b::solver);
        set(lambda, b::lambda);
        set(batchSize, b::batchSize);
        set(evalBatchSize, b::evalBatchSize);
        set(learningRate, b::learningRate);
        set(pruneFraction, b::pruneFraction);
        set(stopSize, b::stopSize);
        set(csSparsity, b::csSparsity);
        set(basis, b::basis);
        set(init, b::init);
        set(score, b::score);
        set(clipRule, b::clipRule);
        set(scsDefaults, b::scsDefaults);
        set(batchAxisSoftmax, b::batchAxisLogSoftmax);
        set(resetOptimizer, b::resetOptimizerEachCycle);
        set(restartBatches, b::restartBatchesEachCycle);
        set(shuffle, b::shuffle);
        set(meanBatchAccuracy, b::meanOfBatchAccuracies);
        set(numpyMeasurementCount, b::numpyMeasurementCount);
        set(reuseSeeds, b::reuseSeeds);
        return b.build();
    }

    /** Applies a setting the user gave; an absent one keeps the preset's. */
    private static <T> void set(T given, java.util.function.Consumer<T> setter) {
        if (given != null) {
            setter.accept(given);
        }
    }

    private static boolean or(Boolean given, boolean fallback) {
        return given != null ? given : fallback;
    }

    /** Fails at once, before any training, when the results folder cannot be written. */
    private static void checkWritable(Path dir) {
        if (Files.exists(dir) && !Files.isDirectory(dir)) {
            throw new IllegalArgumentException("cannot write results into " + dir + ": it is a file, not a folder");
        }
        try {
            Files.createDirectories(dir);
            Files.deleteIfExists(Files.createTempFile(dir, ".write-test", ".tmp"));
        } catch (IOException | RuntimeException e) {
            throw new IllegalArgumentException("cannot write results into " + dir + " (" + e.getMessage() + ")");
        }
    }

    /** The outermost of {@code dir} and its parents that does not exist yet, or null if dir exists. */
    private static Path firstMissing(Path dir) {
        Path missing = null;
        for (Path p = dir.toAbsolutePath(); p != null && !Files.exists(p); p = p.getParent()) {
            missing = p;
        }
        return missing;
    }

    /**
     * After a failure, takes away the folders this run made ({@code dir} up to {@code made}) as long
     * as nothing was written into them: a run that failed before its first cycle leaves no trace,
     * one that wrote cycles or checkpoints keeps them for --resume.
     */
    private static void removeEmpty(Path dir, Path made) {
        for (Path p = dir.toAbsolutePath(); p != null; p = p.getParent()) {
            try {
                Files.deleteIfExists(p);
            } catch (IOException notEmpty) {
                return;
            }
            if (p.equals(made)) {
                return;
            }
        }
    }

    private static String csv(List<List<String>> rowsPerRun) {
        StringBuilder s = new StringBuilder(CyclesCsv.HEADER).append('\n');
        rowsPerRun.forEach(rows -> rows.forEach(s::append));
        return s.toString();
    }

    private static void writeQuietly(Path file, String text) {
        try {
            ResultFiles.write(file, text);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException("cannot write " + file + ": " + e.getMessage(), e);
        }
    }

    private Map<String, Object> summary(EngineConfig config, List<Analysis.Series> series, List<CycleRecord> records,
                                        Map<String, Double> wallSeconds, double elapsed) {
        Map<String, Object> s = new LinkedHashMap<>();
        s.put("preset", preset);
        s.put("network", config.network().toString());
        s.put("seeds", seedList());
        Map<String, Object> finals = new LinkedHashMap<>();
        for (String st : strategies) {
            List<Double> accuracies = new ArrayList<>();
            for (Analysis.Series se : series) {
                if (se.strategy().equals(st)) {
                    accuracies.add(se.accuracy()[se.accuracy().length - 1]);
                }
            }
            double mean = accuracies.stream().mapToDouble(Double::doubleValue).average().orElse(Double.NaN);
            double var = accuracies.stream().mapToDouble(a -> (a - mean) * (a - mean)).sum()
                    / Math.max(1, accuracies.size() - 1);
            Map<String, Object> f = new LinkedHashMap<>();
            f.put("final_accuracy_mean", mean);
            f.put("final_accuracy_std", accuracies.size() > 1 ? Math.sqrt(var) : 0.0);
            f.put("final_accuracies", accuracies);
            finals.put(st, f);
        }
        s.put("strategies", finals);
        s.put("pearson", Analysis.correlations(series));
        s.put("wall_seconds", wallSeconds);
        s.put("wall_seconds_total", elapsed); // runs overlap: less than the sum of the strategies' times
        s.put("training_flops", records.stream().mapToDouble(CycleRecord::trainingFlops).sum());
        return s;
    }

    private List<Long> seedList() {
        List<Long> list = new ArrayList<>();
        for (int k = 0; k < seeds; k++) {
            list.add(seed + k);
        }
        return list;
    }

    private Map<String, Object> manifest(EngineConfig config, DatasetSpec dataSpec, int threadCount, int runCount) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("dtc_version", VersionInfo.projectVersion());
        m.put("command", "dtc reproduce");
        m.put("dataset", dataSpec.name());
        Map<String, Object> sums = new LinkedHashMap<>();
        for (DataFile f : dataSpec.files()) {
            sums.put(f.name(), f.sha256());
        }
        m.put("data_sha256_uncompressed", sums);
        m.put("strategies", strategies);
        m.put("seeds", seedList());
        m.put("config", config.toString());
        m.put("java", Runtime.version().toString() + " (" + System.getProperty("java.vendor") + ")");
        m.put("kernels", Simd.describe());
        m.put("threads", threadCount);
        m.put("concurrent_runs", ConcurrentRuns.concurrency(runCount, threadCount));
        m.put("gemm_threads", ConcurrentRuns.gemmThreads(runCount, threadCount));
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
