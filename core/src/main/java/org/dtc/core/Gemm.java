package org.dtc.core;

import java.util.Arrays;

/**
 * Single-precision matrix multiply C = alpha * op(A) * op(B) + beta * C on row-major arrays,
 * cache-blocked and register-blocked in the manner of BLIS/GotoBLAS, on a fixed pool of threads.
 *
 * <p>Blocking: op(B) is packed once per call, by all threads together, into panels {@code NR}
 * columns wide and at most {@link #KC} deep (zero-padded at the edges). Each thread then takes a
 * band of C, and for each {@link #MC}-row block of it packs op(A), every slice of the inner
 * dimension at once, into panels {@link #MR} rows tall; a register tile multiplies one A panel by
 * one B panel. The B panel (KC x NR floats) stays in L1 while the tile walks down the A block,
 * which stays in L2 together with the block of C that the slices accumulate into.
 *
 * <p>Packing pays only where the packed data is reused. When op(A) fits in 1 MiB it is packed
 * as one block, so each B panel is used once: it is packed into a small per-thread buffer just
 * before use instead of being written out and read back (a weight gradient dW = dY^T X, whose B
 * is a whole batch of inputs). When C has few column panels and op(A) = A, the tile reads A's
 * rows where they lie (the forward pass of a narrow layer, whose A is the batch).
 *
 * <p>Determinism: each output element is one FMA chain over k in ascending order inside every
 * KC slice, the slices folded into C in order; padding adds exact zeros. Threads split C into
 * disjoint rectangles of whole tiles, so the result is bit-identical for any thread count. With
 * {@code dtc.simd.bits=0} the same driver runs the scalar tile, which equals the vector tile bit
 * for bit as long as both use the same panel width.
 *
 * <p>One multiply at a time per instance (the call is synchronized); the workspace is allocated
 * once per worker and reused, so a multiply allocates nothing.
 */
public final class Gemm implements AutoCloseable {
    /**
     * Rows of the register tile: as many as keep its 2 x MR vector accumulators in registers
     * beside the B vectors and a broadcast. Eight with AVX-512's 32 registers; five with the 16 of
     * AVX2 (or SSE), where eight rows spill and run at half speed (see {@link FiveRowTile}). The
     * scalar tile takes any height; it keeps eight.
     */
    static final int MR = Simd.BITS == 0 || Simd.BITS >= 512 ? EightRowTile.ROWS : FiveRowTile.ROWS;
    /** Deepest packed slice: a B panel of KC x NR floats fits in L1 beside its A panel. */
    static final int KC = 256;
    /**
     * Rows of A packed at once, whole tiles: the A block and MC rows of C stay in L2 across the
     * slices.
     */
    static final int MC = 96 / MR * MR;
    /** Floats of packed A per worker: MC rows of every slice while k <= 1024, fewer rows beyond. */
    private static final int A_BLOCK_BUDGET = MC * 1024;
    /**
     * Floats of op(A) (1 MiB) up to which all of it is one block: B panels are then each used
     * once and packed on demand (a weight gradient dW = dY^T X, whose B is the input batch).
     */
    private static final int WHOLE_A_BUDGET = 1 << 18;
    /** Floats of packed B per call (4 MiB); wider B is packed and multiplied in column blocks. */
    private static final int PACKED_B_BUDGET = 1 << 20;
    /**
     * Where the contents of {@link #panels} start: on a 64-byte cache line, as far as Java lets
     * us know one. An array that large is humongous to G1 (the default collector) while its
     * regions are at most 8 MiB (the default below 32 GiB of heap), and large to ZGC and
     * Shenandoah, so it starts on a region boundary and its floats 16 bytes later, after the
     * array header; 12 floats on is a line. A vector load that straddles two lines costs two
     * cache accesses, and the tile loads B's vectors in its innermost loop. Where the guess is
     * wrong the offset costs nothing.
     */
    static final int LINE_START = 12;
    /** Columns of the register tile: two vectors, or 8 for the scalar tile. */
    static final int NR = Simd.BITS == 0 ? 8 : 2 * VectorGemmTile.lanes();
    /** Columns of the narrow tile that takes a last panel of at most this many columns. */
    static final int NR_NARROW = NR / 2;
    /** Up to this many columns of C (8 panels) the wide tile reads op(A) = A in place. */
    static final int IN_PLACE_A_MAX_COLUMNS = 8 * NR;
    /**
     * Whether A's panels can be packed by transposing them in vector registers: eight rows of a
     * panel must fit in one vector.
     */
    private static final boolean VECTOR_TRANSPOSE = Simd.BITS != 0 && MR == 8 && VectorGemmTile.transposes();
    /**
     * Rows of op(A) from which its panels are transposed in vector registers: a test-set-sized A,
     * which comes from memory and is packed once per multiply. Below, a float at a time: the
     * vector transposition's shuffles run slowly until the JIT has compiled them, which costs a
     * training run's first steps more than the transposition saves on batch-sized A.
     */
    private static final int VECTOR_TRANSPOSE_MIN_ROWS = 2048;
    /** Below this many multiply-adds one thread is faster than waking the others. */
    private static final long PARALLEL_THRESHOLD = 1L << 18;

