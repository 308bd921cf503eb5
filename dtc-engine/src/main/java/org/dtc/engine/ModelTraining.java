package org.dtc.engine;

import java.util.List;
import java.util.function.Consumer;
import java.util.function.IntConsumer;
import org.dtc.data.Batch;
import org.dtc.data.Batches;
import org.dtc.data.TrainTest;
import org.dtc.nn.Adam;
import org.dtc.nn.Mlp;
import org.dtc.nn.NetworkSize;

/**
 * A model's life outside the train-compress loop: trained dense from scratch, and a trained
 * model (dtc's or PyTorch's) pruned to a target size, either step by step (the configuration's
 * prune fraction per step, fine-tuning after each) or in one prune, then fine-tuned. Training
 * follows the configuration's rules as the engine's cycles do.
 */
public final class ModelTraining {
    private ModelTraining() {}

    /** A fresh network of the configuration, initialised from the seed and trained {@code batches} batches. */
    public static Mlp.State train(EngineConfig config, TrainTest data, long seed, int batches, IntConsumer progress) {
        return Experiment.trainDense(config, data, seed, 1, batches, progress).network();
    }

    /** One prune and its fine-tuning: the widths after it, the test accuracy after the fine-tuning, the size. */
    public record Step(int step, int[] hidden, double accuracy, NetworkSize size) {
        /** "step 3: hidden [372], test accuracy 0.9712, 296,142 parameters". */
        @Override
        public String toString() {
            return String.format(java.util.Locale.ROOT, "step %d: hidden %s, test accuracy %.4f, %,d parameters",
                    step + 1, java.util.Arrays.toString(hidden), accuracy, size.parameters());
        }
    }

    /** The pruned model and its steps. */
    public record Pruned(Mlp.State model, List<Step> steps) {}

    /**
     * Prunes {@code model} (whose shape is {@code config}'s network) until every hidden layer j has
     * {@code target[j]} units. Before each prune the data-driven criteria score from the
     * configuration's calibration batches, run forward and backward on a copy of the network
     * without any update; after it, {@code fineTuneBatches} batches of training.
     */
    public static Pruned prune(EngineConfig config, TrainTest data, Mlp.State model, PruningStrategy strategy,
                               int[] target, boolean oneShot, int fineTuneBatches, long seed, Consumer<Step> progress) {
        if (!model.spec().equals(config.network())) {
            throw new IllegalArgumentException("the configuration's network " + config.network()
                    + " is not the model's " + model.spec());
        }
        int hidden = config.network().hiddenLayers();
        if (target.length != hidden) {
            throw new IllegalArgumentException(target.length + " target widths for " + hidden + " hidden layers");
        }
        for (int j = 0; j < hidden; j++) {
            if (target[j] < 1 || target[j] > config.network().size(j + 1)) {
                throw new IllegalArgumentException("hidden layer " + j + " has " + config.network().size(j + 1)
                        + " units; it cannot be pruned to " + target[j]);
            }
        }
        strategy.check(config);
        Experiment.checkInputs(config, data);
        EngineConfig fineTune = config.withTraining(t -> t.withBatchesPerCycle(fineTuneBatches));
        Mlp net = Mlp.restore(model, Experiment.capacity(config));
        net.setBatchAxisLogSoftmax(config.has(NotebookBehaviour.BATCH_AXIS_LOG_SOFTMAX));
        Adam adam = Experiment.newAdam(config, net);
        Batches batches = Experiment.newBatches(config, data, seed);
        List<Step> steps = new java.util.ArrayList<>();
        long batchIndex = 0;
        for (int step = 0; !at(net, target); step++) {
            int[] kept = new int[hidden];
            for (int j = 0; j < hidden; j++) {
                int m = net.spec().size(j + 1);
                kept[j] = oneShot ? target[j] : Math.max(target[j], KeepRule.keptCount(m, config.pruning().pruneFraction()));
            }
            Calibration calibration = calibrate(config, net, batches);
            Experiment.compressAll(fineTune, net, adam, strategy, seed, step, kept, calibration);
            Experiment.CycleTraining training = Experiment.trainCycles(fineTune, net, adam, batches, batchIndex, 1,
                    fineTuneBatches);
            batchIndex = training.batchIndex();
            int[] widths = new int[hidden];
            for (int j = 0; j < hidden; j++) {
                widths[j] = net.spec().size(j + 1);
            }
            Step s = new Step(step, widths, net.evaluate(data.test().inputs(), data.test().labels(),
                    data.test().count(), config.training().evalBatchSize()).accuracy(), net.size());
            steps.add(s);
            progress.accept(s);
        }
        return new Pruned(net.state(), List.copyOf(steps));
    }

    private static boolean at(Mlp net, int[] target) {
        for (int j = 0; j < target.length; j++) {
            if (net.spec().size(j + 1) != target[j]) {
                return false;
            }
        }
        return true;
    }

    /** Gradients and activations of the calibration batches on a copy, which takes no step. */
    private static Calibration calibrate(EngineConfig config, Mlp net, Batches batches) {
        Mlp copy = Mlp.restore(net.state(), Experiment.capacity(config));
        copy.setBatchAxisLogSoftmax(config.has(NotebookBehaviour.BATCH_AXIS_LOG_SOFTMAX));
        Calibration calibration = new Calibration(copy.spec());
        for (int b = 0; b < config.pruning().calibrationBatches(); b++) {
            Batch batch = batches.next();
            copy.forwardBackward(batch.inputs(), batch.inputOffset(), batch.labels(), batch.labelOffset(), batch.size());
            calibration.afterBackward(copy, batch.size());
        }
        return calibration;
    }
}
