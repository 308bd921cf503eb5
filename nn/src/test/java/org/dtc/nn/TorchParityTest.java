package org.dtc.nn;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The engine against PyTorch 1.13 (src-test-data/torch, written by generate.py there): 6-5-4-3
 * networks with batch norm after each hidden layer (no biases) and with batch norm on the input
 * (with biases); the same initial parameters and batches; three Adam steps (lr 1e-2): loss, every
 * gradient, parameters and running statistics after each step, evaluation-mode logits at the end.
 */
class TorchParityTest {
    private static Map<String, double[]> fixture(String name) throws IOException {
        Map<String, double[]> values = new HashMap<>();
        for (String line : Files.readAllLines(Path.of("../src-test-data/torch/" + name))) {
            if (line.startsWith("#")) {
                continue;
            }
            String[] f = line.split(" ");
            double[] v = new double[f.length - 1];
            for (int i = 0; i < v.length; i++) {
                v[i] = Double.parseDouble(f[i + 1]);
            }
            values.put(f[0], v);
        }
        return values;
    }

    /**
     * Relative 1e-5, with an absolute floor of 1e-6 for values near zero: float sums of eight
     * terms of order one differ by a few 1e-7 between two summation orders.
     */
    private static void assertMatches(String what, float[] actual, double[] expected) {
        assertThat(actual).as(what + " length").hasSize(expected.length);
        for (int i = 0; i < expected.length; i++) {
            double diff = Math.abs(actual[i] - expected[i]);
            if (!(diff <= 1e-5 * Math.abs(expected[i]) + 1e-6)) {
                throw new AssertionError(what + "[" + i + "] = " + actual[i] + ", PyTorch " + expected[i]);
            }
        }
    }

    private static float[] floats(double[] v) {
        float[] f = new float[v.length];
        for (int i = 0; i < v.length; i++) {
            f[i] = (float) v[i];
        }
        return f;
    }

    @Test
    void hiddenBatchNormNetworkMatchesPyTorch() throws IOException {
        check(fixture("hidden-norm.txt"), NetworkSpec.parse("6-5-4-3").withHiddenNorm(true), 2);
    }

    @Test
    void inputBatchNormNetworkMatchesPyTorch() throws IOException {
        check(fixture("input-norm.txt"), NetworkSpec.parse("6-5-4-3").withBias(true).withInputNorm(true), 1);
    }

    private static void check(Map<String, double[]> t, NetworkSpec spec, int norms) {
        Mlp net = new Mlp(spec, 8);
        assertThat(net.layout().size()).isEqualTo(t.get("params0").length);
        System.arraycopy(floats(t.get("params0")), 0, net.parameters(), 0, net.layout().size());
        Adam adam = new Adam(net.layout().size(), 1e-2, 0.9, 0.999, 1e-8, 0, false);
        for (int step = 1; step <= 3; step++) {
            float[] x = floats(t.get("x" + step));
            double[] y = t.get("y" + step);
            int[] labels = new int[y.length];
            for (int i = 0; i < y.length; i++) {
                labels[i] = (int) y[i];
            }
            double loss = net.trainStep(x, 0, labels, 0, 8, adam, step);
            assertThat(Math.abs(loss - t.get("loss" + step)[0])).as("loss %d", step)
                    .isLessThanOrEqualTo(1e-5 * t.get("loss" + step)[0]);
            assertMatches("gradients " + step, net.gradients(), t.get("grads" + step));
            assertMatches("parameters " + step, net.parameters(), t.get("params" + step));
            int[] index = spec.inputNorm() ? new int[] {0} : new int[] {1, 2};
            assertThat(index).hasSize(norms);
            for (int bn = 0; bn < norms; bn++) {
                String suffix = step + "_" + bn;
                assertMatches("running mean " + suffix, net.runningMean(index[bn]), t.get("running_mean" + suffix));
                assertMatches("running var " + suffix, net.runningVar(index[bn]), t.get("running_var" + suffix));
            }
        }
        net.forward(floats(t.get("eval_x")), 0, 8, false);
        assertMatches("evaluation logits", java.util.Arrays.copyOf(net.logits(), 24), t.get("eval_logits"));
    }
}
