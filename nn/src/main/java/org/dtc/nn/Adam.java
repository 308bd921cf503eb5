package org.dtc.nn;

import org.dtc.core.Kernels;

/**
 * Adam (Kingma and Ba) exactly as PyTorch 1.13's {@code torch.optim.Adam} computes it for one
 * float32 tensor: m = beta1 m + (1 - beta1) g; v = beta2 v + (1 - beta2) g g;
 * p -= (lr / (1 - beta1^t)) m / (sqrt(v) / sqrt(1 - beta2^t) + eps). Weight decay is either
 * L2 (added to the gradient, Adam's own) or decoupled (the parameter shrinks by lr * wd first,
 * AdamW). Defaults: lr 1e-3, betas 0.9 and 0.999, eps 1e-8, no weight decay.
 */
public final class Adam implements Optimizer {
    public static final double DEFAULT_LR = 1e-3;
    public static final double DEFAULT_BETA1 = 0.9;
    public static final double DEFAULT_BETA2 = 0.999;
    public static final double DEFAULT_EPS = 1e-8;

    private final double lr;
    private final double beta1;
    private final double beta2;
    private final double eps;
    private final double weightDecay;
    private final boolean decoupled;
    private float[] m;
    private float[] v;
    private long t;

    public Adam(int parameters) {
        this(parameters, DEFAULT_LR, DEFAULT_BETA1, DEFAULT_BETA2, DEFAULT_EPS, 0, false);
    }

    public Adam(int parameters, double lr, double beta1, double beta2, double eps, double weightDecay,
                boolean decoupled) {
        if (!(lr > 0) || !(beta1 >= 0 && beta1 < 1) || !(beta2 >= 0 && beta2 < 1) || !(eps >= 0)
                || !(weightDecay >= 0)) {
            throw new IllegalArgumentException("Adam needs lr > 0, betas in [0, 1), eps >= 0, weight decay >= 0; got lr "
                    + lr + ", betas " + beta1 + " " + beta2 + ", eps " + eps + ", weight decay " + weightDecay);
        }
        this.lr = lr;
        this.beta1 = beta1;
        this.beta2 = beta2;
        this.eps = eps;
        this.weightDecay = weightDecay;
        this.decoupled = decoupled;
        this.m = new float[parameters];
        this.v = new float[parameters];
    }

    /** Adam's moments and step count, for checkpoints. */
    public record State(float[] m, float[] v, long t) {}

    /** A copy of the moments and the step count. */
    public State state() {
        return new State(m.clone(), v.clone(), t);
    }

    /** Takes over a saved state (from an optimizer with these hyperparameters). */
    public void restore(State state) {
        m = state.m().clone();
        v = state.v().clone();
        t = state.t();
    }

    /** Steps taken since construction or the last reset. */
    public long steps() {
        return t;
    }

    @Override
    public void step(float[] params, float[] grads, int count) {
        if (count != m.length) {
            throw new IllegalArgumentException("Adam holds moments for " + m.length + " parameters, the network has "
                    + count);
        }
        t++;
        double bias1 = 1 - Math.pow(beta1, t);
        double bias2Sqrt = Math.sqrt(1 - Math.pow(beta2, t));
        float stepSize = (float) (lr / bias1);
        float l2 = decoupled ? 0f : (float) weightDecay;
        float shrink = decoupled ? (float) (1 - lr * weightDecay) : 1f;
        Kernels.adam(count, params, grads, m, v, (float) beta1, (float) (1 - beta1), (float) beta2,
                (float) (1 - beta2), stepSize, (float) bias2Sqrt, (float) eps, l2, shrink);
    }

    @Override
    public void remap(int[] keep) {
        float[] m2 = new float[keep.length];
        float[] v2 = new float[keep.length];
        for (int i = 0; i < keep.length; i++) {
            m2[i] = m[keep[i]];
            v2[i] = v[keep[i]];
        }
        m = m2;
        v = v2;
    }

    /** Zero moments for a network of this many parameters, step count 0. */
    @Override
    public void reset(int parameters) {
        m = new float[parameters];
        v = new float[parameters];
        t = 0;
    }
}
