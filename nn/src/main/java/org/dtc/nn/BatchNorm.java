package org.dtc.nn;

/**
 * Batch normalisation over features with PyTorch's {@code BatchNorm1d} semantics: in training
 * the batch's mean and biased variance normalise, and the running mean and the running
 * unbiased variance move by {@code momentum}; in evaluation the running statistics normalise.
 * Statistics accumulate in double, as PyTorch's CPU kernel does. Scale and shift are optional
 * (offset -1: none, i.e. 1 and 0).
 */
final class BatchNorm {
    static final double EPS = 1e-5;
    static final double MOMENTUM = 0.1;

    private BatchNorm() {}

    /**
     * Training forward of x (batch x f): y = gamma xhat + beta with xhat = (x - mean) invstd;
     * keeps xhat and invstd for backward; updates the running statistics.
     */
    static void forwardTrain(int batch, int f, float[] x, int xOff, float[] params, int gamma, int beta, float[] y,
                             float[] xhat, float[] invstd, double[] sums, float[] runningMean, float[] runningVar) {
        java.util.Arrays.fill(sums, 0, f, 0.0);
        for (int i = 0; i < batch; i++) {
            int row = xOff + i * f;
            for (int j = 0; j < f; j++) {
                sums[j] += x[row + j];
            }
        }
        for (int j = 0; j < f; j++) {
            sums[j] /= batch; // now the mean
        }
        double[] squares = sums; // second half of the buffer holds the squared deviations
        java.util.Arrays.fill(squares, f, 2 * f, 0.0);
        for (int i = 0; i < batch; i++) {
            int row = xOff + i * f;
            for (int j = 0; j < f; j++) {
                double d = x[row + j] - sums[j];
                squares[f + j] += d * d;
            }
        }
        for (int j = 0; j < f; j++) {
            double mean = sums[j];
            double var = squares[f + j] / batch;
            invstd[j] = (float) (1 / Math.sqrt(var + EPS));
            runningMean[j] = (float) ((1 - MOMENTUM) * runningMean[j] + MOMENTUM * mean);
            double unbiased = batch > 1 ? var * batch / (batch - 1) : var;
            runningVar[j] = (float) ((1 - MOMENTUM) * runningVar[j] + MOMENTUM * unbiased);
        }
        for (int i = 0; i < batch; i++) {
            int row = xOff + i * f;
            int out = i * f;
            for (int j = 0; j < f; j++) {
                float h = (float) ((x[row + j] - sums[j]) * invstd[j]);
                xhat[out + j] = h;
                y[out + j] = gamma >= 0 ? params[gamma + j] * h + params[beta + j] : h;
            }
        }
    }

    /** Evaluation forward: y = gamma (x - running mean) / sqrt(running var + eps) + beta. */
    static void forwardEval(int batch, int f, float[] x, int xOff, float[] params, int gamma, int beta, float[] y,
                            float[] runningMean, float[] runningVar) {
        for (int i = 0; i < batch; i++) {
            int row = xOff + i * f;
            int out = i * f;
            for (int j = 0; j < f; j++) {
                float h = (float) ((x[row + j] - runningMean[j]) / Math.sqrt(runningVar[j] + EPS));
                y[out + j] = gamma >= 0 ? params[gamma + j] * h + params[beta + j] : h;
            }
        }
    }

    /**
     * Backward of the training forward, dy (batch x f) to dx in place:
     * dbeta = sum dy, dgamma = sum dy xhat, dx = gamma invstd / batch (batch dy - dbeta - xhat dgamma).
     */
    static void backward(int batch, int f, float[] dy, float[] xhat, float[] invstd, float[] params, int gamma,
                         int beta, float[] grads, double[] sums) {
        java.util.Arrays.fill(sums, 0, 2 * f, 0.0);
        for (int i = 0; i < batch; i++) {
            int row = i * f;
            for (int j = 0; j < f; j++) {
                double g = dy[row + j];
                sums[j] += g;
                sums[f + j] += g * xhat[row + j];
            }
        }
        if (gamma >= 0) {
            for (int j = 0; j < f; j++) {
                grads[beta + j] = (float) sums[j];
                grads[gamma + j] = (float) sums[f + j];
            }
        }
        for (int i = 0; i < batch; i++) {
            int row = i * f;
            for (int j = 0; j < f; j++) {
                double scale = (gamma >= 0 ? params[gamma + j] : 1f) * (double) invstd[j] / batch;
                dy[row + j] = (float) (scale * (batch * (double) dy[row + j] - sums[j] - xhat[row + j] * sums[f + j]));
            }
        }
    }
}
