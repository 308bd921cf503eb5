package org.dtc.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.dtc.core.Json;
import org.dtc.data.TrainTest;
import org.dtc.model.ModelFile;
import org.dtc.nn.Evaluation;
import org.dtc.nn.Mlp;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code dtc eval}: a model file on a dataset's test split. */
@Command(name = "eval", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Evaluate a model (.safetensors, dtc's or PyTorch's nn.Sequential of Linear, BatchNorm1d and "
                + "ReLU) on a dataset's test split: accuracy, loss, per-class accuracy, the confusion matrix, "
                + "parameters, inference FLOPs and throughput. Predictions are the argmax of the logits; the loss "
                + "is the mean cross-entropy of the softmax."})
final class EvalCommand implements Callable<Integer> {
    @Option(names = "--model", required = true, paramLabel = "FILE", description = "The model (.safetensors).")
    Path model;

    @Mixin
    Datasets input;

    @Option(names = "--batch-size", defaultValue = "1000", paramLabel = "N",
            description = "Test batch size (default: ${DEFAULT-VALUE}).")
    int batchSize;

    @Option(names = "--json", description = "Print one JSON line instead (keys accuracy, loss, params, flops, "
            + "per_class_accuracy, confusion, samples_per_second).")
    boolean json;

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    /** Timed passes over the test split go on for at least this long, after one untimed pass. */
    private static final double TIMING_SECONDS = 1.0;

    @Override
    public Integer call() throws IOException {
        if (batchSize < 1) {
            throw new IllegalArgumentException("--batch-size must be at least 1, not " + batchSize);
        }
        Mlp.State state = ModelFile.read(model);
        TrainTest loaded = input.load();
        ModelFile.checkFits(model, state, loaded, input.dataset);
        Mlp net = Mlp.restore(state, batchSize);
        float[] x = loaded.test().inputs();
        int[] y = loaded.test().labels();
        int n = loaded.test().count();
        Evaluation e = net.evaluate(x, y, n, batchSize);
        long passes = 0;
        long start = System.nanoTime();
        while ((System.nanoTime() - start) * 1e-9 < TIMING_SECONDS) {
            net.evaluate(x, y, n, batchSize);
            passes++;
        }
        double samplesPerSecond = passes * n / ((System.nanoTime() - start) * 1e-9);
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("accuracy", e.accuracy());
        m.put("loss", e.loss());
        m.put("params", net.size().parameters());
        m.put("flops", net.size().inferenceFlops());
        m.put("per_class_accuracy", e.perClassAccuracy());
        m.put("confusion", e.confusion());
        m.put("samples_per_second", samplesPerSecond);
        PrintWriter out = spec.commandLine().getOut();
        if (json) {
            out.println(Json.line(m));
            return 0;
        }
        out.printf(Locale.ROOT, "%s (%s) on %s, %d test samples%n", model, state.spec(), input.dataset, n);
        out.printf(Locale.ROOT, "accuracy %.4f, loss %.4f; %d parameters, %d FLOPs a sample; %.0f samples/s%n",
                e.accuracy(), e.loss(), net.size().parameters(), net.size().inferenceFlops(), samplesPerSecond);
        double[] perClass = e.perClassAccuracy();
        out.println("class  accuracy  predicted as 0..." + (perClass.length - 1));
        for (int t = 0; t < perClass.length; t++) {
            StringBuilder row = new StringBuilder(String.format(Locale.ROOT, "%5d  %8.4f ", t, perClass[t]));
            for (long c : e.confusion()[t]) {
                row.append(String.format(Locale.ROOT, " %5d", c));
            }
            out.println(row);
        }
        return 0;
    }
}
