package org.dtc.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.dtc.cs.SolverStatus;
import org.dtc.data.TrainTest;
import org.dtc.fixtures.Blobs;
import org.dtc.nn.NetworkSpec;
import org.junit.jupiter.api.Test;

/** Whole runs on small synthetic data: three Gaussian blobs in 20 dimensions ({@link Blobs}). */
class ExperimentTest {
    private static EngineConfig small(EngineConfig base, String network) {
        return base.withNetwork(NetworkSpec.parse(network)).withSchedule(10, 32, 6)
                .withTraining(t -> t.withEvalBatchSize(64));
    }

    @Test
    void everyStrategyRunsCyclesThatShrinkTheLayer() {
        for (String name : PruningStrategy.NAMES) {
            List<CycleRecord> seen = new ArrayList<>();
            EngineConfig config = small(EngineConfig.reference(), "20-32-3");
            if (name.equals("bn-scale")) { // it ranks by the batch-norm scale, so it needs one
                config = config.withNetwork(config.network().withHiddenNorm(true));
            }
            List<CycleRecord> records = Experiment.run(RunRequest.of(config, Blobs.data(), PruningStrategy.named(name),
                    42424242).withListener(seen::add)).records();
            assertThat(seen).isEqualTo(records);
            assertThat(records).extracting(CycleRecord::hiddenText).as(name)
                    .containsExactly("28", "25", "22", "19", "17", "15");
            // Three well separated blobs: after 60 batches the pruned network has learnt them.
            assertThat(records.get(records.size() - 1).accuracy()).as(name + " final accuracy").isGreaterThan(0.85);
            assertThat(records.get(records.size() - 1).loss()).as(name).isLessThan(records.get(0).loss());
            for (CycleRecord r : records) {
                assertThat(r.strategy()).isEqualTo(name);
                // Three classes: every pruned network, even after the first 10 batches, beats guessing.
                assertThat(r.accuracy()).as(name + " cycle " + r.cycle()).isGreaterThan(1.0 / 3);
                assertThat(r.sparsity()).isEqualTo(1 - r.hidden()[0] / 32.0);
                // Only DTC runs a solver; the others say so instead of claiming a solve.
                assertThat(r.solverStatus()).as(name).isEqualTo(name.equals("dtc") ? SolverStatus.SOLVED : null);
                assertThat(r.layers()).hasSize(1);
                assertThat(r.layers().get(0).measuredIncoming())
                        .hasSize(EngineConfig.reference().measurementCount(r.layers().get(0).width()));
                // 10 batches of 32 through 20-w-3 (w before the prune): the first layer forward and
                // its weight gradient (4 flops a multiply-add), the second with its input gradient too (6).
                int w = r.layers().get(0).width();
                assertThat(r.trainingFlops()).isEqualTo(10 * 32 * (4.0 * 20 * w + 6.0 * w * 3));
            }
        }
    }

    @Test
    void runsAreDeterministic() {
        for (EngineConfig preset : List.of(EngineConfig.reference(), EngineConfig.paper())) {
            EngineConfig config = small(preset, "20-24-12-3");
            if (preset.network().inputNorm()) {
                config = config.withNetwork(config.network().withInputNorm(true));
            }
            for (String name : List.of("dtc", "random")) {
                RunRequest request = RunRequest.of(config, Blobs.data(), PruningStrategy.named(name), 7);
                List<CycleRecord> a = Experiment.run(request).records();
                List<CycleRecord> b = Experiment.run(request).records();
                assertThat(a).hasSameSizeAs(b);
                for (int i = 0; i < a.size(); i++) {
                    assertThat(a.get(i).accuracy()).isEqualTo(b.get(i).accuracy());
                    assertThat(a.get(i).loss()).isEqualTo(b.get(i).loss());
                    assertThat(a.get(i).hidden()).isEqualTo(b.get(i).hidden());
                    assertThat(a.get(i).gibbsNext()).isEqualTo(b.get(i).gibbsNext());
                    // The scores too, to the bit: the first run is partly interpreted, the second
                    // compiled, and no kernel may let that show (see VectorKernels.sumLanes).
                    for (int j = 0; j < a.get(i).layers().size(); j++) {
                        assertThat(a.get(i).layers().get(j).scores()).isEqualTo(b.get(i).layers().get(j).scores());
                        assertThat(a.get(i).layers().get(j).measuredOutgoing())
                                .isEqualTo(b.get(i).layers().get(j).measuredOutgoing());
                    }
                }
            }
        }
    }

