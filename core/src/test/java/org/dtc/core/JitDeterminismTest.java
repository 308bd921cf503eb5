package org.dtc.core;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * A kernel gives the same bits before and after the JIT compiles it: a run must repeat exactly
 * whatever the compiler has done by then. (reduceLanes(ADD) of the Vector API failed this: its
 * compiled and interpreted orders of addition differ.)
 */
class JitDeterminismTest {
    @Test
    void sumsAreTheSameInterpretedAndCompiled() {
        RandomStream random = new RandomStream(17);
        float[] a = TestArrays.floats(random, 0, 1000, 0);
        float[] b = TestArrays.floats(random, 0, 1000, 0);
        double[] da = TestArrays.doubles(random, 0, 1000, 0);
        double[] db = TestArrays.doubles(random, 0, 1000, 0);
        double[] m = TestArrays.doubles(random, 0, 8 * 1000, 0);
        double[] y = new double[8];
        float firstDot = Kernels.dot(a, 0, b, 0, 1000);
        float firstSum = Kernels.sum(a, 0, 1000);
        double firstDotD = Kernels.dot(da, 0, db, 0, 1000);
        Kernels.gemv(Op.N, 8, 1000, 1.0, m, 0, 1000, da, 0, 0.0, y, 0);
        double[] firstGemv = y.clone();
        double[] e = new double[1000];
        Kernels.exp(1000, m, 0, e, 0);
        double[] firstExp = e.clone();
        float dot = 0;
        float sum = 0;
        double dotD = 0;
        for (int i = 0; i < 100_000; i++) {
            dot = Kernels.dot(a, 0, b, 0, 1000);
            sum = Kernels.sum(a, 0, 1000);
            dotD = Kernels.dot(da, 0, db, 0, 1000);
            Kernels.gemv(Op.N, 8, 1000, 1.0, m, 0, 1000, da, 0, 0.0, y, 0);
            Kernels.exp(1000, m, 0, e, 0);
        }
        assertThat(Float.floatToRawIntBits(dot)).isEqualTo(Float.floatToRawIntBits(firstDot));
        assertThat(Float.floatToRawIntBits(sum)).isEqualTo(Float.floatToRawIntBits(firstSum));
        assertThat(Double.doubleToRawLongBits(dotD)).isEqualTo(Double.doubleToRawLongBits(firstDotD));
        assertThat(y).isEqualTo(firstGemv);
        assertThat(e).isEqualTo(firstExp);
    }
}
