package org.dtc.core;

import static org.assertj.core.api.Assertions.assertThat;

/** Seeded test data: arrays with a guard zone around the part a kernel may touch. */
final class TestArrays {
    /** Written around every operand; a kernel that writes outside its view changes it. */
    static final float GUARD = -7777.25f;
    static final double GUARD_D = -7777.25;

    private TestArrays() {}

    /** Lengths that exercise every loop: tiny, around the lane count, primes, and 513. */
    static int[] lengths() {
        int lanes = Math.max(Simd.bits() / Float.SIZE, 4);
        return java.util.stream.IntStream.of(0, 1, 2, 3, lanes - 1, lanes, lanes + 1, 2 * lanes - 1, 2 * lanes + 1,
                7, 13, 31, 97, 127, 257, 513, 1031, 4099).filter(n -> n >= 0).distinct().sorted().toArray();
    }

    /** An array of off + n + tail values: uniform in [-1, 1] inside, GUARD around. */
    static float[] floats(RandomStream random, int off, int n, int tail) {
        float[] x = new float[off + n + tail];
        java.util.Arrays.fill(x, GUARD);
        random.fillUniform(x, off, n, -1, 1);
        return x;
    }

    static double[] doubles(RandomStream random, int off, int n, int tail) {
        double[] x = new double[off + n + tail];
        java.util.Arrays.fill(x, GUARD_D);
        for (int i = 0; i < n; i++) {
            x[off + i] = random.uniform(-1, 1);
        }
        return x;
    }

    /** A rows x cols matrix stored from off with leading dimension ld: GUARD in the gaps. */
    static float[] matrix(RandomStream random, int off, int rows, int cols, int ld) {
        float[] x = new float[off + rows * ld + 3];
        java.util.Arrays.fill(x, GUARD);
        for (int i = 0; i < rows; i++) {
            random.fillUniform(x, off + i * ld, cols, -1, 1);
        }
        return x;
    }

    /** The rows x cols block at (off, ld) copied into a dense row-major array. */
    static float[] dense(float[] x, int off, int rows, int cols, int ld) {
        float[] d = new float[rows * cols];
        for (int i = 0; i < rows; i++) {
            System.arraycopy(x, off + i * ld, d, i * cols, cols);
        }
        return d;
    }

    /** Every element outside the rows x cols view at (off, ld) still equals the original. */
    static void assertOutsideUnchanged(float[] before, float[] after, int off, int rows, int cols, int ld) {
        for (int idx = 0; idx < after.length; idx++) {
            int rel = idx - off;
            boolean inside = rows > 0 && cols > 0 && rel >= 0 && rel / ld < rows && rel % ld < cols;
            if (!inside) {
                assertThat(Float.floatToRawIntBits(after[idx]))
                        .as("element %d outside the %d x %d view at offset %d, ld %d", idx, rows, cols, off, ld)
                        .isEqualTo(Float.floatToRawIntBits(before[idx]));
            }
        }
    }
}
