package org.dtc.nn;

import org.dtc.core.RandomStream;

/**
 * Normal samples drawn the way PyTorch's CPU {@code Tensor.normal_(mean, std, generator)} draws a
 * float tensor of 16 or more values (its {@code normal_fill}): first a uniform for every value,
 * then Box-Muller on each block of 16 (u1 = 1 - u[j], u2 = u[j + 8] give values j and j + 8),
 * and when the count is not a multiple of 16 the last 16 values are drawn and transformed once
 * more. A torch.Generator is MT19937 seeded by init_genrand, so its raw 32-bit draws are those
 * of numpy's RandomState, which {@link RandomStream} reproduces; a uniform is the low 24 bits of
 * one draw times 2^-24.
 *
 * <p>The logarithm, cosine and sine are correctly rounded here (each taken in double by
 * StrictMath and rounded once). torch calls its C library's logf, cosf and sinf, or SLEEF's in
 * its AVX2 kernel; where those are not correctly rounded a value differs by an ulp or few.
 */
final class TorchNormal {
    /** The smallest count torch's normal_fill takes; smaller tensors go another way in torch. */
    static final int MIN_COUNT = 16;

    private TorchNormal() {}

    /** out[off .. off + n) ~ N(mean, std^2) as torch draws them; n at least {@link #MIN_COUNT}. */
    static void fill(RandomStream random, float[] out, int off, int n, double mean, double std) {
        if (n < MIN_COUNT) {
            throw new IllegalArgumentException("torch's normal_ draws tensors of fewer than " + MIN_COUNT
                    + " values another way, not reproduced here: " + n + " values");
        }
        // torch casts both to the tensor's type before drawing.
        float m = (float) mean;
        float s = (float) std;
        for (int i = 0; i < n; i++) {
            out[off + i] = uniform(random);
        }
        for (int i = 0; i + MIN_COUNT <= n; i += MIN_COUNT) {
            boxMuller16(out, off + i, m, s);
        }
        if (n % MIN_COUNT != 0) {
            int last = off + n - MIN_COUNT;
            for (int i = 0; i < MIN_COUNT; i++) {
                out[last + i] = uniform(random);
            }
            boxMuller16(out, last, m, s);
        }
    }

    /** torch's uniform_real_distribution&lt;float&gt;(0, 1) on one 32-bit draw: exact in float. */
    static float uniform(RandomStream random) {
        return (random.nextInt32() & 0xFFFFFF) * 0x1p-24f;
    }

    private static void boxMuller16(float[] d, int at, float mean, float std) {
        for (int j = 0; j < 8; j++) {
            float u1 = 1f - d[at + j]; // (0, 1], so the logarithm is finite
            float u2 = d[at + j + 8];
            float radius = (float) Math.sqrt(-2f * (float) StrictMath.log(u1));
            // 2 pi u2 in double, as torch's 2.0f * pi<double> * u2, then rounded to float.
            float theta = (float) (2.0 * Math.PI * u2);
            d[at + j] = radius * (float) StrictMath.cos(theta) * std + mean;
            d[at + j + 8] = radius * (float) StrictMath.sin(theta) * std + mean;
        }
    }
}
