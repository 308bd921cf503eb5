package org.dtc.nn;

import org.dtc.core.Kernels;

/**
 * Batch norm over the features ({@link BatchNorm}, PyTorch's {@code BatchNorm1d}), with a ReLU
 * after it when one follows (after a hidden linear layer), or alone (on the input). Scale and
 * shift at their offsets in the flat parameters, or none (-1); the running statistics are the
 * layer's own.
 */
final class Norm implements Layer {
    private final int features;
    private final int gamma;
    private final int beta;
    private final boolean relu;
    private float[] runningMean;
    private float[] runningVar;
    // batch x features: the output (in place after the ReLU), and xhat for backward
    private final float[] y;
    private final float[] xhat;
    private final float[] invstd;
    private final double[] sums;

    Norm(int features, int gamma, int beta, boolean relu, int capacity) {
        this.features = features;
        this.gamma = gamma;
        this.beta = beta;
        this.relu = relu;
        this.y = new float[capacity * features];
        this.xhat = new float[capacity * features];
        this.invstd = new float[features];
        this.sums = new double[2 * features];
        resetStatistics();
    }

    /** Running mean 0 and variance 1, as a new PyTorch batch norm starts. */
    void resetStatistics() {
        runningMean = new float[features];
        runningVar = new float[features];
        java.util.Arrays.fill(runningVar, 1f);
    }

    float[] runningMean() {
        return runningMean;
    }

    float[] runningVar() {
        return runningVar;
    }

    /** Takes over saved running statistics (copied). */
    void restoreStatistics(float[] mean, float[] var) {
        if (mean.length != features || var.length != features) {
            throw new IllegalArgumentException("running statistics of " + mean.length + " and " + var.length
                    + " features for a batch norm of " + features);
        }
        runningMean = mean.clone();
        runningVar = var.clone();
    }

    int gammaOffset() {
        return gamma;
    }

    @Override
    public int inputs() {
        return features;
    }

    @Override
    public int outputs() {
        return features;
    }

    @Override
    public boolean hasParameters() {
        return gamma >= 0;
    }

    @Override
    public float[] output() {
        return y;
    }

    @Override
    public float[] forward(float[] x, int xOff, int count, float[] params, boolean training) {
        if (training) {
            BatchNorm.forwardTrain(count, features, x, xOff, params, gamma, beta, y, xhat, invstd, sums, runningMean,
                    runningVar);
        } else {
            BatchNorm.forwardEval(count, features, x, xOff, params, gamma, beta, y, runningMean, runningVar);
        }
        if (relu) {
            Kernels.relu(count * features, y, 0, y, 0);
        }
        return y;
    }

    /** In place: dy becomes the gradient at the input. */
    @Override
    public float[] backward(float[] x, int xOff, int count, float[] dy, float[] params, float[] grads,
                            float[] spare) {
        if (relu) {
            Kernels.reluBackward(count * features, y, 0, dy, 0, dy, 0);
        }
        BatchNorm.backward(count, features, dy, xhat, invstd, params, gamma, beta, grads, sums);
        return dy;
    }

    @Override
    public void keepUnits(Layer old, int[] keepInputs, int[] keepOutputs, int[] from) {
        Norm o = (Norm) old;
        int[] keep = keepOutputs != null ? keepOutputs : keepInputs;
        for (int j = 0; j < features; j++) {
            int oldJ = keep == null ? j : keep[j];
            if (gamma >= 0) {
                from[gamma + j] = o.gamma + oldJ;
                from[beta + j] = o.beta + oldJ;
            }
            runningMean[j] = o.runningMean[oldJ];
            runningVar[j] = o.runningVar[oldJ];
        }
    }
}