    /** Name of the system property that sets the shared instance's thread count. */
    public static final String THREADS_PROPERTY = "dtc.threads";

    private static volatile Gemm shared;
    private static final ThreadLocal<Gemm> BOUND = new ThreadLocal<>();

    private final WorkerPool pool;
    private final float[][] packedA;
    /**
     * Every worker's vector loads, in one line-aligned array: from {@link #LINE_START}, the
     * packed B (or, when B panels are packed on demand, worker w's panel at w * KC * NR), then
     * {@link #bCapacity} floats on, each worker's MR x NR tile of accumulators.
     */
    private float[] panels;
    private int bCapacity;
    /** Multiply-adds of every multiply so far (m n k each), for counting a computation's work. */
    private long multiplyAdds;

    // The multiply in progress, read by the workers.
    private Op opA;
    private Op opB;
    private int m;
    private int n;
    private int k;
    private float alpha;
    private float[] a;
    private int aOff;
    private int lda;
    private float[] b;
    private int bOff;
    private int ldb;
    private float beta;
    private float[] c;
    private int cOff;
    private int ldc;
    private float[] bias;
    private int biasOff;
    private boolean relu;
    private RowsDone then;
    private boolean keepRows;
    /** Per worker, a block of rows of C that C need not keep (see {@link #multiply}). */
    private final float[][] rowScratch;
    /** Whether each row block is final when its worker leaves it: C split by rows, one column block. */
    private boolean rowsInBlocks;
    private int sliceDepth;
    private int blockRows;
    private boolean bOnDemand;
    /** Whether B came laid out as {@link ColumnPanels}: its panels are used where they lie. */
    private boolean bInPanels;
    /** A (op(A) = A) laid out as {@link ColumnPanels} as well, or null: packed A panels come from there. */
    private float[] aPanels;
    private int aPanelsOff;
    private int jc;
    private int nc;
    private boolean splitRows;
    private int partCount;
    private final WorkerPool.Job packJob = this::packPart;
    private final WorkerPool.Job multiplyJob = this::multiplyPart;

    /** A multiplier with its own pool of {@code threads} threads (the caller counts as one). */
    public Gemm(int threads) {
        pool = new WorkerPool(threads, "dtc-gemm");
        packedA = new float[threads][A_BLOCK_BUDGET];
        rowScratch = new float[threads][0];
        allocatePanels(PACKED_B_BUDGET);
    }

    private void allocatePanels(int bFloats) {
        bCapacity = roundUp(Math.max(bFloats, pool.threads() * KC * NR), 16); // scratch tiles on lines too
        panels = new float[LINE_START + bCapacity + pool.threads() * MR * NR];
    }

    /** The process-wide multiplier, with {@code dtc.threads} threads (default: all processors). */
    public static Gemm shared() {
        Gemm g = shared;
        if (g == null) {
            synchronized (Gemm.class) {
                g = shared;
                if (g == null) {
                    shared = g = new Gemm(defaultThreads());
                }
            }
        }
        return g;
    }

    private static int defaultThreads() {
        String value = System.getProperty(THREADS_PROPERTY);
        if (value == null) {
            return Runtime.getRuntime().availableProcessors();
        }
        try {
            int t = Integer.parseInt(value.trim());
            if (t >= 1) {
                return t;
            }
        } catch (NumberFormatException ignored) {
            // fall through to the error below
        }
        throw new IllegalArgumentException(THREADS_PROPERTY + " must be a positive integer, not '" + value + "'");
    }

    /**
     * The multiplier {@link Kernels#gemm} uses on the calling thread: the one bound to it by
     * {@link #bind}, else the shared one.
     */
    public static Gemm current() {
        Gemm bound = BOUND.get();
        return bound != null ? bound : shared();
    }

