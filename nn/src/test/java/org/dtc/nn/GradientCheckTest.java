package org.dtc.nn;

import static org.assertj.core.api.Assertions.assertThat;

import org.dtc.core.RandomStream;
import org.junit.jupiter.api.Test;

/**
 * The engine's hand-written gradients against central finite differences of an independent
 * double-precision forward pass ({@link ReferenceMlp}), for each kind of layer on its own and
 * for whole networks with and without batch norm.
 */
class GradientCheckTest {
    private static final int BATCH = 7;

    @Test
    void linearLayerAlone() {
        check(NetworkSpec.parse("5-3"));
    }

    @Test
    void linearLayerWithBias() {
        check(NetworkSpec.parse("5-3").withBias(true));
    }

    @Test
    void reluBetweenLinearLayers() {
        check(NetworkSpec.parse("5-6-3").withBias(true));
    }

    @Test
    void hiddenBatchNorm() {
        check(NetworkSpec.parse("5-6-3").withHiddenNorm(true));
    }

    @Test
    void hiddenBatchNormWithoutScaleAndShift() {
        check(NetworkSpec.parse("5-6-3").withHiddenNorm(true).withAffine(false));
    }

    @Test
    void inputBatchNorm() {
        check(NetworkSpec.parse("5-6-3").withBias(true).withInputNorm(true));
    }

    @Test
    void batchAxisLogSoftmaxOfThePapersCode() {
        check(NetworkSpec.parse("5-6-4"), true);
    }

    @Test
    void deepNetworkWithoutBatchNorm() {
        check(NetworkSpec.parse("6-7-5-4-3").withBias(true));
    }

    @Test
    void deepNetworkWithBatchNormEverywhere() {
        check(NetworkSpec.parse("6-7-5-4-3").withInputNorm(true).withHiddenNorm(true));
    }

    /**
     * Central differences with step h in double have error O(h^2) (about 1e-8 here) plus
     * rounding 1e-16 / h; the engine computes in float, within about 1e-6 of the true gradient
     * for these sizes. Each entry must agree within 1e-4 of the largest gradient: a wrong
     * formula is off by the size of the gradient itself.
     */
    private static void check(NetworkSpec spec) {
        check(spec, false);
    }

    private static void check(NetworkSpec spec, boolean batchAxis) {
        Mlp net = new Mlp(spec, BATCH);
        net.setBatchAxisLogSoftmax(batchAxis);
        net.initialize(Init.XAVIER_NORMAL, 1.0, 11);
        RandomStream random = new RandomStream(12);
        float[] p = net.parameters();
        // Scale and shift away from 1 and 0 so that their gradients are general.
        ParameterLayout layout = net.layout();
        for (int l = 0; l < spec.layers(); l++) {
            if (layout.gamma()[l] >= 0) {
                random.fillUniform(p, layout.gamma()[l], spec.size(l + 1), 0.5, 1.5);
                random.fillUniform(p, layout.beta()[l], spec.size(l + 1), -0.5, 0.5);
            }
        }
        if (layout.inputGamma() >= 0) {
            random.fillUniform(p, layout.inputGamma(), spec.inputs(), 0.5, 1.5);
            random.fillUniform(p, layout.inputBeta(), spec.inputs(), -0.5, 0.5);
        }
        float[] x = new float[BATCH * spec.inputs()];
        random.fillNormal(x, 0, x.length, 0.3, 1.5);
        int[] labels = new int[BATCH];
        for (int i = 0; i < BATCH; i++) {
            labels[i] = (int) random.nextLong(spec.outputs());
        }
        net.forwardBackward(x, 0, labels, 0, BATCH);
        float[] analytic = net.gradients().clone();

        double[] pd = new double[p.length];
        for (int i = 0; i < p.length; i++) {
            pd[i] = p[i];
        }
        double[] xd = new double[x.length];
        for (int i = 0; i < x.length; i++) {
            xd[i] = x[i];
        }
        double engineLoss = net.forwardBackward(x, 0, labels, 0, BATCH);
        double referenceLoss = ReferenceMlp.loss(spec, layout, pd, xd, labels, BATCH, batchAxis);
        assertThat(Math.abs(engineLoss - referenceLoss)).as(spec + " loss").isLessThan(1e-5 * referenceLoss);

        double h = 1e-4;
        double largest = 0;
        double[] numeric = new double[p.length];
        for (int i = 0; i < p.length; i++) {
            double saved = pd[i];
            pd[i] = saved + h;
            double up = ReferenceMlp.loss(spec, layout, pd, xd, labels, BATCH, batchAxis);
            pd[i] = saved - h;
            double down = ReferenceMlp.loss(spec, layout, pd, xd, labels, BATCH, batchAxis);
            pd[i] = saved;
            numeric[i] = (up - down) / (2 * h);
            largest = Math.max(largest, Math.abs(numeric[i]));
        }
        assertThat(largest).as(spec + " has gradients to check").isGreaterThan(1e-3);
        for (int i = 0; i < p.length; i++) {
            if (Math.abs(analytic[i] - numeric[i]) > 1e-4 * largest) {
                throw new AssertionError(spec + ": gradient of parameter " + i + " is " + analytic[i]
                        + ", finite differences say " + numeric[i]);
            }
        }
    }
}
