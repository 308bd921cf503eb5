package org.dtc.cli;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;
import org.dtc.cs.DctType;
import org.dtc.cs.Solver;
import org.dtc.engine.ClipRule;
import org.dtc.engine.EngineConfig;
import org.dtc.engine.NotebookBehaviour;
import org.dtc.engine.ScoreKind;
import org.dtc.nn.Init;
import org.dtc.nn.NetworkSpec;
import picocli.CommandLine.Option;

/**
 * Every engine setting as a command-line option, shared by the commands that run the engine
 * (a picocli mixin). An option not given keeps the preset's value; the help shows that value,
 * read from the presets themselves ({@link PresetDefaults}, keyed by option name).
 */
final class EngineOptions {
    @Option(names = "--preset", defaultValue = "reference", paramLabel = "NAME",
            description = "reference (the author's notebooks, quirks included) or paper (the text) "
                    + "(default: ${DEFAULT-VALUE}).")
    String preset;

    @Option(names = "--arch", paramLabel = "WIDTHS", description = "Network widths, such as 784-512-256-10 "
            + "(preset: ${bundle:preset.arch}).")
    String arch;

    @Option(names = "--batches-per-cycle", paramLabel = "N",
            description = "Training batches per cycle (preset: ${bundle:preset.batches-per-cycle}).")
    Integer batchesPerCycle;

    @Option(names = "--max-cycles", paramLabel = "N", description = "Stop after N cycles at the latest "
            + "(preset: until a hidden layer has --stop-size units or fewer).")
    Integer maxCycles;

    @Option(names = "--solver", paramLabel = "NAME", description = "LASSO solver: lars (exact), fista, ista or admm "
            + "(preset: ${bundle:preset.solver}).")
    Solver solver;

    @Option(names = "--lambda", paramLabel = "L", description = "LASSO weight (preset: ${bundle:preset.lambda}).")
    Double lambda;

    @Option(names = "--batch-size", paramLabel = "N", description = "Training batch size (preset: ${bundle:preset.batch-size}).")
    Integer batchSize;

    @Option(names = "--eval-batch-size", paramLabel = "N",
            description = "Test batch size (preset: ${bundle:preset.eval-batch-size}).")
    Integer evalBatchSize;

    @Option(names = "--lr", paramLabel = "RATE", description = "Adam's learning rate (preset: ${bundle:preset.lr}).")
    Double learningRate;

    @Option(names = "--prune-fraction", paramLabel = "F", description = "Fraction of a layer removed per cycle "
            + "(preset: ${bundle:preset.prune-fraction}).")
    Double pruneFraction;

    @Option(names = "--stop-size", paramLabel = "N", description = "Stop once a hidden layer has N units or fewer "
            + "(preset: ${bundle:preset.stop-size}).")
    Integer stopSize;

    @Option(names = "--calibration-batches", paramLabel = "N", description = "The last N training batches of a "
            + "cycle score the taylor, apoz and activation criteria (preset: ${bundle:preset.calibration-batches}).")
    Integer calibrationBatches;

    @Option(names = "--cs-sparsity", paramLabel = "S",
            description = "n = m (1 - S) measurements (preset: ${bundle:preset.cs-sparsity}).")
    Double csSparsity;

    @Option(names = "--basis", paramLabel = "TYPE", description = "DCT of Psi: I or II (preset: ${bundle:preset.basis}).")
    DctType basis;

    @Option(names = "--init", paramLabel = "KIND", description = "Initial weights: XAVIER_NORMAL (numpy's generator), "
            + "XAVIER_NORMAL_TORCH (drawn as the notebook's torch.Generator draws them), XAVIER_UNIFORM or "
            + "KAIMING_NORMAL (preset: ${bundle:preset.init}).")
    Init init;

    @Option(names = "--score", paramLabel = "KIND", description = "DTC's ranking: COEFFICIENTS (the notebooks) or "
            + "RECONSTRUCTION (Psi s) (preset: ${bundle:preset.score}).")
    ScoreKind score;