    /**
     * Makes {@code gemm} the calling thread's multiplier until the returned binding is closed,
     * so that independent jobs on their own threads multiply on their own pools instead of
     * queuing for the shared one. Results do not depend on the pool (see the class comment).
     */
    public static Binding bind(Gemm gemm) {
        Gemm previous = BOUND.get();
        BOUND.set(gemm);
        return () -> {
            if (previous == null) {
                BOUND.remove();
            } else {
                BOUND.set(previous);
            }
        };
    }

    /**
     * Work on finished rows of C, handed over by {@link #multiply}: called once for each band of
     * rows in a partition of 0..m-1, after the band's values, bias and ReLU included, are final.
     * When the multiply splits C by rows, each band goes to the thread that computed it, while
     * its rows are still in that thread's cache, and bands run concurrently; {@code worker}
     * (0 until {@link #threads()}) tells their threads apart. Otherwise it is called once, for
     * all rows, on the calling thread, as worker 0. Row {@code first + i} of C is at
     * {@code rows[rowsOff + i * ld]}: in C, or in the worker's scratch when the multiply was
     * told that C need not keep them.
     */
    @FunctionalInterface
    public interface RowsDone {
        void rowsDone(int first, int count, int worker, float[] rows, int rowsOff, int ld);
    }

    /** Undoes a {@link #bind}. */
    public interface Binding extends AutoCloseable {
        @Override
        void close();
    }

    /** Threads this multiplier uses. */
    public int threads() {
        return pool.threads();
    }

    /**
     * The multiply-adds this multiplier has performed since it was made: m n k for every
     * multiply of an m x k by a k x n matrix, whatever its alpha, beta or epilogue.
     */
    public synchronized long multiplyAdds() {
        return multiplyAdds;
    }

    /**
     * C = alpha * op(A) * op(B) + beta * C, where op(A) is m x k, op(B) is k x n and C is m x n,
     * each stored row-major from its offset with the given leading dimension (row stride), as
     * BLAS's sgemm takes them. With beta = 0, C is not read, as in BLAS.
     */
    public void multiply(Op opA, Op opB, int m, int n, int k, float alpha, float[] a, int aOff, int lda,
                         float[] b, int bOff, int ldb, float beta, float[] c, int cOff, int ldc) {
        multiply(opA, opB, m, n, k, alpha, a, aOff, lda, b, bOff, ldb, beta, c, cOff, ldc, Epilogue.NONE);
    }

    /**
     * The same multiply, then the epilogue: C[i, j] += bias[biasOff + j] and, with its ReLU,
     * C[i, j] = max(C[i, j], 0), a layer's forward pass. Each tile gets them as its last slice is
     * folded into C, on values still in registers, instead of two more passes over all of C; the
     * values are those of {@link Kernels#axpy} on each row and then {@link Kernels#relu}, to the
     * bit. Finished rows then go to the epilogue's {@code then} (see {@link RowsDone}).
     */
    public synchronized void multiply(Op opA, Op opB, int m, int n, int k, float alpha,
                                      float[] a, int aOff, int lda, float[] b, int bOff, int ldb,
                                      float beta, float[] c, int cOff, int ldc, Epilogue epilogue) {
        Checks.dimensions(m, n, k);
        // Stored shapes: op(A) is m x k, so A is m x k or k x m; likewise B.
        Checks.matrix("A", a, aOff, opA == Op.N ? m : k, opA == Op.N ? k : m, lda);
        Checks.matrix("B", b, bOff, opB == Op.N ? k : n, opB == Op.N ? n : k, ldb);
        Checks.matrix("C", c, cOff, m, n, ldc);
        checkEpilogue(epilogue, n, beta);
        run(opA, opB, m, n, k, alpha, a, aOff, lda, b, bOff, ldb, beta, c, cOff, ldc, epilogue);
    }

    /**
     * C = alpha * op(A) * B + beta * C with B (k x n) given as its {@link ColumnPanels} from
     * {@code panels[panelsOff]}: the same bits as {@link #multiply} with B itself, without packing it.
     */
    public synchronized void multiplyByPanels(Op opA, int m, int n, int k, float alpha, float[] a, int aOff, int lda,
                                              float[] panels, int panelsOff, float beta, float[] c, int cOff,
                                              int ldc) {
        Checks.dimensions(m, n, k);
        Checks.matrix("A", a, aOff, opA == Op.N ? m : k, opA == Op.N ? k : m, lda);
        Checks.vector("B panels", panels, panelsOff, Math.toIntExact(ColumnPanels.size(k, n)));
        Checks.matrix("C", c, cOff, m, n, ldc);
        bInPanels = true;
        try {
            run(opA, Op.N, m, n, k, alpha, a, aOff, lda, panels, panelsOff, n, beta, c, cOff, ldc, Epilogue.NONE);
        } finally {
            bInPanels = false;
        }
    }

