package org.dtc.core;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorSpecies;

/**
 * The register tile for 256- and 128-bit vectors: five rows by two vectors of columns, ten
 * accumulators. AVX2 has 16 vector registers: eight rows' sixteen accumulators do not fit beside
 * the B vectors and a broadcast, and spilled accumulators halve the tile's speed (as twelve do,
 * from six rows or three vectors: C2 then spills). Ten fit, with two more FMA chains than the
 * eight that two FMA units with a latency of four cycles need, so a late load does not stall
 * them, and five broadcasts per ten FMAs instead of four per eight. Otherwise it is
 * {@link EightRowTile} with five rows: the same lanes, the same FMA chain per element, and its
 * four variants repeated on purpose for the same reason (constant strides, no vector crossing a
 * call); but it steps its A index itself and leaves the fold into C to its caller (see
 * {@link #tile}).
 */
final class FiveRowTile {
    static final int ROWS = 5;
    private static final VectorSpecies<Float> F = VectorKernels.F;
    private static final int L = F.length();
    private static final int NR = 2 * L;

    private FiveRowTile() {}

    /**
     * A panel * B panel into {@code scratch[sOff]}, five rows of NR floats, for the caller to fold
     * into C. The panels are packed k-major, five rows and NR columns per step, zero-padded. The
     * fold stays out of the tile, so that only the loop's own values live in it: ten
     * accumulators, two B vectors and a broadcast, 13 of AVX2's 16 registers.
     */
    static void tile(int kc, float[] ap, int aOff, float[] bp, int bOff, float[] scratch, int sOff) {
        FloatVector c00 = FloatVector.zero(F), c01 = FloatVector.zero(F);
        FloatVector c10 = FloatVector.zero(F), c11 = FloatVector.zero(F);
        FloatVector c20 = FloatVector.zero(F), c21 = FloatVector.zero(F);
        FloatVector c30 = FloatVector.zero(F), c31 = FloatVector.zero(F);
        FloatVector c40 = FloatVector.zero(F), c41 = FloatVector.zero(F);
        // Stepping the A index itself: C2 keeps the bounds checks of aOff + p * 5 inside the loop
        // (not of aOff + p * 4), which costs the tile more than half its speed.
        int aEnd = aOff + kc * ROWS;
        for (int ai = aOff, bi = bOff; ai < aEnd; ai += ROWS, bi += NR) {
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
        }
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
    }

    /**
     * The same tile reading op(A) = A where it lies, row r of the tile at {@code a[aOff + r * lda]}:
     * for a C with few column panels, where packing A would cost as much as the multiply.
     */
    static void tileDirectA(int kc, float[] a, int aOff, int lda, float[] bp, int bOff, float[] scratch, int sOff) {
        // Row starts hoisted: the loop then indexes each row with unit stride, which lets C2
        // drop the bounds checks (a stride parameter in the loop costs 15-20% of the tile).
        int row0 = aOff;
        int row1 = aOff + lda;
        int row2 = aOff + 2 * lda;
        int row3 = aOff + 3 * lda;
        int row4 = aOff + 4 * lda;
        FloatVector c00 = FloatVector.zero(F), c01 = FloatVector.zero(F);
        FloatVector c10 = FloatVector.zero(F), c11 = FloatVector.zero(F);
        FloatVector c20 = FloatVector.zero(F), c21 = FloatVector.zero(F);
        FloatVector c30 = FloatVector.zero(F), c31 = FloatVector.zero(F);
        FloatVector c40 = FloatVector.zero(F), c41 = FloatVector.zero(F);
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
        }
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
    }

    /**
     * The same for a narrow B panel, one vector wide (the last columns of a matrix whose width
     * leaves at most L of them): half the work of padding them to a full tile.
     */
    static void tileNarrow(int kc, float[] ap, int aOff, float[] bp, int bOff, float[] scratch, int sOff) {
        FloatVector c0 = FloatVector.zero(F);
        FloatVector c1 = FloatVector.zero(F);
        FloatVector c2 = FloatVector.zero(F);
        FloatVector c3 = FloatVector.zero(F);
        FloatVector c4 = FloatVector.zero(F);
        int aEnd = aOff + kc * ROWS;
        for (int ai = aOff, bi = bOff; ai < aEnd; ai += ROWS, bi += L) {
            FloatVector b = FloatVector.fromArray(F, bp, bi);
            c0 = FloatVector.broadcast(F, ap[ai]).fma(b, c0);
            c1 = FloatVector.broadcast(F, ap[ai + 1]).fma(b, c1);
            c2 = FloatVector.broadcast(F, ap[ai + 2]).fma(b, c2);
            c3 = FloatVector.broadcast(F, ap[ai + 3]).fma(b, c3);
            c4 = FloatVector.broadcast(F, ap[ai + 4]).fma(b, c4);
        }
        c0.intoArray(scratch, sOff);
        c1.intoArray(scratch, sOff + L);
        c2.intoArray(scratch, sOff + 2 * L);
        c3.intoArray(scratch, sOff + 3 * L);
        c4.intoArray(scratch, sOff + 4 * L);
    }

    /** The narrow tile reading op(A) = A in place, as {@link #tileDirectA} does. */
    static void tileNarrowDirectA(int kc, float[] a, int aOff, int lda, float[] bp, int bOff, float[] scratch,
                                  int sOff) {
        int row0 = aOff;
        int row1 = aOff + lda;
        int row2 = aOff + 2 * lda;
        int row3 = aOff + 3 * lda;
        int row4 = aOff + 4 * lda;
        FloatVector c0 = FloatVector.zero(F);
        FloatVector c1 = FloatVector.zero(F);
        FloatVector c2 = FloatVector.zero(F);
        FloatVector c3 = FloatVector.zero(F);
        FloatVector c4 = FloatVector.zero(F);
        for (int p = 0; p < kc; p++) {
            FloatVector b = FloatVector.fromArray(F, bp, bOff + p * L);
            c0 = FloatVector.broadcast(F, a[row0 + p]).fma(b, c0);
            c1 = FloatVector.broadcast(F, a[row1 + p]).fma(b, c1);
            c2 = FloatVector.broadcast(F, a[row2 + p]).fma(b, c2);
            c3 = FloatVector.broadcast(F, a[row3 + p]).fma(b, c3);
            c4 = FloatVector.broadcast(F, a[row4 + p]).fma(b, c4);
        }
        c0.intoArray(scratch, sOff);
        c1.intoArray(scratch, sOff + L);
        c2.intoArray(scratch, sOff + 2 * L);
        c3.intoArray(scratch, sOff + 3 * L);
        c4.intoArray(scratch, sOff + 4 * L);
    }
}
