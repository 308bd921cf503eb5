package org.dtc.nn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.dtc.core.ColumnPanels;
import org.dtc.core.Gemm;
import org.dtc.core.RandomStream;
import org.junit.jupiter.api.Test;

class MlpTest {
    private static final NetworkSpec SPEC = NetworkSpec.parse("8-12-7-4").withBias(true).withHiddenNorm(true);

    private static Mlp trained(NetworkSpec spec, long seed) {
        Mlp net = new Mlp(spec, 16);
        net.initialize(Init.XAVIER_NORMAL, 1.0, seed);
        Adam adam = new Adam(net.layout().size());
        RandomStream random = new RandomStream(seed + 1);
        float[] x = new float[16 * spec.inputs()];
        int[] y = new int[16];
        for (int step = 0; step < 5; step++) {
            random.fillNormal(x, 0, x.length, 0, 1);
            for (int i = 0; i < 16; i++) {
                y[i] = (int) random.nextLong(spec.outputs());
            }
            net.trainStep(x, 0, y, 0, 16, adam, step);
        }
        return net;
    }

    private static float[] inputs(NetworkSpec spec, int count, long seed) {
        float[] x = new float[count * spec.inputs()];
        new RandomStream(seed).fillNormal(x, 0, x.length, 0, 1);
        return x;
    }

    @Test
    void specsParseAndNameThemselves() {
        NetworkSpec spec = NetworkSpec.parse("784-512-256-10");
        assertThat(spec.sizes()).containsExactly(784, 512, 256, 10);
        assertThat(spec.hiddenLayers()).isEqualTo(2);
        assertThat(spec.toString()).isEqualTo("784-512-256-10");
        assertThatThrownBy(() -> NetworkSpec.parse("784-x-10")).hasMessageContaining("such as 784-512-10");
        assertThatThrownBy(() -> NetworkSpec.parse("784")).hasMessageContaining("at least an input and an output");
        assertThat(new Mlp(NetworkSpec.parse("784-512-10"), 1).multiplyAddsPerSample()).isEqualTo(784 * 512 + 512 * 10);
    }

    /**
     * The inputs given also as column panels change no bit of a training run: the weight gradient
     * multiplies by them instead of packing x (ColumnPanelsTest checks that multiply itself).
     */
    @Test
    void trainingWithTheInputsAsPanelsGivesTheSameBits() {
        for (NetworkSpec spec : List.of(NetworkSpec.parse("784-37-10"), SPEC)) {
            int batch = 100;
            Mlp plain = new Mlp(spec, batch);
            Mlp withPanels = new Mlp(spec, batch);
            plain.initialize(Init.XAVIER_NORMAL, 1.0, 3);
            withPanels.initialize(Init.XAVIER_NORMAL, 1.0, 3);
            Adam adamPlain = new Adam(plain.layout().size());
            Adam adamPanels = new Adam(withPanels.layout().size());
            RandomStream random = new RandomStream(4);
            float[] x = new float[2 + batch * spec.inputs()];
            float[] panels = new float[1 + Math.toIntExact(ColumnPanels.size(batch, spec.inputs()))];
            int[] y = new int[batch];
            for (int step = 0; step < 4; step++) {
                random.fillNormal(x, 0, x.length, 0, 1);
                for (int i = 0; i < batch; i++) {
                    y[i] = (int) random.nextLong(spec.outputs());
                }
                ColumnPanels.pack(x, 2, spec.inputs(), batch, spec.inputs(), panels, 1);
                double lossPlain = plain.trainStep(x, 2, y, 0, batch, adamPlain, step);
                double lossPanels = withPanels.trainStep(x, 2, panels, 1, y, 0, batch, adamPanels, step, null);
                assertThat(lossPanels).isEqualTo(lossPlain);
                assertThat(withPanels.parameters()).as("%s, step %d", spec, step).isEqualTo(plain.parameters());
            }
        }
    }