    /**
     * C = alpha * A * op(B) + beta * C, then the epilogue, with A (m x k) given both as its rows
     * and as its {@link ColumnPanels} from {@code panels[panelsOff]}: the same bits as
     * {@link #multiply}. Where A is packed, its panels are packed from the column panels; a
     * narrow C reads A's rows in place as usual. A layer's forward pass over a batch whose
     * panels its weight gradient takes too: the batch is then read from memory as panels, and
     * stays in cache for both.
     */
    public synchronized void multiplyPanelsBy(Op opB, int m, int n, int k, float alpha, float[] a, int aOff, int lda,
                                              float[] panels, int panelsOff, float[] b, int bOff, int ldb, float beta,
                                              float[] c, int cOff, int ldc, Epilogue epilogue) {
        Checks.dimensions(m, n, k);
        Checks.matrix("A", a, aOff, m, k, lda);
        Checks.vector("A panels", panels, panelsOff, Math.toIntExact(ColumnPanels.size(m, k)));
        Checks.matrix("B", b, bOff, opB == Op.N ? k : n, opB == Op.N ? n : k, ldb);
        Checks.matrix("C", c, cOff, m, n, ldc);
        checkEpilogue(epilogue, n, beta);
        aPanels = panels;
        aPanelsOff = panelsOff;
        try {
            run(Op.N, opB, m, n, k, alpha, a, aOff, lda, b, bOff, ldb, beta, c, cOff, ldc, epilogue);
        } finally {
            aPanels = null;
        }
    }

    /** An epilogue's bias covers C's n columns; rows that C does not keep are not added to. */
    private static void checkEpilogue(Epilogue epilogue, int n, float beta) {
        if (epilogue.bias() != null) {
            Checks.vector("bias", epilogue.bias(), epilogue.biasOff(), n);
        }
        if (!epilogue.keepRows() && beta != 0f) {
            throw new IllegalArgumentException("rows that C does not keep need beta = 0, not " + beta);
        }
    }

    /** The multiply, its arguments checked. */
    private void run(Op opA, Op opB, int m, int n, int k, float alpha, float[] a, int aOff, int lda,
                     float[] b, int bOff, int ldb, float beta, float[] c, int cOff, int ldc, Epilogue epilogue) {
        float[] bias = epilogue.bias();
        int biasOff = epilogue.biasOff();
        boolean keepRows = epilogue.keepRows();
        if (m == 0 || n == 0) {
            return;
        }
        multiplyAdds += (long) m * n * k;
        this.opA = opA;
        this.opB = opB;
        this.m = m;
        this.n = n;
        this.k = k;
        this.alpha = alpha;
        this.a = a;
        this.aOff = aOff;
        this.lda = lda;
        this.b = b;
        this.bOff = bOff;
        this.ldb = ldb;
        this.beta = beta;
        this.c = c;
        this.cOff = cOff;
        this.ldc = ldc;
        this.bias = bias;
        this.biasOff = biasOff;
        this.relu = epilogue.relu();
        this.then = epilogue.then();
        this.keepRows = keepRows;
        try {
            if (k == 0 || alpha == 0f) {
                scaleC(m, n, beta, c, cOff, ldc);
                applyBiasAndRelu();
                rowsInBlocks = false;
            } else {
                multiplyInBlocks();
            }
            if (then != null && !rowsInBlocks) {
                then.rowsDone(0, m, 0, c, cOff, ldc);
            }
        } finally {
            this.a = null;
            this.b = null;
            this.c = null;
            this.bias = null;
            this.then = null;
        }
    }