    @Test
    void aFirstCycleTrainedOnceStartsARunOfItsOwnSeedOnly() {
        // Both presets: the paper's carries Adam's moments and the shuffled batches on.
        for (EngineConfig preset : List.of(EngineConfig.reference(), EngineConfig.paper())) {
            EngineConfig config = small(preset, "20-24-3");
            Experiment.FirstTraining first = Experiment.trainFirstCycle(config, Blobs.data(), 7);
            RunRequest request = RunRequest.of(config, Blobs.data(), new DtcStrategy(), 7);
            List<CycleRecord> own = Experiment.run(request).records();
            List<CycleRecord> shared = Experiment.run(request.startingFrom(first)).records();
            assertThat(shared).hasSameSizeAs(own);
            for (int i = 0; i < own.size(); i++) {
                assertThat(shared.get(i).loss()).isEqualTo(own.get(i).loss());
                assertThat(shared.get(i).accuracy()).isEqualTo(own.get(i).accuracy());
                assertThat(shared.get(i).layers().get(0).measuredIncoming())
                        .isEqualTo(own.get(i).layers().get(0).measuredIncoming());
            }
            assertThat(shared.get(0).seconds()).isGreaterThanOrEqualTo(first.seconds());
            assertThatThrownBy(() -> Experiment.run(RunRequest.of(config, Blobs.data(), new DtcStrategy(), 8)
                    .startingFrom(first))).isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("first cycle of seed 7");
            assertThatThrownBy(() -> Experiment.run(RunRequest.of(config.withSchedule(4, 32, 3), Blobs.data(),
                    new DtcStrategy(), 7).startingFrom(first))).isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("other settings");
        }
    }

    @Test
    void deepNetworksCompressEveryHiddenLayerFrontToBack() {
        List<CycleRecord> records = Experiment.run(RunRequest.of(small(EngineConfig.reference(), "20-32-16-3"),
                Blobs.data(), new DtcStrategy(), 3)).records();
        CycleRecord first = records.get(0);
        assertThat(first.hidden()).containsExactly(28, 14);
        assertThat(first.layers()).extracting(CycleRecord.Layer::width).containsExactly(32, 16);
        assertThat(first.gibbsNext()).isEqualTo((first.layers().get(0).gibbsNext() + first.layers().get(1).gibbsNext()) / 2);
        // The second layer stops the run first: 16, 14, 12, 10.
        assertThat(records).hasSize(3);
    }

    @Test
    void aNetworkThatDoesNotFitTheDataIsRefusedBeforeTraining() {
        // The blobs have 20 inputs and labels 0..2.
        assertThatThrownBy(() -> Experiment.run(RunRequest.of(small(EngineConfig.reference(), "784-32-3"), Blobs.data(),
                new DtcStrategy(), 3))).hasMessage("the network takes 784 inputs, the data has 20 per sample");
        assertThatThrownBy(() -> Experiment.run(RunRequest.of(small(EngineConfig.reference(), "20-32-2"), Blobs.data(),
                new DtcStrategy(), 3)))
                .hasMessage("the network has 2 outputs, but the data has labels up to 2: it needs at least 3");
        // More outputs than classes only leaves some unused, as in PyTorch.
        assertThat(Experiment.run(RunRequest.of(small(EngineConfig.reference(), "20-32-4"), Blobs.data(),
                new DtcStrategy(), 3)).records()).isNotEmpty();
    }

    @Test
    void randomPicksFollowNumpysChoiceAndPermuteTheUnits() {
        LayerInput input = new LayerInput(0, 0, 460, new double[512], new double[512], null, null, null, null,
                null, EngineConfig.reference(), 42424242);
        int[] keep = new RandomStrategy().decide(input).keep();
        assertThat(keep).hasSize(460).startsWith(479, 36, 358, 309, 227, 66);
    }

    @Test
    void measurementsOutsideTheEntropyHistogramAreCounted() {
        // A histogram 0.002 wide: nearly every measurement falls outside it.
        EngineConfig base = small(EngineConfig.reference(), "20-32-3");
        EngineConfig narrow = new EngineConfig(base.network(), base.training(), base.sensing(), base.pruning(),
                base.notebook(), new EntropyHistogram(-0.001, 0.001, 0.0005, 2, Math.E));
        for (CycleRecord r : Experiment.run(RunRequest.of(narrow, Blobs.data(), new DtcStrategy(), 3)).records()) {
            CycleRecord.Layer layer = r.layers().get(0);
            int outside = 0;
            for (double[] y : List.of(layer.measuredIncoming(), layer.measuredOutgoing())) {
                for (double v : y) {
                    // numpy's arange(-0.001, 0.001, 0.0005) ends at 0.0005: the last bin is [0, 0.0005]
                    outside += v < -0.001 || v > 0.0005 ? 1 : 0;
                }
            }
            assertThat(r.entropyOutOfRange()).as("cycle " + r.cycle()).isEqualTo(outside).isPositive();
            if (layer.outsideNext() == layer.measuredOutgoing().length) {
                assertThat(r.gibbsNext()).isNaN();
            }
        }
    }
}
