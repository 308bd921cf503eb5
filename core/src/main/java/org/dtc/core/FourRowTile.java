package org.dtc.core;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorSpecies;

/**
 * The register tile for 256- and 128-bit vectors: four rows by two vectors of columns, eight
 * accumulators. AVX2 has 16 vector registers: eight rows' sixteen accumulators do not fit beside
 * the B vectors and a broadcast, and spilled accumulators halve the tile's speed (as twelve do,
 * from six rows or three vectors: C2 then spills too). Eight accumulators are also as many FMA
 * chains as two FMA units with a latency of four cycles keep busy. Otherwise it is
 * {@link EightRowTile} with four rows: the same lanes, the same FMA chain per element, and its
 * four variants repeated on purpose for the same reason (constant strides, no vector crossing a
 * call).
 */
final class FourRowTile {
    static final int ROWS = 4;
    private static final VectorSpecies<Float> F = VectorKernels.F;
    private static final int L = F.length();
    private static final int NR = 2 * L;

    private FourRowTile() {}

    /**
     * C[0:mr, 0:nr] = alpha * (A panel * B panel) + beta * C (beta = 0: C not read). The panels
     * are packed k-major, four rows and NR columns per step, zero-padded.
     */
    static void tile(int kc, float[] ap, int aOff, float[] bp, int bOff, float alpha, float beta,
                     float[] c, int cOff, int ldc, int mr, int nr, float[] scratch, int sOff,
                     float[] bias, int biasAt, boolean relu) {
        FloatVector c00 = FloatVector.zero(F), c01 = FloatVector.zero(F);
        FloatVector c10 = FloatVector.zero(F), c11 = FloatVector.zero(F);
        FloatVector c20 = FloatVector.zero(F), c21 = FloatVector.zero(F);
        FloatVector c30 = FloatVector.zero(F), c31 = FloatVector.zero(F);
        for (int p = 0; p < kc; p++) {
            int ai = aOff + p * ROWS;
            int bi = bOff + p * NR;
            FloatVector b0 = FloatVector.fromArray(F, bp, bi);
            FloatVector b1 = FloatVector.fromArray(F, bp, bi + L);
            FloatVector a0 = FloatVector.broadcast(F, ap[ai]);
            c00 = a0.fma(b0, c00);
            c01 = a0.fma(b1, c01);
            FloatVector a1 = FloatVector.broadcast(F, ap[ai + 1]);
            c10 = a1.fma(b0, c10);
            c11 = a1.fma(b1, c11);
            FloatVector a2 = FloatVector.broadcast(F, ap[ai + 2]);
            c20 = a2.fma(b0, c20);
            c21 = a2.fma(b1, c21);
            FloatVector a3 = FloatVector.broadcast(F, ap[ai + 3]);
            c30 = a3.fma(b0, c30);
            c31 = a3.fma(b1, c31);
        }
        // Park the accumulators, then fold them into C in a loop: passing vectors to a helper
        // that C2 declines to inline (the tile is large) would box them on every call.
        c00.intoArray(scratch, sOff);
        c01.intoArray(scratch, sOff + L);
        c10.intoArray(scratch, sOff + NR);
        c11.intoArray(scratch, sOff + NR + L);
        c20.intoArray(scratch, sOff + 2 * NR);
        c21.intoArray(scratch, sOff + 2 * NR + L);
        c30.intoArray(scratch, sOff + 3 * NR);
        c31.intoArray(scratch, sOff + 3 * NR + L);
        VectorGemmTile.fold(scratch, sOff, NR, alpha, beta, c, cOff, ldc, mr, nr, bias, biasAt, relu);
    }