    @Option(names = "--clip-rule", paramLabel = "RULE", description = "KEEP_BELOW_QUANTILE (the notebooks: remove "
            + "the largest |score|) or REMOVE_SMALLEST (the text) (preset: ${bundle:preset.clip-rule}).")
    ClipRule clipRule;

    @Option(names = "--scs-defaults", arity = "1", paramLabel = "BOOL", description = "Stop the solver on SCS's "
            + "default rule (1e-4), as cvxpy ran it (preset: ${bundle:preset.scs-defaults}).")
    Boolean scsDefaults;

    @Option(names = "--bias", arity = "1", paramLabel = "BOOL",
            description = "Biases in the linear layers (preset: ${bundle:preset.bias}).")
    Boolean bias;

    @Option(names = "--input-norm", arity = "1", paramLabel = "BOOL",
            description = "Batch norm on the input (preset: ${bundle:preset.input-norm}).")
    Boolean inputNorm;

    @Option(names = "--hidden-norm", arity = "1", paramLabel = "BOOL",
            description = "Batch norm after each hidden linear layer (preset: ${bundle:preset.hidden-norm}).")
    Boolean hiddenNorm;

    @Option(names = "--shuffle", arity = "1", paramLabel = "BOOL",
            description = "Shuffle the training data per epoch (preset: ${bundle:preset.shuffle}).")
    Boolean shuffle;

    // The notebooks' behaviours, one switch each (docs/experiment.md).

    @Option(names = "--batch-axis-softmax", arity = "1", paramLabel = "BOOL", description = "The notebooks' "
            + "log-softmax over the batch axis before the loss (preset: ${bundle:preset.batch-axis-softmax}).")
    Boolean batchAxisSoftmax;

    @Option(names = "--reset-optimizer", arity = "1", paramLabel = "BOOL", description = "A fresh Adam every cycle, "
            + "else its moments follow the surgery (preset: ${bundle:preset.reset-optimizer}).")
    Boolean resetOptimizer;

    @Option(names = "--restart-batches", arity = "1", paramLabel = "BOOL",
            description = "Every cycle trains from the first batch again (preset: ${bundle:preset.restart-batches}).")
    Boolean restartBatches;

    @Option(names = "--mean-batch-accuracy", arity = "1", paramLabel = "BOOL", description = "Test accuracy as the "
            + "unweighted mean of per-batch accuracies (preset: ${bundle:preset.mean-batch-accuracy}).")
    Boolean meanBatchAccuracy;

    @Option(names = "--numpy-measurement-count", arity = "1", paramLabel = "BOOL", description = "n = int(m * (1.0 - "
            + "S)) in double arithmetic, else rounded (preset: ${bundle:preset.numpy-measurement-count}).")
    Boolean numpyMeasurementCount;

    @Option(names = "--reuse-seeds", arity = "1", paramLabel = "BOOL", description = "Phi and the random picks "
            + "re-drawn from the seed at every call, else per cycle and layer (preset: ${bundle:preset.reuse-seeds}).")
    Boolean reuseSeeds;

    /** What each option's help shows of a preset: the option's name (no dashes) to the preset's value. */
    static final Map<String, Function<EngineConfig, Object>> SHOWN = shown();

