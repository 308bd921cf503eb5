package org.dtc.engine;

import org.dtc.nn.Mlp;
import org.dtc.nn.NetworkSpec;
import org.dtc.nn.ParameterLayout;

/**
 * What the data-driven criteria score from, gathered from the last training batches of a cycle
 * as they go (no extra passes), per hidden layer and unit:
 * <ul>
 * <li>first-order Taylor importance (Molchanov et al. 2019): per batch the square of the sum,
 * over the unit's group (its incoming row of W_j, its outgoing column of W_{j+1}, its batch-norm
 * scale), of w * dL/dw; summed over the batches;</li>
 * <li>the average percentage of zeros of its ReLU output over the batches' samples (APoZ);</li>
 * <li>its mean ReLU output over those samples.</li>
 * </ul>
 * Read after the cycle's training and before any prune.
 */
public final class Calibration implements Mlp.StepObserver {
    private final double[][] taylor;
    private final long[][] zeros;
    private final double[][] activation;
    private long samples;
    private int batches;

    Calibration(NetworkSpec spec) {
        int hidden = spec.hiddenLayers();
        taylor = new double[hidden][];
        zeros = new long[hidden][];
        activation = new double[hidden][];
        for (int j = 0; j < hidden; j++) {
            int m = spec.size(j + 1);
            taylor[j] = new double[m];
            zeros[j] = new long[m];
            activation[j] = new double[m];
        }
    }

    /** A hidden layer's scores: Taylor importance, fraction of zero activations, mean activation. */
    public record LayerStats(double[] taylor, double[] apoz, double[] meanActivation, int batches) {}

    @Override
    public void afterBackward(Mlp net, int count) {
        NetworkSpec spec = net.spec();
        ParameterLayout layout = net.layout();
        float[] w = net.parameters();
        float[] g = net.gradients();
        for (int j = 0; j < taylor.length; j++) {
            int in = spec.size(j);
            int m = spec.size(j + 1);
            int out = spec.size(j + 2);
            int w1 = layout.weight()[j];
            int w2 = layout.weight()[j + 1];
            int gamma = layout.gamma()[j];
            for (int u = 0; u < m; u++) {
                double s = 0;
                for (int i = 0; i < in; i++) {
                    s += (double) w[w1 + u * in + i] * g[w1 + u * in + i];
                }
                for (int k = 0; k < out; k++) {
                    s += (double) w[w2 + k * m + u] * g[w2 + k * m + u];
                }
                if (gamma >= 0) {
                    s += (double) w[gamma + u] * g[gamma + u];
                }
                taylor[j][u] += s * s;
            }
            float[] a = net.hiddenActivations(j);
            for (int r = 0; r < count; r++) {
                for (int u = 0; u < m; u++) {
                    float v = a[r * m + u];
                    zeros[j][u] += v == 0f ? 1 : 0;
                    activation[j][u] += v;
                }
            }
        }
        samples += count;
        batches++;
    }

    /** Hidden layer j's scores, from the batches seen. */
    public LayerStats layer(int j) {
        int m = taylor[j].length;
        double[] apoz = new double[m];
        double[] mean = new double[m];
        for (int u = 0; u < m; u++) {
            apoz[u] = (double) zeros[j][u] / samples;
            mean[u] = activation[j][u] / samples;
        }
        return new LayerStats(taylor[j].clone(), apoz, mean, batches);
    }
}