    @Test
    void prunedOutputsEqualTheMaskedOriginal() {
        Mlp net = trained(SPEC, 3);
        int[] remove = {0, 5, 11, 6};
        float[] x = inputs(SPEC, 9, 4);

        // The original with the units' outputs masked: their outgoing weights zeroed.
        Mlp masked = trained(SPEC, 3);
        ParameterLayout layout = masked.layout();
        for (int u : remove) {
            for (int k = 0; k < 7; k++) {
                masked.parameters()[layout.weight()[1] + k * 12 + u] = 0f;
            }
        }
        masked.forward(x, 0, 9, false);
        float[] expected = masked.logits().clone();

        long before = net.multiplyAddsPerSample();
        net.removeUnits(0, remove, new Adam(net.layout().size()), true);
        assertThat(net.spec().sizes()).containsExactly(8, 8, 7, 4);
        assertThat(net.multiplyAddsPerSample()).isEqualTo(before - 4 * 8 - 4 * 7);
        net.forward(x, 0, 9, false);
        for (int i = 0; i < 9 * 4; i++) {
            // Same terms, another grouping of the sums: float rounding of 12-term sums.
            assertThat(Math.abs(net.logits()[i] - expected[i])).as("logit %d", i).isLessThan(1e-5f);
        }
    }

    @Test
    void keptUnitsMayBeReordered() {
        Mlp net = trained(SPEC, 5);
        float[] x = inputs(SPEC, 4, 6);
        net.forward(x, 0, 4, false);
        float[] before = net.logits().clone();
        int[] permutation = {11, 3, 7, 0, 1, 2, 4, 5, 6, 8, 9, 10};
        float outgoing = net.outgoing(0, 11, 2);
        net.keepUnits(0, permutation, new Sgd(0.1), false);
        assertThat(net.outgoing(0, 0, 2)).isEqualTo(outgoing);
        net.forward(x, 0, 4, false);
        for (int i = 0; i < 16; i++) {
            assertThat(Math.abs(net.logits()[i] - before[i])).isLessThan(1e-5f);
        }
    }

    @Test
    void adamCarriesItsMomentsOverToTheKeptParameters() {
        int size = 50;
        Adam whole = new Adam(size, 1e-2, 0.9, 0.999, 1e-8, 0, false);
        Adam pruned = new Adam(size, 1e-2, 0.9, 0.999, 1e-8, 0, false);
        float[] p1 = new float[size];
        float[] p2 = new float[size];
        RandomStream random = new RandomStream(8);
        random.fillNormal(p1, 0, size, 0, 1);
        System.arraycopy(p1, 0, p2, 0, size);
        float[] g = new float[size];
        for (int s = 0; s < 4; s++) {
            random.fillNormal(g, 0, size, 0, 1);
            whole.step(p1, g, size);
            pruned.step(p2, g, size);
        }
        int[] keep = {3, 7, 8, 20, 41, 0};
        pruned.remap(keep);
        float[] kept = new float[keep.length];
        float[] keptGrad = new float[keep.length];
        for (int i = 0; i < keep.length; i++) {
            kept[i] = p2[keep[i]];
        }
        for (int s = 0; s < 3; s++) {
            random.fillNormal(g, 0, size, 0, 1);
            for (int i = 0; i < keep.length; i++) {
                keptGrad[i] = g[keep[i]];
            }
            whole.step(p1, g, size);
            pruned.step(kept, keptGrad, keep.length);
            for (int i = 0; i < keep.length; i++) {
                assertThat(kept[i]).as("kept parameter %d after step %d", i, s).isEqualTo(p1[keep[i]]);
            }
        }
    }

    @Test
    void surgeryOnTheNetworkRemapsItsOptimizer() {
        Mlp net = trained(SPEC, 9);
        Adam adam = new Adam(net.layout().size());
        float[] x = inputs(SPEC, 16, 10);
        int[] y = new int[16];
        net.trainStep(x, 0, y, 0, 16, adam, 0);
        net.removeUnits(1, new int[] {2, 4}, adam, false);
        assertThat(net.spec().sizes()).containsExactly(8, 12, 5, 4);
        assertThat(net.runningMean(2)).hasSize(5);
        net.trainStep(x, 0, y, 0, 16, adam, 1); // moments now fit the smaller network
        assertThat(adam.steps()).isEqualTo(2);
        net.removeUnits(1, new int[] {0}, adam, true);
        assertThat(adam.steps()).isZero();
        net.trainStep(x, 0, y, 0, 16, adam, 2);
    }

