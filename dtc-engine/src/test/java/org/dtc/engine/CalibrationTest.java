package org.dtc.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.Arrays;
import java.util.List;
import org.dtc.fixtures.Fixture;
import org.dtc.nn.Mlp;
import org.dtc.nn.NetworkSpec;
import org.dtc.nn.ParameterLayout;
import org.junit.jupiter.api.Test;

/**
 * The statistics the taylor, apoz and activation criteria score from, against PyTorch's autograd
 * on the same weights and batches (src-test-data/criteria/calibration.py), with and without
 * batch norm after the hidden layer.
 */
class CalibrationTest {
    private final Fixture fixture;

    CalibrationTest() throws IOException {
        fixture = Fixture.read("criteria/calibration.txt");
    }


    private void put(float[] params, int offset, String key) {
        double[] d = fixture.doubles(key);
        for (int i = 0; i < d.length; i++) {
            params[offset + i] = (float) d[i];
        }
    }

    @Test
    void taylorApozAndActivationAreTorchsOverTheObservedBatches() {
        for (String c : List.of("plain", "norm")) {
            boolean norm = c.equals("norm");
            Mlp net = new Mlp(NetworkSpec.parse("7-12-5").withHiddenNorm(norm), 8);
            ParameterLayout layout = net.layout();
            put(net.parameters(), layout.weight()[0], "w1 " + c);
            put(net.parameters(), layout.weight()[1], "w2 " + c);
            if (norm) {
                put(net.parameters(), layout.gamma()[0], "gamma " + c);
                put(net.parameters(), layout.beta()[0], "beta " + c);
            }
            Calibration calibration = new Calibration(net.spec());
            for (int b = 0; b < 3; b++) {
                double[] xd = fixture.doubles("x " + c + "-" + b);
                float[] x = new float[xd.length];
                for (int i = 0; i < x.length; i++) {
                    x[i] = (float) xd[i];
                }
                int[] y = Arrays.stream(fixture.words("y " + c + "-" + b)).mapToInt(Integer::parseInt).toArray();
                net.forwardBackward(x, 0, y, 0, 8);
                calibration.afterBackward(net, 8);
            }
            Calibration.LayerStats stats = calibration.layer(0);
            assertThat(stats.batches()).isEqualTo(3);
            double[] taylor = fixture.doubles("taylor " + c);
            double[] apoz = fixture.doubles("apoz " + c);
            double[] activation = fixture.doubles("activation " + c);
            for (int u = 0; u < 12; u++) {
                // float32 gradients summed in another order than torch's: 1e-5 of the largest score
                // (TorchParityTest's bound on the gradients themselves), squared for taylor.
                assertThat(stats.taylor()[u]).as("%s taylor %d", c, u)
                        .isCloseTo(taylor[u], org.assertj.core.api.Assertions.within(2e-5 * max(taylor)));
                assertThat(stats.apoz()[u]).as("%s apoz %d", c, u).isEqualTo(apoz[u]);
                assertThat(stats.meanActivation()[u]).as("%s activation %d", c, u)
                        .isCloseTo(activation[u], org.assertj.core.api.Assertions.within(1e-5 * max(activation)));
            }
        }
    }

    private static double max(double[] v) {
        return Arrays.stream(v).max().orElseThrow();
    }
}