    /**
     * The same tile reading op(A) = A where it lies, row r of the tile at {@code a[aOff + r * lda]}:
     * for a C with few column panels, where packing A would cost as much as the multiply.
     */
    static void tileDirectA(int kc, float[] a, int aOff, int lda, float[] bp, int bOff, float alpha, float beta,
                            float[] c, int cOff, int ldc, int mr, int nr, float[] scratch, int sOff,
                            float[] bias, int biasAt, boolean relu) {
        // Row starts hoisted: the loop then indexes each row with unit stride, which lets C2
        // drop the bounds checks (a stride parameter in the loop costs 15-20% of the tile).
        int row0 = aOff;
        int row1 = aOff + lda;
        int row2 = aOff + 2 * lda;
        int row3 = aOff + 3 * lda;
        FloatVector c00 = FloatVector.zero(F), c01 = FloatVector.zero(F);
        FloatVector c10 = FloatVector.zero(F), c11 = FloatVector.zero(F);
        FloatVector c20 = FloatVector.zero(F), c21 = FloatVector.zero(F);
        FloatVector c30 = FloatVector.zero(F), c31 = FloatVector.zero(F);
        for (int p = 0; p < kc; p++) {
            int bi = bOff + p * NR;
            FloatVector b0 = FloatVector.fromArray(F, bp, bi);
            FloatVector b1 = FloatVector.fromArray(F, bp, bi + L);
            FloatVector a0 = FloatVector.broadcast(F, a[row0 + p]);
            c00 = a0.fma(b0, c00);
            c01 = a0.fma(b1, c01);
            FloatVector a1 = FloatVector.broadcast(F, a[row1 + p]);
            c10 = a1.fma(b0, c10);
            c11 = a1.fma(b1, c11);
            FloatVector a2 = FloatVector.broadcast(F, a[row2 + p]);
            c20 = a2.fma(b0, c20);
            c21 = a2.fma(b1, c21);
            FloatVector a3 = FloatVector.broadcast(F, a[row3 + p]);
            c30 = a3.fma(b0, c30);
            c31 = a3.fma(b1, c31);
        }
        // Park the accumulators, then fold them into C in a loop: passing vectors to a helper
        // that C2 declines to inline (the tile is large) would box them on every call.
        c00.intoArray(scratch, sOff);
        c01.intoArray(scratch, sOff + L);
        c10.intoArray(scratch, sOff + NR);
        c11.intoArray(scratch, sOff + NR + L);
        c20.intoArray(scratch, sOff + 2 * NR);
        c21.intoArray(scratch, sOff + 2 * NR + L);
        c30.intoArray(scratch, sOff + 3 * NR);
        c31.intoArray(scratch, sOff + 3 * NR + L);
        VectorGemmTile.fold(scratch, sOff, NR, alpha, beta, c, cOff, ldc, mr, nr, bias, biasAt, relu);
    }

    /**
     * The same for a narrow B panel, one vector wide (the last columns of a matrix whose width
     * leaves at most L of them): half the work of padding them to a full tile.
     */
    static void tileNarrow(int kc, float[] ap, int aOff, float[] bp, int bOff, float alpha, float beta,
                           float[] c, int cOff, int ldc, int mr, int nr, float[] scratch, int sOff,
                           float[] bias, int biasAt, boolean relu) {
        FloatVector c0 = FloatVector.zero(F);
        FloatVector c1 = FloatVector.zero(F);
        FloatVector c2 = FloatVector.zero(F);
        FloatVector c3 = FloatVector.zero(F);
        for (int p = 0; p < kc; p++) {
            int ai = aOff + p * ROWS;
            FloatVector b = FloatVector.fromArray(F, bp, bOff + p * L);
            c0 = FloatVector.broadcast(F, ap[ai]).fma(b, c0);
            c1 = FloatVector.broadcast(F, ap[ai + 1]).fma(b, c1);
            c2 = FloatVector.broadcast(F, ap[ai + 2]).fma(b, c2);
            c3 = FloatVector.broadcast(F, ap[ai + 3]).fma(b, c3);
        }
        c0.intoArray(scratch, sOff);
        c1.intoArray(scratch, sOff + L);
        c2.intoArray(scratch, sOff + 2 * L);
        c3.intoArray(scratch, sOff + 3 * L);
        VectorGemmTile.fold(scratch, sOff, L, alpha, beta, c, cOff, ldc, mr, nr, bias, biasAt, relu);
    }

    /** The narrow tile reading op(A) = A in place, as {@link #tileDirectA} does. */
    static void tileNarrowDirectA(int kc, float[] a, int aOff, int lda, float[] bp, int bOff, float alpha,
                                  float beta, float[] c, int cOff, int ldc, int mr, int nr, float[] scratch, int sOff,
                                  float[] bias, int biasAt, boolean relu) {
        int row0 = aOff;
        int row1 = aOff + lda;
        int row2 = aOff + 2 * lda;
        int row3 = aOff + 3 * lda;
        FloatVector c0 = FloatVector.zero(F);
        FloatVector c1 = FloatVector.zero(F);
        FloatVector c2 = FloatVector.zero(F);
        FloatVector c3 = FloatVector.zero(F);
        for (int p = 0; p < kc; p++) {
            FloatVector b = FloatVector.fromArray(F, bp, bOff + p * L);
            c0 = FloatVector.broadcast(F, a[row0 + p]).fma(b, c0);
            c1 = FloatVector.broadcast(F, a[row1 + p]).fma(b, c1);
            c2 = FloatVector.broadcast(F, a[row2 + p]).fma(b, c2);
            c3 = FloatVector.broadcast(F, a[row3 + p]).fma(b, c3);
        }
        c0.intoArray(scratch, sOff);
        c1.intoArray(scratch, sOff + L);
        c2.intoArray(scratch, sOff + 2 * L);
        c3.intoArray(scratch, sOff + 3 * L);
        VectorGemmTile.fold(scratch, sOff, L, alpha, beta, c, cOff, ldc, mr, nr, bias, biasAt, relu);
    }
}
