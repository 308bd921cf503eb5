package org.dtc.engine;

import java.util.ArrayList;
import java.util.List;
import org.dtc.core.Statistics;
import org.dtc.cs.Measurement;
import org.dtc.data.Batch;
import org.dtc.data.BatchOrder;
import org.dtc.data.Batches;
import org.dtc.data.TrainTest;
import org.dtc.nn.Adam;
import org.dtc.nn.Evaluation;
import org.dtc.nn.Mlp;

/**
 * The paper's Algorithm 1: cycles of training, then, for each hidden layer from front to back,
 * weight rays, their measurement, the strategy's choice and the surgery, then a test evaluation
 * of the pruned network. Stops after {@code maxCycles} or once a hidden layer has
 * {@code stopSize} units or fewer.
 */
public final class Experiment {
    private Experiment() {}

    /** A finished run: its cycles and the pruned network it ends with. */
    public record Run(List<CycleRecord> records, Mlp network) {}

    /** Runs one strategy with one seed: a resumed run ends exactly as an uninterrupted one. */
    public static Run run(RunRequest request) {
        EngineConfig config = request.config();
        TrainTest data = request.data();
        PruningStrategy strategy = request.strategy();
        long seed = request.seed();
        Checkpoint from = request.resumeFrom();
        strategy.check(config);
        checkInputs(config, data);
        int capacity = capacity(config);
        FirstTraining trained = from == null ? request.firstCycle() : null;
        Mlp net;
        if (from != null) {
            if (!from.config().equals(config) || !from.strategy().equals(strategy.name())
                    || from.seed() != seed) {
                throw new IllegalArgumentException("the checkpoint of " + from.strategy() + " seed " + from.seed()
                        + " was made with other settings; resume with the settings of the interrupted run");
            }
            net = Mlp.restore(from.network(), capacity);
        } else if (trained != null) {
            if (!trained.config().equals(config) || trained.seed() != seed) {
                throw new IllegalArgumentException("the first cycle of seed " + trained.seed()
                        + " was trained with other settings; it cannot start a run of seed " + seed);
            }
            net = Mlp.restore(trained.network(), capacity);
        } else {
            net = new Mlp(config.network(), capacity);
            net.initialize(config.training().init(), config.training().initGain(), seed);
        }
        net.setBatchAxisLogSoftmax(config.has(NotebookBehaviour.BATCH_AXIS_LOG_SOFTMAX));
        Adam adam = newAdam(config, net);
        Batches batches = newBatches(config, data, seed);
        List<CycleRecord> records = new ArrayList<>();
        long batchIndex = 0;
        int firstCycle = 0;
        if (from != null) {
            if (from.adam() != null) {
                adam.restore(from.adam());
            }
            batches.restore(from.batches());
            records.addAll(from.records());
            batchIndex = from.batchIndex();
            firstCycle = from.nextCycle();
            if (from.finished()) {
                return new Run(records, net);
            }
        } else if (trained != null) {
            adam.restore(trained.adam());
            batches.restore(trained.batches());
        }
        int hiddenLayers = config.network().hiddenLayers();
        int maxCycles = config.pruning().maxCycles();
        for (int cycle = firstCycle; cycle < maxCycles; cycle++) {
            long start = System.nanoTime();
            CycleTraining training;
            if (trained != null && cycle == 0) {
                training = trained.training();
                start -= (long) (trained.seconds() * 1e9);
            } else {
                training = trainCycles(config, net, adam, batches, batchIndex, 1,
                        config.training().batchesPerCycle());
            }
            batchIndex = training.batchIndex();
            int[] kept = new int[hiddenLayers];
            for (int j = 0; j < hiddenLayers; j++) {
                kept[j] = KeepRule.keptCount(net.spec().size(j + 1), config.pruning().pruneFraction());
            }
            List<CycleRecord.Layer> layers = compressAll(config, net, adam, strategy, seed, cycle, kept,
                    training.calibration());
            boolean stop = cycle + 1 >= maxCycles;
            for (int j = 0; j < hiddenLayers; j++) {
                stop |= net.spec().size(j + 1) <= config.pruning().stopSize();
            }
            CycleRecord record = record(config, data, net, strategy.name(), seed, cycle, training, layers, start);
            records.add(record);
            request.listener().accept(record);
            // A fresh Adam starts every cycle in the reference preset: its moments need no saving.
            Adam.State moments = freshOptimizer(config) ? null : adam.state();
            request.checkpoints().accept(new Checkpoint(config, strategy.name(), seed, cycle + 1, batchIndex,
                    net.state(), moments, batches.state(), List.copyOf(records), stop));
            if (stop) {
                break;
            }
        }
        return new Run(records, net);
    }

