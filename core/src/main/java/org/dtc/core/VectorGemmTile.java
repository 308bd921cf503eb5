package org.dtc.core;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorShuffle;
import jdk.incubator.vector.VectorSpecies;

/**
 * What the GEMM's vector register tiles share: the choice between them ({@link EightRowTile} at
 * 512 bits, {@link FiveRowTile} below, as {@link Gemm#MR} says), folding a tile's accumulators
 * into C with the layer's epilogue, and packing A and B panels with whole vectors.
 */
final class VectorGemmTile {
    private static final VectorSpecies<Float> F = VectorKernels.F;
    private static final int L = F.length();
    private static final int MR = Gemm.MR;
    /** Rows {@link #packEightRows} transposes at once. */
    private static final int EIGHT = 8;
    private static final int NR = 2 * L;
    /**
     * Two-vector shuffles that interleave groups of 1, 2 and 4 lanes of their two inputs, from
     * the low half (LO) or the high half (HI): three rounds of them transpose 8 x L floats.
     * Only where eight rows fit in a vector (not at 128 bits).
     */
    private static final VectorShuffle<Float> LO1 = transposes() ? interleave(1, 0) : null;
    private static final VectorShuffle<Float> HI1 = transposes() ? interleave(1, L / 2) : null;
    private static final VectorShuffle<Float> LO2 = transposes() ? interleave(2, 0) : null;
    private static final VectorShuffle<Float> HI2 = transposes() ? interleave(2, L / 2) : null;
    private static final VectorShuffle<Float> LO4 = transposes() ? interleave(4, 0) : null;
    private static final VectorShuffle<Float> HI4 = transposes() ? interleave(4, L / 2) : null;

    private VectorGemmTile() {}

    static int lanes() {
        return L;
    }

    /** Whether {@link #packEightRows} works at this width: eight rows must fit in a vector. */
    static boolean transposes() {
        return L >= EIGHT;
    }

    /**
     * g lanes of the first vector, then g of the second (exceptional indexes, lane - L), in turn,
     * from lane {@code from} of each.
     */
    private static VectorShuffle<Float> interleave(int g, int from) {
        int[] lanes = new int[L];
        for (int out = 0, group = 0; out < L; group++) {
            for (int j = 0; j < g; j++) {
                lanes[out++] = from + group * g + j;
            }
            for (int j = 0; j < g; j++) {
                lanes[out++] = from + group * g + j - L;
            }
        }
        return VectorShuffle.fromArray(F, lanes, 0);
    }