    @Test
    void surgeryRefusesToEmptyALayerOrToTouchOthers() {
        Mlp net = trained(SPEC, 11);
        Adam adam = new Adam(net.layout().size());
        assertThatThrownBy(() -> net.keepUnits(1, new int[0], adam, false))
                .hasMessage("cannot remove every unit of hidden layer 1 (7 units)");
        assertThatThrownBy(() -> net.removeUnits(1, new int[] {0, 1, 2, 3, 4, 5, 6}, adam, false))
                .hasMessage("cannot remove every unit of hidden layer 1 (7 units)");
        assertThatThrownBy(() -> net.removeUnits(2, new int[] {0}, adam, false))
                .hasMessageContaining("hidden layer 2 does not exist");
        assertThatThrownBy(() -> net.keepUnits(0, new int[] {1, 1}, adam, false))
                .hasMessageContaining("distinct");
    }

    @Test
    void weightSumsAreRowAndColumnSums() {
        Mlp net = trained(SPEC, 13);
        float[] in = new float[12];
        float[] out = new float[12];
        net.incomingSums(0, in);
        net.outgoingSums(0, out);
        for (int u = 0; u < 12; u++) {
            double rowSum = 0;
            for (int k = 0; k < 8; k++) {
                rowSum += net.parameters()[net.incomingOffset(0, u) + k];
            }
            double colSum = 0;
            for (int k = 0; k < 7; k++) {
                colSum += net.outgoing(0, u, k);
            }
            assertThat(Math.abs(in[u] - rowSum)).isLessThan(1e-5);
            assertThat(Math.abs(out[u] - colSum)).isLessThan(1e-5);
        }
    }

    @Test
    void evaluationLeavesTrainingStateAlone() {
        Mlp net = trained(SPEC, 15);
        float[] mean = net.runningMean(1).clone();
        float[] grads = net.gradients().clone();
        float[] x = inputs(SPEC, 37, 16);
        int[] y = new int[37];
        for (int i = 0; i < 37; i++) {
            y[i] = i % 4;
        }
        Evaluation e = net.evaluate(x, y, 37, 16);
        assertThat(net.runningMean(1)).isEqualTo(mean);
        assertThat(net.gradients()).isEqualTo(grads);
        assertThat(e.samples()).isEqualTo(37);
        // Batches of 16, 16 and 5: the per-batch mean weighs the last batch as much as the others.
        int hits = 0;
        double batchMean = 0;
        for (int start = 0; start < 37; start += 16) {
            int size = Math.min(16, 37 - start);
            net.forward(x, start * 8, size, false);
            int h = 0;
            for (int i = 0; i < size; i++) {
                h += SoftmaxCrossEntropy.argmax(net.logits(), i * 4, 4) == y[start + i] ? 1 : 0;
            }
            hits += h;
            batchMean += (double) h / size / 3;
        }
        assertThat(e.accuracy()).isEqualTo((double) hits / 37);
        assertThat(e.meanBatchAccuracy()).isCloseTo(batchMean, org.assertj.core.api.Assertions.within(1e-12));
    }

    @Test
    void evaluationHandsHiddenRowsToTheOutputLayerWithTheSameBits() {
        // Without batch norm, training and evaluation compute the same logits; evaluation runs the
        // last two layers as one pass (FusedOutput), training one layer after the other.
        NetworkSpec[] specs = {NetworkSpec.parse("784-64-10").withBias(true), NetworkSpec.parse("30-40-17-5")};
        for (NetworkSpec spec : specs) {
            Mlp net = trained(spec, 18);
            for (int threads : new int[] {1, 2}) {
                try (org.dtc.core.Gemm gemm = new org.dtc.core.Gemm(threads);
                     org.dtc.core.Gemm.Binding ignored = org.dtc.core.Gemm.bind(gemm)) {
                    Mlp big = Mlp.restore(net.state(), 500);
                    float[] x = inputs(spec, 500, 19);
                    for (int count : new int[] {1, 7, 500}) { // 500 x 784: several blocks of rows per thread
                        big.forward(x, 0, count, false);
                        float[] evaluated = java.util.Arrays.copyOf(big.logits(), count * spec.outputs());
                        big.forward(x, 0, count, true);
                        assertThat(java.util.Arrays.copyOf(big.logits(), count * spec.outputs()))
                                .as("%s, %d samples, %d threads", spec, count, threads).isEqualTo(evaluated);
                    }
                }
            }
        }
    }