    /**
     * A run's first cycle of training, before any pruning: it depends on the settings and the
     * seed, never on the strategy, so the strategies of one seed can all start from one
     * (their results are the same bits as when each trains it itself).
     */
    public static FirstTraining trainFirstCycle(EngineConfig config, TrainTest data, long seed) {
        return trainDense(config, data, seed, 1, config.training().batchesPerCycle());
    }

    /**
     * A fresh network of the configuration trained {@code cycles} cycles of {@code perCycle}
     * batches each, with no prune between them (each cycle as the configuration trains one:
     * restarting the batches or the optimizer where it says so): the dense training that
     * train-then-compress and one-shot prune from. {@link #run} continues from it as from its
     * first cycle.
     */
    public static FirstTraining trainDense(EngineConfig config, TrainTest data, long seed, int cycles, int perCycle) {
        return trainDense(config, data, seed, cycles, perCycle, b -> { });
    }

    /** The same, telling {@code afterBatch} the count of batches done after each one. */
    public static FirstTraining trainDense(EngineConfig config, TrainTest data, long seed, int cycles, int perCycle,
                                           java.util.function.IntConsumer afterBatch) {
        checkInputs(config, data);
        long start = System.nanoTime();
        Mlp net = new Mlp(config.network(), capacity(config));
        net.initialize(config.training().init(), config.training().initGain(), seed);
        net.setBatchAxisLogSoftmax(config.has(NotebookBehaviour.BATCH_AXIS_LOG_SOFTMAX));
        Adam adam = newAdam(config, net);
        Batches batches = newBatches(config, data, seed);
        CycleTraining training = trainCycles(config, net, adam, batches, 0, cycles, perCycle, afterBatch);
        return new FirstTraining(config, seed, net.state(), adam.state(), batches.state(), training,
                (System.nanoTime() - start) * 1e-9);
    }

    /** The state after a first cycle's training, with what that cycle's record needs of it. */
    public record FirstTraining(EngineConfig config, long seed, Mlp.State network, Adam.State adam,
                                Batches.State batches, CycleTraining training, double seconds) {}

    /**
     * The training before a prune: the global batch count after it, the batches it trained, the
     * summed batch losses, the FLOPs, and what its last batches showed the data-driven criteria.
     */
    public record CycleTraining(long batchIndex, int batches, double lossSum, double flops,
                                Calibration calibration) {}

    /**
     * {@code cycles} cycles of {@code perCycle} batches, each starting as the configuration
     * starts a cycle; the criteria's calibration comes from the last cycle's last batches.
     */
    static CycleTraining trainCycles(EngineConfig config, Mlp net, Adam adam, Batches batches, long batchIndex,
                                     int cycles, int perCycle) {
        return trainCycles(config, net, adam, batches, batchIndex, cycles, perCycle, b -> { });
    }