    /**
     * Packs eight rows of A, {@code ld} apart from {@code src[from]}, k-major: float p of row r
     * goes to {@code dst[to + p * 8 + r]}, as Gemm's scalar packing does. L columns of the eight
     * rows are transposed in registers by three rounds of interleaving (rows 0-1, 2-3, 4-5, 6-7;
     * then pairs; then quadruples) and written as eight whole vectors instead of a float at a
     * time. The columns beyond a multiple of L go a float at a time.
     */
    static void packEightRows(float[] src, int from, int ld, int count, float[] dst, int to) {
        int p = 0;
        for (; p + L <= count; p += L) {
            FloatVector r0 = FloatVector.fromArray(F, src, from + p);
            FloatVector r1 = FloatVector.fromArray(F, src, from + ld + p);
            FloatVector r2 = FloatVector.fromArray(F, src, from + 2 * ld + p);
            FloatVector r3 = FloatVector.fromArray(F, src, from + 3 * ld + p);
            FloatVector r4 = FloatVector.fromArray(F, src, from + 4 * ld + p);
            FloatVector r5 = FloatVector.fromArray(F, src, from + 5 * ld + p);
            FloatVector r6 = FloatVector.fromArray(F, src, from + 6 * ld + p);
            FloatVector r7 = FloatVector.fromArray(F, src, from + 7 * ld + p);
            FloatVector t0 = r0.rearrange(LO1, r1);
            FloatVector t1 = r0.rearrange(HI1, r1);
            FloatVector t2 = r2.rearrange(LO1, r3);
            FloatVector t3 = r2.rearrange(HI1, r3);
            FloatVector t4 = r4.rearrange(LO1, r5);
            FloatVector t5 = r4.rearrange(HI1, r5);
            FloatVector t6 = r6.rearrange(LO1, r7);
            FloatVector t7 = r6.rearrange(HI1, r7);
            FloatVector u0 = t0.rearrange(LO2, t2);
            FloatVector u1 = t0.rearrange(HI2, t2);
            FloatVector u2 = t1.rearrange(LO2, t3);
            FloatVector u3 = t1.rearrange(HI2, t3);
            FloatVector u4 = t4.rearrange(LO2, t6);
            FloatVector u5 = t4.rearrange(HI2, t6);
            FloatVector u6 = t5.rearrange(LO2, t7);
            FloatVector u7 = t5.rearrange(HI2, t7);
            // Each output vector holds L / 8 columns of the eight rows, in column order.
            int at = to + p * EIGHT;
            u0.rearrange(LO4, u4).intoArray(dst, at);
            u0.rearrange(HI4, u4).intoArray(dst, at + L);
            u1.rearrange(LO4, u5).intoArray(dst, at + 2 * L);
            u1.rearrange(HI4, u5).intoArray(dst, at + 3 * L);
            u2.rearrange(LO4, u6).intoArray(dst, at + 4 * L);
            u2.rearrange(HI4, u6).intoArray(dst, at + 5 * L);
            u3.rearrange(LO4, u7).intoArray(dst, at + 6 * L);
            u3.rearrange(HI4, u7).intoArray(dst, at + 7 * L);
        }
        for (; p < count; p++) {
            int at = to + p * EIGHT;
            for (int r = 0; r < EIGHT; r++) {
                dst[at + r] = src[from + r * ld + p];
            }
        }
    }

    /** The register tile of {@link Gemm#MR} rows: C[0:mr, 0:nr] = alpha * (A panel * B panel) + beta * C. */
    static void tile(int kc, float[] ap, int aOff, float[] bp, int bOff, float alpha, float beta,
                     float[] c, int cOff, int ldc, int mr, int nr, float[] scratch, int sOff,
                     float[] bias, int biasAt, boolean relu) {
        if (MR == EightRowTile.ROWS) {
            EightRowTile.tile(kc, ap, aOff, bp, bOff, alpha, beta, c, cOff, ldc, mr, nr, scratch, sOff, bias, biasAt,
                    relu);
        } else {
            FiveRowTile.tile(kc, ap, aOff, bp, bOff, scratch, sOff);
            fold(scratch, sOff, NR, alpha, beta, c, cOff, ldc, mr, nr, bias, biasAt, relu);
        }
    }

    /** The register tile reading op(A) = A where it lies, row r at {@code a[aOff + r * lda]}. */
    static void tileDirectA(int kc, float[] a, int aOff, int lda, float[] bp, int bOff, float alpha, float beta,
                            float[] c, int cOff, int ldc, int mr, int nr, float[] scratch, int sOff,
                            float[] bias, int biasAt, boolean relu) {
        if (MR == EightRowTile.ROWS) {
            EightRowTile.tileDirectA(kc, a, aOff, lda, bp, bOff, alpha, beta, c, cOff, ldc, mr, nr, scratch, sOff,
                    bias, biasAt, relu);
        } else {
            FiveRowTile.tileDirectA(kc, a, aOff, lda, bp, bOff, scratch, sOff);
            fold(scratch, sOff, NR, alpha, beta, c, cOff, ldc, mr, nr, bias, biasAt, relu);
        }
    }

