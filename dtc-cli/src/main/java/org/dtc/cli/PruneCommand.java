package org.dtc.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.dtc.data.TrainTest;
import org.dtc.engine.EngineConfig;
import org.dtc.engine.ModelTraining;
import org.dtc.engine.PruningStrategy;
import org.dtc.model.ModelFile;
import org.dtc.nn.Evaluation;
import org.dtc.nn.Init;
import org.dtc.nn.Mlp;
import org.dtc.nn.NetworkSize;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code dtc prune}: a trained model shrunk by a criterion, fine-tuned, and written again. */
@Command(name = "prune", mixinStandardHelpOptions = true, sortOptions = false,
        resourceBundle = "org.dtc.cli.PresetDefaults",
        description = {"Prune a trained model (.safetensors, dtc's or PyTorch's nn.Sequential of Linear, BatchNorm1d "
                + "and ReLU) to a smaller one: iteratively (the preset's fraction of each hidden layer per step, each "
                + "followed by fine-tuning) or in one shot (all at once, then fine-tuning). Prints accuracy, parameters "
                + "and FLOPs before and after, and writes the smaller model."})
final class PruneCommand implements Callable<Integer> {
    @Option(names = "--model", required = true, paramLabel = "FILE", description = "The trained model (.safetensors).")
    Path model;

    @Mixin
    Datasets input;

    @Option(names = "--criterion", defaultValue = "dtc", paramLabel = "NAME", description = "dtc, random, magnitude, "
            + "l1, l2, taylor, apoz, activation, fpgm, bn-scale (default: ${DEFAULT-VALUE}).")
    String criterion;

    @ArgGroup(exclusive = true, multiplicity = "1")
    Target target;

    static final class Target {
        @Option(names = "--to-hidden", paramLabel = "N", description = "Prune every hidden layer to N units.")
        Integer hidden;

        @Option(names = "--sparsity", paramLabel = "S", description = "Remove the fraction S of every hidden layer's "
                + "units (rounded to the nearest unit; at least one stays).")
        Double sparsity;
    }

    @Option(names = "--schedule", defaultValue = "iterative", paramLabel = "NAME",
            description = "iterative or one-shot (default: ${DEFAULT-VALUE}).")
    String schedule;

    @Option(names = "--fine-tune-batches", paramLabel = "F", description = "Training batches after each prune "
            + "(default: --batches-per-cycle).")
    Integer fineTuneBatches;

    @Option(names = "--seed", defaultValue = "42424242", paramLabel = "S",
            description = "Seed of the batch order, Phi and the random picks (default: ${DEFAULT-VALUE}).")
    long seed;

    @Mixin
    ModelOut output;

    @Mixin
    EngineOptions engine;

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        output.check();
        Path out = output.out;
        boolean oneShot = switch (schedule) {
            case "iterative" -> false;
            case "one-shot" -> true;
            default -> throw new IllegalArgumentException("--schedule " + schedule + ": iterative or one-shot");
        };
        if (engine.arch != null) {
            throw new IllegalArgumentException("--arch: the model file gives the architecture");
        }
        PruningStrategy strategy = PruningStrategy.named(criterion.trim());
        Mlp.State state = ModelFile.read(model);
        int[] widths = targets(state);
        TrainTest loaded = input.load();
        ModelFile.checkFits(model, state, loaded, input.dataset);
        // The stop size is the train-compress loop's (here the target is), and the model's weights
        // are trained, not drawn: neither limits the models this command takes.
        EngineConfig config = engine.toConfig().withPruning(p -> p.withStopSize(1))
                .withTraining(t -> t.withInit(Init.XAVIER_NORMAL)).withNetwork(state.spec());
        int fineTune = fineTuneBatches != null ? fineTuneBatches : config.training().batchesPerCycle();
        if (fineTune < 1) {
            throw new IllegalArgumentException("--fine-tune-batches must be at least 1, not " + fineTune);
        }
        PrintWriter err = spec.commandLine().getErr();
        Mlp before = Mlp.restore(state, config.training().evalBatchSize());
        Evaluation first = evaluate(before, loaded, config);
        ModelTraining.Pruned pruned = ModelTraining.prune(config, loaded, state, strategy, widths, oneShot, fineTune,
                seed, err::println);
        output.write(pruned.model());
        Mlp after = Mlp.restore(pruned.model(), config.training().evalBatchSize());
        Evaluation last = evaluate(after, loaded, config);
        PrintWriter o = spec.commandLine().getOut();
        NetworkSize a = before.size();
        NetworkSize b = after.size();
        o.printf(Locale.ROOT, "before: %s, accuracy %.4f, %d parameters, %d FLOPs a sample%n", state.spec().widths(),
                first.accuracy(), a.parameters(), a.inferenceFlops());
        o.printf(Locale.ROOT, "after:  %s, accuracy %.4f, %d parameters, %d FLOPs a sample (%.2fx smaller, %.2fx "
                        + "fewer FLOPs); written to %s%n", pruned.model().spec().widths(), last.accuracy(),
                b.parameters(), b.inferenceFlops(), b.compressionFrom(a), b.speedupFrom(a), out);
        return 0;
    }

    private int[] targets(Mlp.State state) {
        int hidden = state.spec().hiddenLayers();
        if (hidden == 0) {
            throw new IllegalArgumentException(model + " has no hidden layer: there is nothing to prune");
        }
        int[] widths = new int[hidden];
        for (int j = 0; j < hidden; j++) {
            int m = state.spec().size(j + 1);
            if (target.hidden != null) {
                if (target.hidden < 1 || target.hidden > m) {
                    throw new IllegalArgumentException("--to-hidden " + target.hidden + ": hidden layer " + j + " has "
                            + m + " units (give 1.." + m + ")");
                }
                widths[j] = target.hidden;
            } else {
                if (!(target.sparsity >= 0 && target.sparsity < 1)) {
                    throw new IllegalArgumentException("--sparsity must lie in [0, 1), not " + target.sparsity);
                }
                widths[j] = Math.max(1, (int) Math.round(m * (1 - target.sparsity)));
            }
        }
        return widths;
    }

    /** Plain accuracy of the logits' argmax, as PyTorch would measure the file. */
    private static Evaluation evaluate(Mlp net, TrainTest data, EngineConfig config) {
        return net.evaluate(data.test().inputs(), data.test().labels(), data.test().count(),
                config.training().evalBatchSize());
    }
}
