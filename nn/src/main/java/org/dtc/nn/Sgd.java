package org.dtc.nn;

/** Plain stochastic gradient descent: p -= lr g. Stateless, so surgery needs nothing from it. */
public final class Sgd implements Optimizer {
    private final float lr;

    public Sgd(double lr) {
        if (!(lr > 0)) {
            throw new IllegalArgumentException("SGD needs a learning rate > 0, not " + lr);
        }
        this.lr = (float) lr;
    }

    @Override
    public void step(float[] params, float[] grads, int count) {
        org.dtc.core.Kernels.axpy(count, -lr, grads, 0, params, 0);
    }

    @Override
    public void remap(int[] keep) {
        // no state
    }

    @Override
    public void reset(int parameters) {
        // no state
    }
}