    /** The register tile for a narrow B panel, one vector wide. */
    static void tileNarrow(int kc, float[] ap, int aOff, float[] bp, int bOff, float alpha, float beta,
                           float[] c, int cOff, int ldc, int mr, int nr, float[] scratch, int sOff,
                           float[] bias, int biasAt, boolean relu) {
        if (MR == EightRowTile.ROWS) {
            EightRowTile.tileNarrow(kc, ap, aOff, bp, bOff, alpha, beta, c, cOff, ldc, mr, nr, scratch, sOff, bias,
                    biasAt, relu);
        } else {
            FiveRowTile.tileNarrow(kc, ap, aOff, bp, bOff, scratch, sOff);
            fold(scratch, sOff, L, alpha, beta, c, cOff, ldc, mr, nr, bias, biasAt, relu);
        }
    }

    /** The narrow register tile reading op(A) = A in place. */
    static void tileNarrowDirectA(int kc, float[] a, int aOff, int lda, float[] bp, int bOff, float alpha,
                                  float beta, float[] c, int cOff, int ldc, int mr, int nr, float[] scratch, int sOff,
                                  float[] bias, int biasAt, boolean relu) {
        if (MR == EightRowTile.ROWS) {
            EightRowTile.tileNarrowDirectA(kc, a, aOff, lda, bp, bOff, alpha, beta, c, cOff, ldc, mr, nr, scratch,
                    sOff, bias, biasAt, relu);
        } else {
            FiveRowTile.tileNarrowDirectA(kc, a, aOff, lda, bp, bOff, scratch, sOff);
            fold(scratch, sOff, L, alpha, beta, c, cOff, ldc, mr, nr, bias, biasAt, relu);
        }
    }


    /** Copies the NR floats of one packed B row. */
    static void copyPanelRow(float[] src, int from, float[] dst, int to) {
        FloatVector.fromArray(F, src, from).intoArray(dst, to);
        FloatVector.fromArray(F, src, from + L).intoArray(dst, to + L);
    }

    /**
     * C[0:mr, 0:nr] = alpha * acc + beta * C, with the arithmetic of {@link ScalarKernels#combine};
     * row r of the accumulators starts at {@code acc[accOff + r * width]}. Then, on the last slice
     * of a layer's multiply, {@link ScalarKernels#epilogue}'s bias (unless null; column j's at
     * {@code bias[biasAt + j]}) and ReLU, while the values are still in registers.
     */
    static void fold(float[] acc, int accOff, int width, float alpha, float beta, float[] c, int cOff, int ldc,
                             int mr, int nr, float[] bias, int biasAt, boolean relu) {
        if (nr < width) {
            foldPart(acc, accOff, width, alpha, beta, c, cOff, ldc, mr, nr, bias, biasAt, relu);
            return;
        }
        FloatVector a = FloatVector.broadcast(F, alpha);
        for (int r = 0; r < mr; r++) {
            for (int h = 0; h < width; h += L) {
                int ci = cOff + r * ldc + h;
                FloatVector v = FloatVector.fromArray(F, acc, accOff + r * width + h);
                v = beta == 0f ? v.mul(a) : v.fma(a, FloatVector.fromArray(F, c, ci).mul(beta));
                if (bias != null) {
                    v = v.add(FloatVector.fromArray(F, bias, biasAt + h));
                }
                if (relu) {
                    v = v.max(0f);
                }
                v.intoArray(c, ci);
            }
        }
    }

    /**
     * The last columns of C, nr of them, a float at a time. Masked vector stores would do it in
     * fewer instructions, but the Vector API falls back to allocating code for them at 128 and
     * 256 bits, and at any width where the full vector would pass the end of C.
     */
    private static void foldPart(float[] acc, int accOff, int width, float alpha, float beta, float[] c, int cOff, int ldc,
                                 int mr, int nr, float[] bias, int biasAt, boolean relu) {
        for (int r = 0; r < mr; r++) {
            for (int j = 0; j < nr; j++) {
                int ci = cOff + r * ldc + j;
                float v = ScalarKernels.combine(acc[accOff + r * width + j], alpha, beta, c[ci]);
                c[ci] = ScalarKernels.epilogue(v, bias, biasAt + j, relu);
            }
        }
    }
}