    /**
     * The multiply set up in the fields, k > 0 and alpha != 0: B packed per column block, then
     * the row or column bands.
     */
    private void multiplyInBlocks() {
        // Slicing depends on k alone, never on threads or blocks: the bits do not either.
        sliceDepth = sliceDepth(k);
        blockRows = (long) m * k <= WHOLE_A_BUDGET ? roundUp(m, MR)
                : Math.max(MR, Math.min(MC, A_BLOCK_BUDGET / k / MR * MR));
        // With one block of rows, each B panel is used once: packing it into a small buffer
        // just before use beats writing all of op(B) out to memory and reading it back. Panels
        // given ready are used where they lie, like those.
        bOnDemand = bInPanels || m <= blockRows;
        int blockWidth = bOnDemand ? n : Math.max(NR, Math.min(roundUp(n, NR), PACKED_B_BUDGET / k / NR * NR));
        if (!bOnDemand && bCapacity < (long) k * blockWidth) {
            allocatePanels(k * blockWidth); // only for k beyond PACKED_B_BUDGET / NR
        }
        boolean parallel = (long) m * n * k >= PARALLEL_THRESHOLD;
        for (jc = 0; jc < n; jc += blockWidth) {
            nc = Math.min(blockWidth, n - jc);
            int rowTiles = ceilDiv(m, MR);
            int colTiles = ceilDiv(nc, NR);
            splitRows = rowTiles >= colTiles;
            rowsInBlocks = splitRows && nc == n;
            if (!bOnDemand) {
                partCount = parallel ? Math.min(pool.threads(), colTiles) : 1;
                pool.run(packJob, partCount);
            }
            partCount = parallel ? Math.min(pool.threads(), splitRows ? rowTiles : colTiles) : 1;
            pool.run(multiplyJob, partCount);
        }
    }

    /**
     * Depth of the KC slices of an inner dimension k: equal slices (784 = 3 x 262 rather than
     * 256 + 256 + 256 + 16), so that every pass over C does as much work as the others.
     */
    static int sliceDepth(int k) {
        return ceilDiv(k, ceilDiv(k, KC));
    }

    private static void scaleC(int m, int n, float beta, float[] c, int cOff, int ldc) {
        for (int i = 0; i < m; i++) {
            int row = cOff + i * ldc;
            if (beta == 0f) {
                Arrays.fill(c, row, row + n, 0f);
            } else {
                for (int j = 0; j < n; j++) {
                    c[row + j] *= beta;
                }
            }
        }
    }

    /** The epilogue over all of C when no product was taken: + bias, then the ReLU. */
    private void applyBiasAndRelu() {
        for (int i = 0; i < m; i++) {
            int row = cOff + i * ldc;
            if (bias != null) {
                Kernels.axpy(n, 1f, bias, biasOff, c, row);
            }
            if (relu) {
                Kernels.relu(n, c, row, c, row);
            }
        }
    }

    /** Where part p's share of {@code tiles} tiles of {@code size} elements begins (part p + 1's ends it). */
    private int bandStart(int part, int tiles, int size) {
        return (int) ((long) tiles * part / partCount) * size;
    }

    /** Packs part p's share of the B panels of the current column block, every slice. */
    private void packPart(int part, int worker) {
        int panelCount = ceilDiv(nc, NR);
        int first = bandStart(part, panelCount, NR);
        int last = Math.min(bandStart(part + 1, panelCount, NR), nc);
        int ncPadded = roundUp(nc, NR);
        for (int pc = 0; pc < k; pc += sliceDepth) {
            int kc = Math.min(sliceDepth, k - pc);
            for (int j0 = first; j0 < last; j0 += NR) {
                packB(pc, kc, j0, panels, LINE_START + pc * ncPadded + j0 * kc);
            }
        }
    }

    /** Part p owns a band of whole tiles of the current column block: rows or columns. */
    private void multiplyPart(int part, int worker) {
        if (splitRows) {
            int tiles = ceilDiv(m, MR);
            multiplyBlock(bandStart(part, tiles, MR), Math.min(bandStart(part + 1, tiles, MR), m), 0, nc, worker);
        } else {
            int tiles = ceilDiv(nc, NR);
            multiplyBlock(0, m, bandStart(part, tiles, NR), Math.min(bandStart(part + 1, tiles, NR), nc), worker);
        }
    }

