package org.dtc.engine;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.dtc.data.Batches;
import org.dtc.data.TrainTest;
import org.dtc.nn.Adam;
import org.dtc.nn.Mlp;
import org.dtc.nn.NetworkSpec;

/**
 * The schedules that reach each size on a branch of its own instead of by successive prunes:
 * one-shot pruning of a trained dense network, and training a network of the target size from
 * scratch. One record per target size, in the order of the targets, cycle k for target k; the
 * run's network is the last target's.
 */
public final class Branches {
    private Branches() {}

    /**
     * From the dense training, for each target: every hidden layer pruned at once to the target's
     * width by the strategy (scored on the dense network, with the dense training's last batches
     * as calibration), then {@code config}'s batches per cycle of fine-tuning (as one cycle of
     * the configuration), then the test. A record's training FLOPs are its fine-tuning's.
     */
    public static Experiment.Run oneShot(EngineConfig config, TrainTest data, PruningStrategy strategy, long seed,
                                            Experiment.FirstTraining dense, List<int[]> targets,
                                            Consumer<CycleRecord> listener) {
        strategy.check(config);
        Experiment.checkInputs(config, data);
        if (!dense.config().equals(config) || dense.seed() != seed) {
            throw new IllegalArgumentException("the dense training of seed " + dense.seed()
                    + " was made with other settings than this one-shot run of seed " + seed);
        }
        List<CycleRecord> records = new ArrayList<>();
        Mlp net = null;
        for (int k = 0; k < targets.size(); k++) {
            long start = System.nanoTime();
            net = Mlp.restore(dense.network(), Experiment.capacity(config));
            net.setBatchAxisLogSoftmax(config.has(NotebookBehaviour.BATCH_AXIS_LOG_SOFTMAX));
            Adam adam = Experiment.newAdam(config, net);
            adam.restore(dense.adam());
            Batches batches = Experiment.newBatches(config, data, seed);
            batches.restore(dense.batches());
            List<CycleRecord.Layer> layers = Experiment.compressAll(config, net, adam, strategy, seed, k,
                    targets.get(k), dense.training().calibration());
            Experiment.CycleTraining fineTune = Experiment.trainCycles(config, net, adam, batches,
                    dense.training().batchIndex(), 1, config.training().batchesPerCycle());
            CycleRecord record = Experiment.record(config, data, net, strategy.name(), seed, k, fineTune, layers, start);
            records.add(record);
            listener.accept(record);
        }
        return new Experiment.Run(records, net);
    }

    /**
     * For each target: a fresh network of the target's widths, initialised from the seed, trained
     * for {@code cyclesPerTarget[k]} cycles of the configuration (no prune), then tested (Liu et
     * al. 2019's training from scratch). Records carry strategy "none".
     */
    public static Experiment.Run scratch(EngineConfig config, TrainTest data, long seed, List<int[]> targets,
                                            int[] cyclesPerTarget, Consumer<CycleRecord> listener) {
        Experiment.checkInputs(config, data);
        List<CycleRecord> records = new ArrayList<>();
        Mlp net = null;
        for (int k = 0; k < targets.size(); k++) {
            long start = System.nanoTime();
            NetworkSpec spec = config.network();
            for (int j = 0; j < targets.get(k).length; j++) {
                spec = spec.withHidden(j, targets.get(k)[j]);
            }
            net = new Mlp(spec, Experiment.capacity(config));
            net.initialize(config.training().init(), config.training().initGain(), seed);
            net.setBatchAxisLogSoftmax(config.has(NotebookBehaviour.BATCH_AXIS_LOG_SOFTMAX));
            Adam adam = Experiment.newAdam(config, net);
            Batches batches = Experiment.newBatches(config, data, seed);
            Experiment.CycleTraining training = Experiment.trainCycles(config, net, adam, batches, 0,
                    cyclesPerTarget[k], config.training().batchesPerCycle());
            CycleRecord record = Experiment.record(config, data, net, "none", seed, k, training, List.of(), start);
            records.add(record);
            listener.accept(record);
        }
        return new Experiment.Run(records, net);
    }
}