    @Test
    void evaluationThroughTheFusedLayersGivesTheTrainingPathsLossAndAccuracy() {
        // Evaluation runs the last two layers as one pass; the training path's logits (one layer
        // after the other), scored batch by batch, must give the same loss to the bit.
        NetworkSpec spec = NetworkSpec.parse("784-40-10").withBias(true);
        Mlp net = trained(spec, 20);
        int count = 700;
        int batch = 300;
        float[] x = inputs(spec, count, 21);
        int[] y = new int[count];
        for (int i = 0; i < count; i++) {
            y[i] = (i * 7) % 10;
        }
        for (int threads : new int[] {1, 2}) {
            try (org.dtc.core.Gemm gemm = new org.dtc.core.Gemm(threads);
                 org.dtc.core.Gemm.Binding ignored = org.dtc.core.Gemm.bind(gemm)) {
                Mlp big = Mlp.restore(net.state(), batch);
                Evaluation e = big.evaluate(x, y, count, batch);
                SoftmaxCrossEntropy loss = new SoftmaxCrossEntropy(batch, 10);
                float[] logProbs = new float[batch * 10];
                double lossSum = 0;
                int hits = 0;
                for (int start = 0; start < count; start += batch) {
                    int size = Math.min(batch, count - start);
                    big.forward(x, start * 784, size, true);
                    lossSum += size * loss.forward(size, big.logits(), y, start, logProbs);
                    for (int i = 0; i < size; i++) {
                        hits += SoftmaxCrossEntropy.argmax(big.logits(), i * 10, 10) == y[start + i] ? 1 : 0;
                    }
                }
                assertThat(e.loss()).as("%d threads", threads).isEqualTo(lossSum / count);
                assertThat(e.accuracy()).as("%d threads", threads).isEqualTo((double) hits / count);
            }
        }
        y[450] = 10;
        assertThatThrownBy(() -> net.evaluate(x, y, count, 16)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("label 10 of sample 2 is outside 0..9");
    }

    @Test
    void aNonFiniteLossStopsTrainingNamingTheBatch() {
        Mlp net = trained(NetworkSpec.parse("4-3"), 17);
        float[] x = {1, 2, Float.NaN, 4};
        assertThatThrownBy(() -> net.trainStep(x, 0, new int[] {1}, 0, 1, new Sgd(0.1), 42))
                .isInstanceOf(TrainingException.class).hasMessage("loss is NaN at batch 42; training stopped");
    }

    @Test
    void badShapesNameBothSides() {
        Mlp net = new Mlp(NetworkSpec.parse("4-3"), 8);
        assertThatThrownBy(() -> net.forward(new float[10], 0, 3, true))
                .hasMessage("input of 3 x 4 values from offset 0 does not fit in an array of 10 (network 4-3)");
        assertThatThrownBy(() -> net.forward(new float[40], 0, 9, true)).hasMessage("batch of 9 samples, capacity is 1..8");
        assertThatThrownBy(() -> new Adam(5).step(new float[6], new float[6], 6))
                .hasMessage("Adam holds moments for 5 parameters, the network has 6");
    }

    @Test
    void aTrainingStepAllocatesNothingOnceWarm() {
        com.sun.management.ThreadMXBean threads =
                (com.sun.management.ThreadMXBean) java.lang.management.ManagementFactory.getThreadMXBean();
        NetworkSpec spec = NetworkSpec.parse("30-20-10").withHiddenNorm(true).withBias(true);
        Mlp net = new Mlp(spec, 32);
        net.initialize(Init.KAIMING_NORMAL, Init.RELU_GAIN, 1);
        Adam adam = new Adam(net.layout().size());
        float[] x = inputs(spec, 32, 2);
        int[] y = new int[32];
        long allocated = Long.MAX_VALUE;
        for (int step = 0; step < 20_000 && allocated > 0; step++) { // until the JIT has compiled every path
            long before = threads.getCurrentThreadAllocatedBytes();
            net.trainStep(x, 0, y, 0, 32, adam, step);
            allocated = threads.getCurrentThreadAllocatedBytes() - before;
        }
        assertThat(allocated).as("bytes allocated by a warm training step").isZero();
    }

    @Test
    void trainingFlopsCountTheInputGradientOnlyWhereItIsComputed() {
        // 784-512-10: layer 0 forward and weight gradient (4 a multiply-add), layer 1 also its
        // input gradient (6): 4 * 784 * 512 + 6 * 512 * 10.
        assertThat(new Mlp(NetworkSpec.parse("784-512-10"), 1).trainingFlopsPerSample()).isEqualTo(1_636_352L);
        // With a learnable input batch norm the first layer's input gradient is needed too.
        assertThat(new Mlp(NetworkSpec.parse("784-512-10").withInputNorm(true), 1).trainingFlopsPerSample())
                .isEqualTo(6L * (784 * 512 + 512 * 10));
        // Whatever the input norm, the count is the multiplies' own: the two backward multiplies
        // run only where their results are used (Dense.backward with a null spare skips dx).
        assertThat(new Mlp(NetworkSpec.parse("784-512-10").withInputNorm(true).withAffine(false), 1)
                .trainingFlopsPerSample()).isEqualTo(1_636_352L);
    }

    @Test
    void trainingFlopsAreTwiceTheMultiplyAddsTheMultipliesPerform() {
        for (NetworkSpec spec : List.of(NetworkSpec.parse("30-20-10"), NetworkSpec.parse("30-20-12-10").withBias(true),
                NetworkSpec.parse("30-20-10").withInputNorm(true), NetworkSpec.parse("30-20-10").withHiddenNorm(true),
                NetworkSpec.parse("30-20-10").withInputNorm(true).withAffine(false))) {
            Mlp net = new Mlp(spec, 32);
            net.initialize(Init.XAVIER_NORMAL, 1.0, 4);
            Adam adam = new Adam(net.layout().size());
            float[] x = inputs(spec, 32, 5);
            int[] y = new int[32];
            try (Gemm gemm = new Gemm(1); Gemm.Binding bound = Gemm.bind(gemm)) {
                net.trainStep(x, 0, y, 0, 32, adam, 0);
                assertThat(2 * gemm.multiplyAdds()).as(spec.toString()).isEqualTo(32 * net.trainingFlopsPerSample());
            }
        }
    }

    @Test
    void sizeCountsParametersNonZerosAndInferenceFlopsAsShrinkBenchDoes() {
        // 784-512-10 with biases: 784*512 + 512 + 512*10 + 10 parameters; forward 2 flops per
        // multiply-add and one per bias.
        Mlp net = new Mlp(NetworkSpec.parse("784-512-10").withBias(true), 1);
        assertThat(net.size()).isEqualTo(new NetworkSize(407_050, 0, 2L * (784 * 512 + 512 * 10) + 522));
        net.initialize(Init.XAVIER_NORMAL, 1.0, 3);
        net.parameters()[5] = 0f;
        assertThat(net.size().nonzero()).isEqualTo(407_049);
        // With batch norm after the hidden layer: its scale and shift are parameters, 2 flops a feature.
        Mlp normed = new Mlp(NetworkSpec.parse("784-512-10").withHiddenNorm(true), 1);
        assertThat(normed.size().parameters()).isEqualTo(784 * 512 + 512 * 10 + 2 * 512);
        assertThat(normed.size().inferenceFlops()).isEqualTo(2L * (784 * 512 + 512 * 10) + 2 * 512);
        // After removing 51 of the 512 units: ShrinkBench's compression and speedup.
        NetworkSize initial = net.size();
        net.removeUnits(0, java.util.stream.IntStream.range(0, 51).toArray(), new Adam(net.layout().size()), true);
        assertThat(net.size().parameters()).isEqualTo(784 * 461 + 461 + 461 * 10 + 10);
        assertThat(net.size().compressionFrom(initial)).isEqualTo(407_050.0 / (784 * 461 + 461 + 461 * 10 + 10));
        assertThat(net.size().speedupFrom(initial))
                .isEqualTo((double) initial.inferenceFlops() / (2L * (784 * 461 + 461 * 10) + 471));
    }
}