    /** C[m0:m1, jc+n0 : jc+n1] on worker {@code w}'s buffers, from the packed or on-demand B panels. */
    private void multiplyBlock(int m0, int m1, int n0, int n1, int w) {
        if (packedA[w].length < blockRows * k) {
            packedA[w] = new float[blockRows * k]; // once: all of a small op(A), or k > A_BLOCK_BUDGET / MR
        }
        float[] ap = packedA[w];
        int scratch = LINE_START + bCapacity + w * MR * NR;
        // Rows that go to the next layer and nowhere else stay in the worker's own block.
        boolean inScratch = rowsInBlocks && !keepRows;
        if (inScratch && rowScratch[w].length < blockRows * n) {
            rowScratch[w] = new float[blockRows * n]; // once per shape: sized for the largest
        }
        float[] out = inScratch ? rowScratch[w] : c;
        int outLd = inScratch ? n : ldc;
        int ncPadded = roundUp(nc, NR);
        // Each A value is used once per B panel. With few panels (a narrow layer, or the 10
        // classes of an output layer) the tile reads A's rows where they lie: packing would cost
        // as much as the multiply.
        boolean aInPlace = opA == Op.N && nc <= IN_PLACE_A_MAX_COLUMNS;
        for (int ic = m0; ic < m1; ic += blockRows) {
            int mc = Math.min(blockRows, m1 - ic);
            int fullRows = aInPlace ? mc / MR * MR : 0;
            int outRow0 = inScratch ? 0 : cOff + ic * ldc + jc;
            packA(ic + fullRows, mc - fullRows, ap);
            // Column panels outside the slices: a tile's next slice comes one pass down the block
            // later, while its MR x NR values of C are still near (1-2% on a test-set-sized A).
            for (int jr = n0; jr < n1; jr += NR) {
                int nr = Math.min(NR, n1 - jr);
                for (int pc = 0; pc < k; pc += sliceDepth) {
                    int kc = Math.min(sliceDepth, k - pc);
                    int biasAt = biasOff + jc + jr;
                    float[] bp = bInPanels ? b : panels;
                    int bPanel = LINE_START + pc * ncPadded + jr * kc;
                    if (bInPanels) {
                        bPanel = bOff + jr * k + pc * panelWidth(nr);
                    } else if (bOnDemand) {
                        bPanel = LINE_START + w * KC * NR;
                        packB(pc, kc, jr, panels, bPanel);
                    }
                    for (int ir = 0; ir < mc; ir += MR) {
                        int mr = Math.min(MR, mc - ir);
                        int cTile = outRow0 + ir * outLd + jr;
                        if (ir < fullRows) {
                            int at = aOff + (ic + ir) * lda + pc;
                            tile(pc, kc, k, a, at, lda, 1, bp, bPanel, alpha, beta, out, cTile, outLd, mr, nr,
                                    panels, scratch, bias, biasAt, relu);
                        } else {
                            int aPanel = (ir - fullRows) * k + pc * MR;
                            tile(pc, kc, k, ap, aPanel, 1, MR, bp, bPanel, alpha, beta, out, cTile, outLd, mr,
                                    nr, panels, scratch, bias, biasAt, relu);
                        }
                    }
                }
            }
            if (rowsInBlocks && then != null) {
                then.rowsDone(ic, mc, w, out, outRow0, outLd);
            }
        }
    }

    /**
     * One register tile's slice pc..pc+kc of a k-deep multiply C = alpha * op(A) * op(B) + beta * C:
     * the first slice folds into beta * C, each later one adds to C, and the last also applies
     * the layer's epilogue (bias and ReLU), on values still in registers. A at
     * {@code ap[aAt + r * aRow + p * aStep]}: packed (aRow 1, aStep MR) or in place (aStep 1);
     * the B panel at {@code bp[bPanel]}, the accumulators parked at {@code sp[scratch]}.
     */
    static void tile(int pc, int kc, int k, float[] ap, int aAt, int aRow, int aStep, float[] bp, int bPanel,
                     float alpha, float beta, float[] c, int cTile, int ldc, int mr, int nr, float[] sp, int scratch,
                     float[] bias, int biasAt, boolean relu) {
        float sliceBeta = pc == 0 ? beta : 1f;
        boolean last = pc + kc == k;
        float[] sliceBias = last ? bias : null;
        boolean sliceRelu = last && relu;
        boolean narrow = nr <= NR_NARROW;
        if (Simd.BITS == 0) {
            ScalarKernels.gemmTile(kc, ap, aAt, aRow, aStep, bp, bPanel, panelWidth(nr), alpha, sliceBeta,
                    c, cTile, ldc, mr, nr, sliceBias, biasAt, sliceRelu);
        } else if (aStep == 1) {
            if (narrow) {
                VectorGemmTile.tileNarrowDirectA(kc, ap, aAt, aRow, bp, bPanel, alpha, sliceBeta, c, cTile, ldc, mr,
                        nr, sp, scratch, sliceBias, biasAt, sliceRelu);
            } else {
                VectorGemmTile.tileDirectA(kc, ap, aAt, aRow, bp, bPanel, alpha, sliceBeta, c, cTile, ldc, mr, nr,
                        sp, scratch, sliceBias, biasAt, sliceRelu);
            }
        } else if (narrow) {
            VectorGemmTile.tileNarrow(kc, ap, aAt, bp, bPanel, alpha, sliceBeta, c, cTile, ldc, mr, nr, sp,
                    scratch, sliceBias, biasAt, sliceRelu);
        } else {
            VectorGemmTile.tile(kc, ap, aAt, bp, bPanel, alpha, sliceBeta, c, cTile, ldc, mr, nr, sp, scratch,
                    sliceBias, biasAt, sliceRelu);
        }
    }