    private static Map<String, Function<EngineConfig, Object>> shown() {
        Map<String, Function<EngineConfig, Object>> m = new LinkedHashMap<>();
        m.put("arch", c -> widths(c.network()));
        m.put("batches-per-cycle", c -> c.training().batchesPerCycle());
        m.put("solver", c -> c.sensing().solver().cliName());
        m.put("lambda", c -> c.sensing().lambda());
        m.put("batch-size", c -> c.training().batchSize());
        m.put("eval-batch-size", c -> c.training().evalBatchSize());
        m.put("lr", c -> c.training().learningRate());
        m.put("prune-fraction", c -> c.pruning().pruneFraction());
        m.put("stop-size", c -> c.pruning().stopSize());
        m.put("calibration-batches", c -> c.pruning().calibrationBatches());
        m.put("cs-sparsity", c -> c.sensing().csSparsity());
        m.put("basis", c -> c.sensing().basis());
        m.put("init", c -> c.training().init());
        m.put("score", c -> c.pruning().score());
        m.put("clip-rule", c -> c.pruning().clipRule());
        m.put("scs-defaults", c -> c.sensing().scsDefaults());
        m.put("bias", c -> c.network().bias());
        m.put("input-norm", c -> c.network().inputNorm());
        m.put("hidden-norm", c -> c.network().hiddenNorm());
        m.put("shuffle", c -> c.training().shuffle());
        m.put("batch-axis-softmax", c -> c.has(NotebookBehaviour.BATCH_AXIS_LOG_SOFTMAX));
        m.put("reset-optimizer", c -> c.has(NotebookBehaviour.FRESH_OPTIMIZER_EACH_CYCLE));
        m.put("restart-batches", c -> c.has(NotebookBehaviour.RESTART_BATCHES_EACH_CYCLE));
        m.put("mean-batch-accuracy", c -> c.has(NotebookBehaviour.MEAN_OF_BATCH_ACCURACIES));
        m.put("numpy-measurement-count", c -> c.has(NotebookBehaviour.NUMPY_MEASUREMENT_COUNT));
        m.put("reuse-seeds", c -> c.has(NotebookBehaviour.REUSE_SEEDS));
        return m;
    }

    private static String widths(NetworkSpec n) {
        return String.join("-", java.util.Arrays.stream(n.sizes()).mapToObj(Integer::toString).toList());
    }

    /** The preset with every option given applied to it. */
    EngineConfig toConfig() {
        return toConfig(arch);
    }

    /** The settings with the network's widths from {@code widths} (null: the preset's). */
    EngineConfig toConfig(String widths) {
        EngineConfig c = EngineConfig.preset(preset);
        NetworkSpec base = c.network();
        int[] sizes = widths != null ? NetworkSpec.parse(widths).sizes() : base.sizes();
        c = c.withNetwork(new NetworkSpec(sizes, or(bias, base.bias()), or(inputNorm, base.inputNorm()),
                or(hiddenNorm, base.hiddenNorm()), base.affine()));
        c = c.withTraining(t -> t
                .withBatchesPerCycle(or(batchesPerCycle, t.batchesPerCycle()))
                .withBatchSize(or(batchSize, t.batchSize()))
                .withEvalBatchSize(or(evalBatchSize, t.evalBatchSize()))
                .withLearningRate(or(learningRate, t.learningRate()))
                .withShuffle(or(shuffle, t.shuffle()))
                .withInit(or(init, t.init())));
        c = c.withSensing(s -> s
                .withSolver(or(solver, s.solver()))
                .withLambda(or(lambda, s.lambda()))
                .withCsSparsity(or(csSparsity, s.csSparsity()))
                .withBasis(or(basis, s.basis()))
                .withScsDefaults(or(scsDefaults, s.scsDefaults())));
        c = c.withPruning(p -> p
                .withMaxCycles(or(maxCycles, p.maxCycles()))
                .withPruneFraction(or(pruneFraction, p.pruneFraction()))
                .withStopSize(or(stopSize, p.stopSize()))
                .withCalibrationBatches(or(calibrationBatches, p.calibrationBatches()))
                .withScore(or(score, p.score()))
                .withClipRule(or(clipRule, p.clipRule())));
        c = switchTo(c, NotebookBehaviour.BATCH_AXIS_LOG_SOFTMAX, batchAxisSoftmax);
        c = switchTo(c, NotebookBehaviour.FRESH_OPTIMIZER_EACH_CYCLE, resetOptimizer);
        c = switchTo(c, NotebookBehaviour.RESTART_BATCHES_EACH_CYCLE, restartBatches);
        c = switchTo(c, NotebookBehaviour.MEAN_OF_BATCH_ACCURACIES, meanBatchAccuracy);
        c = switchTo(c, NotebookBehaviour.NUMPY_MEASUREMENT_COUNT, numpyMeasurementCount);
        return switchTo(c, NotebookBehaviour.REUSE_SEEDS, reuseSeeds);
    }

    private static EngineConfig switchTo(EngineConfig c, NotebookBehaviour behaviour, Boolean given) {
        return given == null ? c : c.with(behaviour, given);
    }

    private static <T> T or(T given, T preset) {
        return given != null ? given : preset;
    }
}
