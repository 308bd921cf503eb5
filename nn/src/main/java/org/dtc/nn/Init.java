package org.dtc.nn;

import org.dtc.core.RandomStream;

/**
 * Weight initialisation with PyTorch's formulas (torch.nn.init), drawn from a seeded
 * {@link RandomStream}, layer after layer, row-major. fan_in = in, fan_out = out.
 */
public enum Init {
    /** N(0, gain^2 2 / (fan_in + fan_out)). */
    XAVIER_NORMAL,
    /**
     * The same distribution drawn as torch.nn.init.xavier_normal_ draws it from a torch.Generator
     * with the seed ({@link TorchNormal}): the paper's notebook seeds one for its two layers.
     */
    XAVIER_NORMAL_TORCH,
    /** U(-a, a), a = gain sqrt(6 / (fan_in + fan_out)). */
    XAVIER_UNIFORM,
    /** He: N(0, gain^2 / fan_in) with gain sqrt(2) for ReLU (mode fan_in). */
    KAIMING_NORMAL;

    /** Fills weights of an out x in layer at params[off ..] with the given gain. */
    void fill(RandomStream random, float[] params, int off, int out, int in, double gain) {
        int count = out * in;
        switch (this) {
            case XAVIER_NORMAL -> random.fillNormal(params, off, count, 0, gain * Math.sqrt(2.0 / (in + out)));
            case XAVIER_NORMAL_TORCH -> TorchNormal.fill(random, params, off, count, 0, gain * Math.sqrt(2.0 / (in + out)));
            case XAVIER_UNIFORM -> {
                double a = gain * Math.sqrt(6.0 / (in + out));
                random.fillUniform(params, off, count, -a, a);
            }
            case KAIMING_NORMAL -> random.fillNormal(params, off, count, 0, gain / Math.sqrt(in));
        }
    }

    /** The fewest weights a layer may have to be drawn this way: torch draws smaller tensors otherwise. */
    public int minimumWeights() {
        return this == XAVIER_NORMAL_TORCH ? TorchNormal.MIN_COUNT : 1;
    }

    /** The gain PyTorch's calculate_gain gives for ReLU: sqrt(2). */
    public static final double RELU_GAIN = Math.sqrt(2.0);
}