    /** Packs the panel of op(B)[pc:pc+kc, jc+j0 : jc+j0+NR] of the current column block. */
    private void packB(int pc, int kc, int j0, float[] dst, int to) {
        packPanel(opB, b, bOff, ldb, pc, kc, jc + j0, Math.min(NR, nc - j0), dst, to);
    }

    /**
     * Packs op(B)[p0:p0+kc, col0:col0+width] (width at most NR) k-major from {@code dst[to]},
     * zero-padded to {@link #panelWidth}: NR columns, or NR_NARROW for the narrow tile.
     */
    static void packPanel(Op opB, float[] b, int bOff, int ldb, int p0, int kc, int col0, int width,
                          float[] dst, int to) {
        int panelWidth = panelWidth(width);
        if (opB == Op.N) {
            boolean vectorRows = width == NR && Simd.BITS != 0;
            for (int p = 0; p < kc; p++) {
                int from = bOff + (p0 + p) * ldb + col0;
                int row = to + p * panelWidth;
                if (vectorRows) {
                    VectorGemmTile.copyPanelRow(b, from, dst, row);
                } else {
                    System.arraycopy(b, from, dst, row, width);
                    Arrays.fill(dst, row + width, row + panelWidth, 0f);
                }
            }
            return;
        }
        packTransposed(b, bOff, ldb, p0, kc, col0, width, panelWidth, dst, to);
    }

    /** Floats per k step of the packed panel that holds {@code width} columns. */
    static int panelWidth(int width) {
        return width <= NR_NARROW ? NR_NARROW : NR;
    }

    /**
     * op(B)[p, j] = B[j, p]: eight stored rows at a time, each read in order, written as eight
     * packed columns side by side (eight read streams at once keep the memory system busier than
     * one row at a time). A method of its own, so that the plain copy above compiles as before.
     */
    private static void packTransposed(float[] b, int bOff, int ldb, int p0, int kc, int col0, int width,
                                       int panelWidth, float[] dst, int to) {
        int jj = 0;
        for (; jj + 8 <= width; jj += 8) {
            packEightRows(b, bOff + (col0 + jj) * ldb + p0, ldb, kc, dst, to + jj, panelWidth);
        }
        for (; jj < width; jj++) {
            int from = bOff + (col0 + jj) * ldb + p0;
            for (int p = 0; p < kc; p++) {
                dst[to + p * panelWidth + jj] = b[from + p];
            }
        }
        for (; jj < panelWidth; jj++) {
            for (int p = 0; p < kc; p++) {
                dst[to + p * panelWidth + jj] = 0f;
            }
        }
    }

    /**
     * Packs op(A)[ic:ic+mc, 0:k] as panels of MR rows, k-major, zero-padded to MR: every slice
     * at once, so that A is read in long runs (a stored row of op(A) = A is one run). Short runs
     * per slice leave the memory system waiting between them.
     * Element (r, p) of the panel of rows i0.. sits at {@code i0 * k + p * MR + r}.
     */
    private void packA(int ic, int mc, float[] dst) {
        if (aPanels != null) {
            packFromColumnPanels(ic, mc, dst);
            return;
        }
        for (int i0 = 0; i0 < mc; i0 += MR) {
            int height = Math.min(MR, mc - i0);
            int base = i0 * k;
            if (opA == Op.T) {
                // MR floats per stored row: a plain loop beats System.arraycopy's call, and
                // without a test per float when all MR are there.
                for (int p = 0; p < k; p++) {
                    int to = base + p * MR;
                    int from = aOff + p * lda + ic + i0;
                    if (height == MR) {
                        for (int ii = 0; ii < MR; ii++) {
                            dst[to + ii] = a[from + ii];
                        }
                    } else {
                        for (int ii = 0; ii < MR; ii++) {
                            dst[to + ii] = ii < height ? a[from + ii] : 0f;
                        }
                    }
                }
            } else if (height == MR) {
                if (VECTOR_TRANSPOSE && m >= VECTOR_TRANSPOSE_MIN_ROWS) {
                    VectorGemmTile.packEightRows(a, aOff + (ic + i0) * lda, lda, k, dst, base);
                } else {
                    packFullPanel(a, aOff + (ic + i0) * lda, lda, k, dst, base);
                }
            } else {
                packShortPanel(a, aOff + (ic + i0) * lda, lda, height, k, dst, base);
            }
        }
    }

