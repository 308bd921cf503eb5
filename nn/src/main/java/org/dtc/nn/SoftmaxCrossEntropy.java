package org.dtc.nn;

import java.util.Arrays;
import org.dtc.core.Kernels;

/**
 * Log-softmax over the classes of each sample with the negative log-likelihood averaged over the
 * batch: PyTorch's {@code cross_entropy} with mean reduction. Each row's log-sum-exp is taken
 * in double around the row's maximum.
 *
 * <p>Speed: the exponentials of a whole batch go through {@link Kernels#exp} at once (Math.exp
 * one value at a time was 15-20% of a training step at small hidden sizes), and each sample's
 * maximum and sum through {@link Kernels#rowMax} and {@link Kernels#rowSumsInOrder}, many
 * samples side by side (a chain of Math.max over 10 logits took 26 ns a sample). Over the batch
 * axis, the per-class maxima and sums walk the batch row by row with one running value per
 * class, so that no long chain of dependent operations runs down a column. Each sum still adds
 * its terms in order. Workspaces are sized once for a batch capacity.
 */
final class SoftmaxCrossEntropy {
    private final int classes;
    /** Exponentials of a batch, batch x classes. */
    private final double[] e;
    /** Per sample: the row's largest logit. */
    private final float[] rowMax;
    /** Per sample: the sum of the row's exponentials. */
    private final double[] rowSum;
    /** Per class: a running maximum or sum over the batch. */
    private final double[] perClass;

    SoftmaxCrossEntropy(int capacity, int classes) {
        this.classes = classes;
        e = new double[capacity * classes];
        rowMax = new float[capacity];
        rowSum = new double[capacity];
        perClass = new double[classes];
    }

    /** logProbs (batch x classes) from logits; returns the mean NLL of the labels. */
    double forward(int batch, float[] logits, int[] labels, int labelOff, float[] logProbs) {
        Kernels.rowMax(batch, classes, logits, 0, rowMax, 0);
        for (int i = 0; i < batch; i++) {
            int row = i * classes;
            float max = rowMax[i];
            for (int c = 0; c < classes; c++) {
                e[row + c] = logits[row + c] - max;
            }
        }
        Kernels.exp(batch * classes, e, 0, e, 0);
        Kernels.rowSumsInOrder(batch, classes, e, 0, rowSum, 0);
        double loss = 0;
        for (int i = 0; i < batch; i++) {
            int row = i * classes;
            double logSum = rowMax[i] + Math.log(rowSum[i]);
            for (int c = 0; c < classes; c++) {
                logProbs[row + c] = (float) (logits[row + c] - logSum);
            }
            int label = labels[labelOff + i];
            if (label < 0 || label >= classes) {
                throw new IllegalArgumentException("label " + label + " of sample " + i + " is outside 0.."
                        + (classes - 1));
            }
            loss -= logProbs[row + label];
        }
        return loss / batch;
    }

    /** dlogits = (softmax - onehot) / batch. */
    void backward(int batch, float[] logProbs, int[] labels, int labelOff, float[] dLogits) {
        int n = batch * classes;
        for (int at = 0; at < n; at++) {
            e[at] = logProbs[at];
        }
        Kernels.exp(n, e, 0, e, 0);
        float inv = 1f / batch;
        for (int at = 0; at < n; at++) {
            dLogits[at] = (float) e[at] * inv;
        }
        for (int i = 0; i < batch; i++) {
            dLogits[i * classes + labels[labelOff + i]] -= inv;
        }
    }

    /**
     * The paper's code's output layer: log-softmax over the batch axis (dimension 0) before the
     * cross-entropy, so that every logit has its class's log-sum-exp over the batch subtracted.
     * shifted = logits - lse, lse (classes) kept for backward.
     */
    void batchAxisForward(int batch, float[] logits, float[] shifted, double[] lse) {
        Arrays.fill(perClass, Double.NEGATIVE_INFINITY);
        for (int i = 0; i < batch; i++) {
            for (int c = 0; c < classes; c++) {
                perClass[c] = Math.max(perClass[c], logits[i * classes + c]);
            }
        }
        for (int i = 0; i < batch; i++) {
            for (int c = 0; c < classes; c++) {
                e[i * classes + c] = logits[i * classes + c] - (float) perClass[c];
            }
        }
        Kernels.exp(batch * classes, e, 0, e, 0);
        Arrays.fill(lse, 0, classes, 0.0);
        for (int i = 0; i < batch; i++) {
            for (int c = 0; c < classes; c++) {
                lse[c] += e[i * classes + c];
            }
        }
        for (int c = 0; c < classes; c++) {
            lse[c] = perClass[c] + Math.log(lse[c]);
        }
        for (int i = 0; i < batch; i++) {
            for (int c = 0; c < classes; c++) {
                shifted[i * classes + c] = (float) (logits[i * classes + c] - lse[c]);
            }
        }
    }

    /**
     * Backward of {@link #batchAxisForward}, in place on d (the gradient with respect to the
     * shifted logits): d_ic - softmax over the batch of column c, times the column sum of d.
     */
    void batchAxisBackward(int batch, float[] logits, double[] lse, float[] d) {
        for (int i = 0; i < batch; i++) {
            for (int c = 0; c < classes; c++) {
                e[i * classes + c] = logits[i * classes + c] - lse[c];
            }
        }
        Kernels.exp(batch * classes, e, 0, e, 0);
        Arrays.fill(perClass, 0.0);
        for (int i = 0; i < batch; i++) {
            for (int c = 0; c < classes; c++) {
                perClass[c] += d[i * classes + c];
            }
        }
        for (int i = 0; i < batch; i++) {
            for (int c = 0; c < classes; c++) {
                int at = i * classes + c;
                d[at] = (float) (d[at] - e[at] * perClass[c]);
            }
        }
    }

    /** Index of the largest logit of row i (the first on ties). */
    static int argmax(float[] logits, int row, int classes) {
        int best = 0;
        for (int c = 1; c < classes; c++) {
            if (logits[row + c] > logits[row + best]) {
                best = c;
            }
        }
        return best;
    }
}
