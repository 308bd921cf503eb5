package org.dtc.core;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorSpecies;

/**
 * The register tile for 512-bit vectors: eight rows by two vectors of columns, sixteen
 * accumulators held in registers across the whole k loop, which AVX-512's 32 registers hold
 * with the two B vectors and a broadcast beside them. Each step loads two B vectors from the
 * packed panel and broadcasts one A value per row. Lane j of accumulator (r, h) is exactly
 * {@code Math.fma(a[r], b[j], acc)} iterated over k, which is what the scalar tile computes.
 *
 * <p>Four variants: wide (two vectors) or narrow (one), each reading A from a packed panel or in
 * place. Their bodies repeat on purpose: every index in the k loop has a constant stride, so C2
 * removes the bounds checks, and no vector crosses a call that C2 might not inline.
 */
final class EightRowTile {
    static final int ROWS = 8;
    private static final VectorSpecies<Float> F = VectorKernels.F;
    private static final int L = F.length();
    private static final int NR = 2 * L;

    private EightRowTile() {}

    /**
     * C[0:mr, 0:nr] = alpha * (A panel * B panel) + beta * C (beta = 0: C not read). The panels
     * are packed k-major, MR rows and NR columns per step, zero-padded.
     */
    static void tile(int kc, float[] ap, int aOff, float[] bp, int bOff, float alpha, float beta,
                     float[] c, int cOff, int ldc, int mr, int nr, float[] scratch, int sOff,
                     float[] bias, int biasAt, boolean relu) {
        FloatVector c00 = FloatVector.zero(F), c01 = FloatVector.zero(F);
        FloatVector c10 = FloatVector.zero(F), c11 = FloatVector.zero(F);
        FloatVector c20 = FloatVector.zero(F), c21 = FloatVector.zero(F);
        FloatVector c30 = FloatVector.zero(F), c31 = FloatVector.zero(F);
        FloatVector c40 = FloatVector.zero(F), c41 = FloatVector.zero(F);
        FloatVector c50 = FloatVector.zero(F), c51 = FloatVector.zero(F);
        FloatVector c60 = FloatVector.zero(F), c61 = FloatVector.zero(F);
        FloatVector c70 = FloatVector.zero(F), c71 = FloatVector.zero(F);
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
            FloatVector a4 = FloatVector.broadcast(F, ap[ai + 4]);
            c40 = a4.fma(b0, c40);
            c41 = a4.fma(b1, c41);
            FloatVector a5 = FloatVector.broadcast(F, ap[ai + 5]);
            c50 = a5.fma(b0, c50);
            c51 = a5.fma(b1, c51);
            FloatVector a6 = FloatVector.broadcast(F, ap[ai + 6]);
            c60 = a6.fma(b0, c60);
            c61 = a6.fma(b1, c61);
            FloatVector a7 = FloatVector.broadcast(F, ap[ai + 7]);
            c70 = a7.fma(b0, c70);
            c71 = a7.fma(b1, c71);
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
        c40.intoArray(scratch, sOff + 4 * NR);
        c41.intoArray(scratch, sOff + 4 * NR + L);
        c50.intoArray(scratch, sOff + 5 * NR);
        c51.intoArray(scratch, sOff + 5 * NR + L);
        c60.intoArray(scratch, sOff + 6 * NR);
        c61.intoArray(scratch, sOff + 6 * NR + L);
        c70.intoArray(scratch, sOff + 7 * NR);
        c71.intoArray(scratch, sOff + 7 * NR + L);
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
        int row4 = aOff + 4 * lda;
        int row5 = aOff + 5 * lda;
        int row6 = aOff + 6 * lda;
        int row7 = aOff + 7 * lda;
        FloatVector c00 = FloatVector.zero(F), c01 = FloatVector.zero(F);
        FloatVector c10 = FloatVector.zero(F), c11 = FloatVector.zero(F);
        FloatVector c20 = FloatVector.zero(F), c21 = FloatVector.zero(F);
        FloatVector c30 = FloatVector.zero(F), c31 = FloatVector.zero(F);
        FloatVector c40 = FloatVector.zero(F), c41 = FloatVector.zero(F);
        FloatVector c50 = FloatVector.zero(F), c51 = FloatVector.zero(F);
        FloatVector c60 = FloatVector.zero(F), c61 = FloatVector.zero(F);
        FloatVector c70 = FloatVector.zero(F), c71 = FloatVector.zero(F);
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
            FloatVector a4 = FloatVector.broadcast(F, a[row4 + p]);
            c40 = a4.fma(b0, c40);
            c41 = a4.fma(b1, c41);
            FloatVector a5 = FloatVector.broadcast(F, a[row5 + p]);
            c50 = a5.fma(b0, c50);
            c51 = a5.fma(b1, c51);
            FloatVector a6 = FloatVector.broadcast(F, a[row6 + p]);
            c60 = a6.fma(b0, c60);
            c61 = a6.fma(b1, c61);
            FloatVector a7 = FloatVector.broadcast(F, a[row7 + p]);
            c70 = a7.fma(b0, c70);
            c71 = a7.fma(b1, c71);
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
        c40.intoArray(scratch, sOff + 4 * NR);
        c41.intoArray(scratch, sOff + 4 * NR + L);
        c50.intoArray(scratch, sOff + 5 * NR);
        c51.intoArray(scratch, sOff + 5 * NR + L);
        c60.intoArray(scratch, sOff + 6 * NR);
        c61.intoArray(scratch, sOff + 6 * NR + L);
        c70.intoArray(scratch, sOff + 7 * NR);
        c71.intoArray(scratch, sOff + 7 * NR + L);
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
        FloatVector c4 = FloatVector.zero(F);
        FloatVector c5 = FloatVector.zero(F);
        FloatVector c6 = FloatVector.zero(F);
        FloatVector c7 = FloatVector.zero(F);
        for (int p = 0; p < kc; p++) {
            int ai = aOff + p * ROWS;
            FloatVector b = FloatVector.fromArray(F, bp, bOff + p * L);
            c0 = FloatVector.broadcast(F, ap[ai]).fma(b, c0);
            c1 = FloatVector.broadcast(F, ap[ai + 1]).fma(b, c1);
            c2 = FloatVector.broadcast(F, ap[ai + 2]).fma(b, c2);
            c3 = FloatVector.broadcast(F, ap[ai + 3]).fma(b, c3);
            c4 = FloatVector.broadcast(F, ap[ai + 4]).fma(b, c4);
            c5 = FloatVector.broadcast(F, ap[ai + 5]).fma(b, c5);
            c6 = FloatVector.broadcast(F, ap[ai + 6]).fma(b, c6);
            c7 = FloatVector.broadcast(F, ap[ai + 7]).fma(b, c7);
        }
        c0.intoArray(scratch, sOff);
        c1.intoArray(scratch, sOff + L);
        c2.intoArray(scratch, sOff + 2 * L);
        c3.intoArray(scratch, sOff + 3 * L);
        c4.intoArray(scratch, sOff + 4 * L);
        c5.intoArray(scratch, sOff + 5 * L);
        c6.intoArray(scratch, sOff + 6 * L);
        c7.intoArray(scratch, sOff + 7 * L);
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
        int row4 = aOff + 4 * lda;
        int row5 = aOff + 5 * lda;
        int row6 = aOff + 6 * lda;
        int row7 = aOff + 7 * lda;
        FloatVector c0 = FloatVector.zero(F);
        FloatVector c1 = FloatVector.zero(F);
        FloatVector c2 = FloatVector.zero(F);
        FloatVector c3 = FloatVector.zero(F);
        FloatVector c4 = FloatVector.zero(F);
        FloatVector c5 = FloatVector.zero(F);
        FloatVector c6 = FloatVector.zero(F);
        FloatVector c7 = FloatVector.zero(F);
        for (int p = 0; p < kc; p++) {
            FloatVector b = FloatVector.fromArray(F, bp, bOff + p * L);
            c0 = FloatVector.broadcast(F, a[row0 + p]).fma(b, c0);
            c1 = FloatVector.broadcast(F, a[row1 + p]).fma(b, c1);
            c2 = FloatVector.broadcast(F, a[row2 + p]).fma(b, c2);
            c3 = FloatVector.broadcast(F, a[row3 + p]).fma(b, c3);
            c4 = FloatVector.broadcast(F, a[row4 + p]).fma(b, c4);
            c5 = FloatVector.broadcast(F, a[row5 + p]).fma(b, c5);
            c6 = FloatVector.broadcast(F, a[row6 + p]).fma(b, c6);
            c7 = FloatVector.broadcast(F, a[row7 + p]).fma(b, c7);
        }
        c0.intoArray(scratch, sOff);
        c1.intoArray(scratch, sOff + L);
        c2.intoArray(scratch, sOff + 2 * L);
        c3.intoArray(scratch, sOff + 3 * L);
        c4.intoArray(scratch, sOff + 4 * L);
        c5.intoArray(scratch, sOff + 5 * L);
        c6.intoArray(scratch, sOff + 6 * L);
        c7.intoArray(scratch, sOff + 7 * L);
        VectorGemmTile.fold(scratch, sOff, L, alpha, beta, c, cOff, ldc, mr, nr, bias, biasAt, relu);
    }
}