    /** The same, telling {@code afterBatch} the count of batches done after each one. */
    static CycleTraining trainCycles(EngineConfig config, Mlp net, Adam adam, Batches batches, long batchIndex,
                                     int cycles, int perCycle, java.util.function.IntConsumer afterBatch) {
        double lossSum = 0;
        int done = 0;
        double flops = 0;
        Calibration calibration = null;
        for (int c = 0; c < cycles; c++) {
            if (config.has(NotebookBehaviour.RESTART_BATCHES_EACH_CYCLE)) {
                batches.restart();
            }
            if (freshOptimizer(config)) {
                adam.reset(net.layout().size());
            }
            int calibrateFrom = Math.max(0, perCycle - config.pruning().calibrationBatches());
            calibration = new Calibration(net.spec());
            for (int b = 0; b < perCycle; b++) {
                Batch batch = batches.next();
                lossSum += net.trainStep(batch.inputs(), batch.inputOffset(), batch.panels(), batch.panelsOffset(),
                        batch.labels(), batch.labelOffset(), batch.size(), adam, batchIndex++,
                        b >= calibrateFrom ? calibration : null);
                flops += (double) net.trainingFlopsPerSample() * batch.size();
                afterBatch.accept(++done);
            }
        }
        return new CycleTraining(batchIndex, Math.multiplyExact(cycles, perCycle), lossSum, flops, calibration);
    }

    /**
     * The record of a cycle whose training and prunes are done: the pruned network is tested
     * here (and the test timed: the inference time of the pruned network).
     */
    static CycleRecord record(EngineConfig config, TrainTest data, Mlp net, String strategy, long seed, int cycle,
                              CycleTraining training, List<CycleRecord.Layer> layers, long startNanos) {
        long testStart = System.nanoTime();
        Evaluation evaluation = net.evaluate(data.test().inputs(), data.test().labels(), data.test().count(),
                config.training().evalBatchSize());
        double testSeconds = (System.nanoTime() - testStart) * 1e-9;
        int hiddenLayers = config.network().hiddenLayers();
        int[] hidden = new int[hiddenLayers];
        int remaining = 0;
        int initialHidden = 0;
        double gibbsPrevious = 0;
        double gibbsNext = 0;
        for (int j = 0; j < hiddenLayers; j++) {
            hidden[j] = net.spec().size(j + 1);
            remaining += hidden[j];
            initialHidden += config.network().size(j + 1);
            if (!layers.isEmpty()) {
                gibbsPrevious += layers.get(j).gibbsPrevious() / hiddenLayers;
                gibbsNext += layers.get(j).gibbsNext() / hiddenLayers;
            }
        }
        if (layers.isEmpty()) {
            gibbsPrevious = Double.NaN;
            gibbsNext = Double.NaN;
        }
        return new CycleRecord(strategy, seed, cycle, hidden, 1 - (double) remaining / initialHidden,
                config.has(NotebookBehaviour.MEAN_OF_BATCH_ACCURACIES) ? evaluation.meanBatchAccuracy()
                        : evaluation.accuracy(),
                training.lossSum() / training.batches(), gibbsPrevious, gibbsNext, List.copyOf(layers),
                (System.nanoTime() - startNanos) * 1e-9, training.flops(), net.size(), evaluation.loss(),
                testSeconds);
    }

    /** Every hidden layer compressed to its kept count, front to back. */
    static List<CycleRecord.Layer> compressAll(EngineConfig config, Mlp net, Adam adam, PruningStrategy strategy,
                                               long seed, int cycle, int[] kept, Calibration calibration) {
        EntropyHistogram entropy = config.entropy();
        double[] edges = Statistics.arange(entropy.low(), entropy.high(), entropy.binWidth());
        List<CycleRecord.Layer> layers = new ArrayList<>();
        for (int j = 0; j < kept.length; j++) {
            layers.add(compress(config, net, adam, strategy, edges, seed, cycle, j, kept[j], calibration));
        }
        return layers;
    }

