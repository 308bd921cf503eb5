package org.dtc.nn;

/**
 * A second, independent implementation of the network's training-mode forward pass and loss,
 * in double precision and plain loops, for finite-difference gradient checks. It reads the
 * engine's flat parameters through the engine's layout but shares none of its code.
 */
final class ReferenceMlp {
    private ReferenceMlp() {}

    /** Mean cross-entropy of the batch, batch norm with batch statistics (training mode). */
    static double loss(NetworkSpec spec, ParameterLayout layout, double[] p, double[] x, int[] labels, int batch) {
        return loss(spec, layout, p, x, labels, batch, false);
    }

    /** With batchAxis, each logit first loses its class's log-sum-exp over the batch. */
    static double loss(NetworkSpec spec, ParameterLayout layout, double[] p, double[] x, int[] labels, int batch,
                       boolean batchAxis) {
        int width = spec.inputs();
        double[][] a = new double[batch][];
        for (int i = 0; i < batch; i++) {
            a[i] = java.util.Arrays.copyOfRange(x, i * width, (i + 1) * width);
        }
        if (spec.inputNorm()) {
            a = norm(a, width, p, layout.inputGamma(), layout.inputBeta());
        }
        for (int l = 0; l < spec.layers(); l++) {
            int in = spec.size(l);
            int out = spec.size(l + 1);
            double[][] z = new double[batch][out];
            for (int i = 0; i < batch; i++) {
                for (int o = 0; o < out; o++) {
                    double s = layout.bias()[l] >= 0 ? p[layout.bias()[l] + o] : 0;
                    for (int k = 0; k < in; k++) {
                        s += a[i][k] * p[layout.weight()[l] + o * in + k];
                    }
                    z[i][o] = s;
                }
            }
            if (l < spec.layers() - 1) {
                if (spec.hiddenNorm()) {
                    z = norm(z, out, p, layout.gamma()[l], layout.beta()[l]);
                }
                for (double[] row : z) {
                    for (int o = 0; o < out; o++) {
                        row[o] = Math.max(row[o], 0);
                    }
                }
            }
            a = z;
        }
        if (batchAxis) {
            int classes = spec.outputs();
            for (int c = 0; c < classes; c++) {
                double sum = 0;
                for (int i = 0; i < batch; i++) {
                    sum += Math.exp(a[i][c]);
                }
                double lse = Math.log(sum);
                for (int i = 0; i < batch; i++) {
                    a[i][c] -= lse;
                }
            }
        }
        double loss = 0;
        for (int i = 0; i < batch; i++) {
            double max = Double.NEGATIVE_INFINITY;
            for (double v : a[i]) {
                max = Math.max(max, v);
            }
            double sum = 0;
            for (double v : a[i]) {
                sum += Math.exp(v - max);
            }
            loss -= a[i][labels[i]] - max - Math.log(sum);
        }
        return loss / batch;
    }

    private static double[][] norm(double[][] x, int f, double[] p, int gamma, int beta) {
        int batch = x.length;
        double[][] y = new double[batch][f];
        for (int j = 0; j < f; j++) {
            double mean = 0;
            for (double[] row : x) {
                mean += row[j];
            }
            mean /= batch;
            double var = 0;
            for (double[] row : x) {
                var += (row[j] - mean) * (row[j] - mean);
            }
            var /= batch;
            for (int i = 0; i < batch; i++) {
                double h = (x[i][j] - mean) / Math.sqrt(var + BatchNorm.EPS);
                y[i][j] = gamma >= 0 ? p[gamma + j] * h + p[beta + j] : h;
            }
        }
        return y;
    }
}
