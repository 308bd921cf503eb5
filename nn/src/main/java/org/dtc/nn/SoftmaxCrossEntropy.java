package org.dtc.nn;

/**
 * Log-softmax over the classes of each sample with the negative log-likelihood averaged over the
 * batch: PyTorch's {@code cross_entropy} with mean reduction. Each row's log-sum-exp is taken
 * in double around the row's maximum.
 */
final class SoftmaxCrossEntropy {
    private SoftmaxCrossEntropy() {}

    /** logProbs (batch x classes) from logits; returns the mean NLL of the labels. */
    static double forward(int batch, int classes, float[] logits, int[] labels, int labelOff, float[] logProbs) {
        double loss = 0;
        for (int i = 0; i < batch; i++) {
            int row = i * classes;
            float max = Float.NEGATIVE_INFINITY;
            for (int c = 0; c < classes; c++) {
                max = Math.max(max, logits[row + c]);
            }
            double sum = 0;
            for (int c = 0; c < classes; c++) {
                sum += Math.exp(logits[row + c] - max);
            }
            double logSum = max + Math.log(sum);
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
    static void backward(int batch, int classes, float[] logProbs, int[] labels, int labelOff, float[] dLogits) {
        float inv = 1f / batch;
        for (int i = 0; i < batch; i++) {
            int row = i * classes;
            for (int c = 0; c < classes; c++) {
                dLogits[row + c] = (float) Math.exp(logProbs[row + c]) * inv;
            }
            dLogits[row + labels[labelOff + i]] -= inv;
        }
    }

    /**
     * The paper's code's output layer: log-softmax over the batch axis (dimension 0) before the
     * cross-entropy, so that every logit has its class's log-sum-exp over the batch subtracted.
     * shifted = logits - lse, lse (classes) kept for backward.
     */
    static void batchAxisForward(int batch, int classes, float[] logits, float[] shifted, double[] lse) {
        for (int c = 0; c < classes; c++) {
            float max = Float.NEGATIVE_INFINITY;
            for (int i = 0; i < batch; i++) {
                max = Math.max(max, logits[i * classes + c]);
            }
            double sum = 0;
            for (int i = 0; i < batch; i++) {
                sum += Math.exp(logits[i * classes + c] - max);
            }
            lse[c] = max + Math.log(sum);
            for (int i = 0; i < batch; i++) {
                shifted[i * classes + c] = (float) (logits[i * classes + c] - lse[c]);
            }
        }
    }

    /**
     * Backward of {@link #batchAxisForward}, in place on d (the gradient with respect to the
     * shifted logits): d_ic - softmax over the batch of column c, times the column sum of d.
     */
    static void batchAxisBackward(int batch, int classes, float[] logits, double[] lse, float[] d) {
        for (int c = 0; c < classes; c++) {
            double column = 0;
            for (int i = 0; i < batch; i++) {
                column += d[i * classes + c];
            }
            for (int i = 0; i < batch; i++) {
                int at = i * classes + c;
                d[at] = (float) (d[at] - Math.exp(logits[at] - lse[c]) * column);
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
