package org.dtc.data;

/**
 * How pixels become network inputs: x = (p / 255 - mean) / std, in float arithmetic as
 * torchvision's ToTensor and Normalize compute it, so the inputs equal PyTorch's bit for bit.
 * {@link #NONE} only scales to [0, 1].
 */
public record Normalization(double mean, double std) {
    public static final Normalization NONE = new Normalization(0, 1);

    public Normalization {
        if (!(std > 0) || !Double.isFinite(mean) || !Double.isFinite(std)) {
            throw new IllegalArgumentException("normalisation needs a finite mean and a positive std, not mean "
                    + mean + ", std " + std);
        }
    }

    /** The input for a pixel value 0..255. */
    public float apply(int pixel) {
        return ((float) pixel / 255f - (float) mean) / (float) std;
    }
}