    /**
     * {@link #packA}'s panels of rows ic .. ic + mc - 1 from A's column panels, a column panel at
     * a time: its rows of the block are one run in memory (mc x NR floats), read in order.
     */
    private void packFromColumnPanels(int ic, int mc, float[] dst) {
        for (int j0 = 0; j0 < k; j0 += NR) {
            int width = Math.min(NR, k - j0);
            int stride = panelWidth(width);
            int panel = aPanelsOff + j0 * m;
            for (int i0 = 0; i0 < mc; i0 += MR) {
                int height = Math.min(MR, mc - i0);
                int from = panel + (ic + i0) * stride;
                int to = i0 * k + j0 * MR;
                if (height == MR) {
                    packFullPanel(aPanels, from, stride, width, dst, to);
                } else {
                    packShortPanel(aPanels, from, stride, height, width, dst, to);
                }
            }
        }
    }

    /**
     * A panel of MR stored rows, {@code ld} apart from {@code src[from]}, {@code count} floats
     * each, k-major: float p of row r goes to {@code dst[to + p * MR + r]}.
     */
    private static void packFullPanel(float[] src, int from, int ld, int count, float[] dst, int to) {
        if (MR == 8) {
            packEightRows(src, from, ld, count, dst, to, MR);
        } else {
            packFiveRows(src, from, ld, count, dst, to);
        }
    }

    /**
     * A panel of fewer than MR stored rows ({@code rows} of them, {@code ld} apart from
     * {@code src[from]}, {@code count} floats each), k-major and zero-padded to MR rows: float p
     * of row r goes to {@code dst[to + p * MR + r]}.
     */
    static void packShortPanel(float[] src, int from, int ld, int rows, int count, float[] dst, int to) {
        for (int r = 0; r < MR; r++) {
            int row = from + r * ld;
            for (int p = 0; p < count; p++) {
                dst[to + p * MR + r] = r < rows ? src[row + p] : 0f;
            }
        }
    }

    /**
     * Eight stored rows of {@code count} floats, {@code ld} apart from {@code src[from]}, read side
     * by side, each in order: float p of row r goes to {@code dst[to + p * step + r]}, so that the
     * destination is written in order (a row at a time would write every step-th float).
     */
    static void packEightRows(float[] src, int from, int ld, int count, float[] dst, int to, int step) {
        int from1 = from + ld;
        int from2 = from1 + ld;
        int from3 = from2 + ld;
        int from4 = from3 + ld;
        int from5 = from4 + ld;
        int from6 = from5 + ld;
        int from7 = from6 + ld;
        for (int p = 0; p < count; p++) {
            int at = to + p * step;
            dst[at] = src[from + p];
            dst[at + 1] = src[from1 + p];
            dst[at + 2] = src[from2 + p];
            dst[at + 3] = src[from3 + p];
            dst[at + 4] = src[from4 + p];
            dst[at + 5] = src[from5 + p];
            dst[at + 6] = src[from6 + p];
            dst[at + 7] = src[from7 + p];
        }
    }

    /** {@link #packEightRows} for a panel of five rows: float p of row r goes to {@code dst[to + p * 5 + r]}. */
    static void packFiveRows(float[] src, int from, int ld, int count, float[] dst, int to) {
        int from1 = from + ld;
        int from2 = from1 + ld;
        int from3 = from2 + ld;
        int from4 = from3 + ld;
        for (int p = 0; p < count; p++) {
            int at = to + p * 5;
            dst[at] = src[from + p];
            dst[at + 1] = src[from1 + p];
            dst[at + 2] = src[from2 + p];
            dst[at + 3] = src[from3 + p];
            dst[at + 4] = src[from4 + p];
        }
    }

    private static int ceilDiv(int x, int y) {
        return (x + y - 1) / y;
    }

    private static int roundUp(int x, int multiple) {
        return ceilDiv(x, multiple) * multiple;
    }

    @Override
    public void close() {
        pool.close();
    }
}
