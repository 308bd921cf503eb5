package org.dtc.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.dtc.data.TrainTest;
import org.dtc.engine.EngineConfig;
import org.dtc.engine.ModelTraining;
import org.dtc.nn.Evaluation;
import org.dtc.nn.Mlp;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code dtc train}: a dense model trained from scratch and written as an nn.Sequential state_dict. */
@Command(name = "train", mixinStandardHelpOptions = true, sortOptions = false,
        resourceBundle = "org.dtc.cli.PresetDefaults",
        description = {"Train a dense model from scratch and write it as a .safetensors file PyTorch loads into "
                + "nn.Sequential (Linear, BatchNorm1d, ReLU). Prints the test accuracy at the end."})
final class TrainCommand implements Callable<Integer> {
    @Mixin
    Datasets input;

    @ArgGroup(exclusive = true, multiplicity = "1")
    Length length;

    static final class Length {
        @Option(names = "--epochs", paramLabel = "E", description = "Train E passes over the training split "
                + "(ceil(samples / batch size) batches each).")
        Integer epochs;

        @Option(names = "--batches", paramLabel = "N", description = "Train N batches.")
        Integer batches;
    }

    @Option(names = "--seed", defaultValue = "42424242", paramLabel = "S",
            description = "Seed of the initialisation and the batch order (default: ${DEFAULT-VALUE}).")
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
        EngineConfig config = engine.toConfig();
        TrainTest loaded = input.load();
        int batches = batches(loaded, config);
        PrintWriter err = spec.commandLine().getErr();
        boolean terminal = Terminal.isInteractive();
        int step = Math.max(1, batches / 20);
        Mlp.State model = ModelTraining.train(config, loaded, seed, batches, done -> {
            if (terminal && (done % step == 0 || done == batches)) {
                err.printf(Locale.ROOT, "\rtraining %s: batch %d of %d", config.network().widths(), done, batches);
                err.flush();
            }
        });
        if (terminal) {
            err.println();
        }
        output.write(model);
        Mlp net = Mlp.restore(model, config.training().evalBatchSize());
        Evaluation e = net.evaluate(loaded.test().inputs(), loaded.test().labels(), loaded.test().count(),
                config.training().evalBatchSize());
        spec.commandLine().getOut().printf(Locale.ROOT, "%s on %s, %d batches of %d: test accuracy %.4f, loss %.4f; "
                        + "%d parameters; written to %s%n", config.network().widths(), input.dataset, batches,
                config.training().batchSize(), e.accuracy(), e.loss(), net.size().parameters(), out);
        return 0;
    }

    private int batches(TrainTest loaded, EngineConfig config) {
        if (length.batches != null) {
            if (length.batches < 1) {
                throw new IllegalArgumentException("--batches must be at least 1, not " + length.batches);
            }
            return length.batches;
        }
        if (length.epochs < 1) {
            throw new IllegalArgumentException("--epochs must be at least 1, not " + length.epochs);
        }
        long perEpoch = (loaded.train().count() + config.training().batchSize() - 1) / config.training().batchSize();
        return Math.toIntExact(Math.multiplyExact(perEpoch, (long) length.epochs));
    }
}