    /** Refuses data the configuration's network cannot take: other input sizes, labels beyond its outputs. */
    public static void checkInputs(EngineConfig config, TrainTest data) {
        if (data.train().features() != config.network().inputs()) {
            throw new IllegalArgumentException("the network takes " + config.network().inputs() + " inputs, the data has "
                    + data.train().features() + " per sample");
        }
        int largest = Math.max(data.train().largestLabel(), data.test().largestLabel());
        if (largest >= config.network().outputs()) {
            throw new IllegalArgumentException("the network has " + config.network().outputs()
                    + " outputs, but the data has labels up to " + largest + ": it needs at least " + (largest + 1));
        }
    }

    static int capacity(EngineConfig config) {
        return Math.max(config.training().batchSize(), config.training().evalBatchSize());
    }

    private static boolean freshOptimizer(EngineConfig config) {
        return config.has(NotebookBehaviour.FRESH_OPTIMIZER_EACH_CYCLE);
    }

    static Batches newBatches(EngineConfig config, TrainTest data, long seed) {
        return new Batches(data.train(), config.training().batchSize(),
                config.training().shuffle() ? BatchOrder.SHUFFLED : BatchOrder.SEQUENTIAL, seed);
    }

    static Adam newAdam(EngineConfig config, Mlp net) {
        return new Adam(net.layout().size(), config.training().learningRate(), Adam.DEFAULT_BETA1,
                Adam.DEFAULT_BETA2, Adam.DEFAULT_EPS, 0, false);
    }

    /** Rays, measurement, the strategy's choice and the surgery of hidden layer j. */
    private static CycleRecord.Layer compress(EngineConfig config, Mlp net, Adam adam, PruningStrategy strategy,
                                              double[] edges, long seed, int cycle, int j, int kept,
                                              Calibration calibration) {
        int m = net.spec().size(j + 1);
        float[] in = new float[m];
        float[] out = new float[m];
        net.incomingSums(j, in);
        net.outgoingSums(j, out);
        double[] incoming = widen(in);
        double[] outgoing = widen(out);
        long callSeed = config.has(NotebookBehaviour.REUSE_SEEDS) ? seed : derivedSeed(seed, cycle, j);
        Measurement measurement = Measurement.gaussianRows(config.measurementCount(m), m, callSeed,
                config.sensing().basis());
        double[] yIn = measurement.measure(incoming);
        double[] yOut = measurement.measure(outgoing);
        LayerWeights weights = new LayerWeights(net.incomingWeights(j), net.spec().size(j), net.outgoingWeights(j),
                net.spec().size(j + 2), net.hiddenNormScale(j));
        LayerDecision decision = strategy.decide(new LayerInput(j, cycle, kept, incoming, outgoing, measurement, yIn,
                yOut, weights, calibration.layer(j), config, callSeed));
        net.keepUnits(j, decision.keep(), adam, freshOptimizer(config));
        long[] countsIn = Statistics.histogram(yIn, edges);
        long[] countsOut = Statistics.histogram(yOut, edges);
        return new CycleRecord.Layer(m, yIn, yOut,
                Statistics.gibbsEntropy(countsIn, config.entropy().basePrevious()),
                Statistics.gibbsEntropy(countsOut, config.entropy().baseNext()),
                yIn.length - (int) sum(countsIn), yOut.length - (int) sum(countsOut),
                decision.scores(), decision.solverStatus(), decision.solverIterations(), decision.solverSeconds());
    }

    private static long sum(long[] counts) {
        long s = 0;
        for (long c : counts) {
            s += c;
        }
        return s;
    }

    /** A seed in 0 .. 2^32 - 1 of its own for each (seed, cycle, layer), by SplitMix64's mixing. */
    static long derivedSeed(long seed, int cycle, int layer) {
        long z = seed * 0x9E3779B97F4A7C15L + cycle * 0xBF58476D1CE4E5B9L + layer * 0x94D049BB133111EBL;
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return (z ^ (z >>> 31)) & 0xffffffffL;
    }

    private static double[] widen(float[] v) {
        double[] d = new double[v.length];
        for (int i = 0; i < v.length; i++) {
            d[i] = v[i];
        }
        return d;
    }
}
