package org.dtc.core;

/**
 * op(B) packed once into {@link Gemm}'s panels, for multiplying many bands of rows by it on any
 * thread: a network's next layer taking the rows that a {@link Gemm.RowsDone} hands over while
 * they are in cache. {@link #multiplyRows} computes exactly what
 * {@code Gemm.multiply(Op.N, opB, rows, n, k, 1, A, B, 0, C, Epilogue.layer(bias, relu))} does, to the bit: the
 * same KC slices folded into C in order, the same register tiles, each reading A's rows where
 * they lie (a band of a few rows is used once per column panel, so packing it would not pay).
 *
 * <p>Each worker has its own scratch, so calls on different workers may run at once; calls on
 * one worker may not.
 */
public final class PackedB {
    private static final int MR = Gemm.MR;
    private static final int NR = Gemm.NR;

    private final int k;
    private final int n;
    private final int sliceDepth;
    private final int paddedWidth;
    private final int workers;
    /** The panels, slice after slice, then each worker's accumulators (MR x NR) and A rows (MR x k). */
    private final float[] panels;

    private PackedB(int k, int n, int workers) {
        this.k = k;
        this.n = n;
        this.workers = workers;
        sliceDepth = Gemm.sliceDepth(k);
        paddedWidth = (n + NR - 1) / NR * NR;
        panels = new float[k * paddedWidth + workers * (MR * NR + MR * k)];
    }

    /**
     * Packs op(B), k x n with k and n at least 1, stored row-major from {@code bOff} with leading
     * dimension {@code ldb}, for use by {@code workers} threads (worker 0 until workers).
     */
    public static PackedB pack(Op opB, int k, int n, float[] b, int bOff, int ldb, int workers) {
        if (k < 1 || n < 1 || workers < 1) {
            throw new IllegalArgumentException("packed B needs k, n and workers of at least 1, not k=" + k + ", n=" + n
                    + ", workers=" + workers);
        }
        PackedB packed = new PackedB(k, n, workers);
        packed.repack(opB, b, bOff, ldb);
        return packed;
    }

    /** Packs new values of an op(B) of the same shape, k x n, in place of the old. */
    public void repack(Op opB, float[] b, int bOff, int ldb) {
        Checks.matrix("B", b, bOff, opB == Op.N ? k : n, opB == Op.N ? n : k, ldb);
        for (int pc = 0; pc < k; pc += sliceDepth) {
            int kc = Math.min(sliceDepth, k - pc);
            for (int j0 = 0; j0 < n; j0 += NR) {
                Gemm.packPanel(opB, b, bOff, ldb, pc, kc, j0, Math.min(NR, n - j0), panels, panelAt(pc, kc, j0));
            }
        }
    }

    /** Rows of op(B): the inner dimension. */
    public int k() {
        return k;
    }

    /** Columns of op(B). */
    public int n() {
        return n;
    }

    /** Threads that may multiply at once, each with its own worker index. */
    public int workers() {
        return workers;
    }

    /**
     * C[0:rows, 0:n] = A[0:rows, 0:k] * op(B), then + bias[biasOff + j] unless bias is null, then
     * the ReLU when {@code relu}; C is not read. Runs on the calling thread with worker
     * {@code worker}'s scratch.
     */
    public void multiplyRows(int rows, float[] a, int aOff, int lda, float[] c, int cOff, int ldc,
                             float[] bias, int biasOff, boolean relu, int worker) {
        Checks.matrix("A", a, aOff, rows, k, lda);
        Checks.matrix("C", c, cOff, rows, n, ldc);
        if (bias != null) {
            Checks.vector("bias", bias, biasOff, n);
        }
        if (worker < 0 || worker >= workers) {
            throw new IllegalArgumentException("worker " + worker + " of a B packed for " + workers);
        }
        int scratch = k * paddedWidth + worker * (MR * NR + MR * k);
        int aRows = scratch + MR * NR;
        for (int i0 = 0; i0 < rows; i0 += MR) {
            int mr = Math.min(MR, rows - i0);
            // The tile reads MR rows of A in place; a last, shorter band is copied out, zero-padded.
            if (mr < MR) {
                Gemm.packShortPanel(a, aOff + i0 * lda, lda, mr, k, panels, aRows);
            }
            for (int jr = 0; jr < n; jr += NR) {
                int nr = Math.min(NR, n - jr);
                for (int pc = 0; pc < k; pc += sliceDepth) {
                    int kc = Math.min(sliceDepth, k - pc);
                    int cTile = cOff + i0 * ldc + jr;
                    int bPanel = panelAt(pc, kc, jr);
                    if (mr == MR) {
                        Gemm.tile(pc, kc, k, a, aOff + i0 * lda + pc, lda, 1, panels, bPanel, 1f, 0f, c, cTile, ldc,
                                mr, nr, panels, scratch, bias, biasOff + jr, relu);
                    } else {
                        Gemm.tile(pc, kc, k, panels, aRows + pc * MR, 1, MR, panels, bPanel, 1f, 0f, c, cTile, ldc,
                                mr, nr, panels, scratch, bias, biasOff + jr, relu);
                    }
                }
            }
        }
    }

    /** Where the panel of columns j0.. of the slice from pc (kc deep) starts: Gemm's layout. */
    private int panelAt(int pc, int kc, int j0) {
        return pc * paddedWidth + j0 * kc;
    }
}
