package org.dtc.core;

/**
 * A k x n matrix laid out as {@link Gemm} packs op(B) = B, for {@link Gemm#multiplyByPanels}:
 * column panels of {@link Gemm#NR} columns side by side, each holding all k rows, row after
 * row, the last panel zero-padded to the width of the tile that takes it. Any KC slice of a
 * panel is then already a packed B panel, whatever the slicing.
 *
 * <p>It pays for a B that is multiplied many times and never changes: a training batch of
 * inputs is B of its weight gradient dW = dY^T X at every visit, and packing it costs that
 * multiply a gather of NR floats from each of k rows apart (the batch's rows come from memory).
 * The layout depends on the vector width of the running JVM, so it is made in the process that
 * uses it, never stored.
 */
public final class ColumnPanels {
    /**
     * Where panels put in a new array of many megabytes start on a cache line, as far as Java
     * lets us know one (see {@link Gemm}'s packed panels): the tile loads every row of a panel as
     * vectors, and a vector that straddles two lines costs two cache accesses.
     */
    public static final int LINE_START = Gemm.LINE_START;

    private ColumnPanels() {}

    /** Floats that the panels of a k x n matrix take. */
    public static long size(int k, int n) {
        int full = n / Gemm.NR * Gemm.NR;
        return (long) k * (full + (n == full ? 0 : Gemm.panelWidth(n - full)));
    }

    /**
     * Lays B (k x n, row-major from {@code bOff}, leading dimension {@code ldb}) out as panels
     * from {@code dst[to]}: column j of panel {@code j0} (a multiple of NR), row p, is at
     * {@code to + j0 * k + p * width + j}, width being that panel's padded width.
     */
    public static void pack(float[] b, int bOff, int ldb, int k, int n, float[] dst, int to) {
        Checks.dimensions(k, n, 1);
        Checks.matrix("B", b, bOff, k, n, ldb);
        Checks.vector("panels", dst, to, Math.toIntExact(size(k, n)));
        for (int j0 = 0; j0 < n; j0 += Gemm.NR) {
            Gemm.packPanel(Op.N, b, bOff, ldb, 0, k, j0, Math.min(Gemm.NR, n - j0), dst, to + j0 * k);
        }
    }
}
