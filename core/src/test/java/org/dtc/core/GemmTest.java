package org.dtc.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.fail;

import java.util.ArrayList;
import java.util.List;
import org.ejml.data.FMatrixRMaj;
import org.ejml.dense.row.CommonOps_FDRM;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * GEMM in all four layouts against the textbook triple loop and EJML, on shapes that hit every
 * edge of the blocking (1, 2, tile sizes +-1, primes, 513, more than one K slice), with offsets
 * and leading dimensions wider than the rows; and bit-identical results for 1, 2 and 4 threads.
 */
class GemmTest {
    private static Gemm one;
    private static Gemm two;
    private static Gemm four;

    @BeforeAll
    static void pools() {
        one = new Gemm(1);
        two = new Gemm(2);
        four = new Gemm(4);
    }

    @AfterAll
    static void close() {
        one.close();
        two.close();
        four.close();
    }

    /** (m, k, n) triples: each special size in each position, the others ordinary. */
    private static List<int[]> shapes() {
        int[] special = {1, 2, Gemm.MR - 1, Gemm.MR + 1, Gemm.NR_NARROW, Gemm.NR_NARROW + 1, Gemm.NR - 1,
            Gemm.NR + 1, Gemm.NR + Gemm.NR_NARROW, 13, 97, 513};
        List<int[]> shapes = new ArrayList<>();
        for (int v : special) {
            shapes.add(new int[] {v, 37, 29});
            shapes.add(new int[] {29, v, 37});
            shapes.add(new int[] {37, 29, v});
        }
        shapes.add(new int[] {Gemm.KC * 2 + 3, Gemm.KC + 1, 3 * Gemm.NR + 5}); // two K slices, many tiles
        shapes.add(new int[] {513, 513, 513});
        // Enough rows, and more than 8 panels of C, for A to be packed by transposing it in vector registers.
        shapes.add(new int[] {2048 + 9, 37, 9 * Gemm.NR + 3});
        return shapes;
    }

    @Test
    void allLayoutsMatchTheTripleLoopAndEjml() {
        RandomStream random = new RandomStream(21);
        for (int[] shape : shapes()) {
            for (Op opA : Op.values()) {
                for (Op opB : Op.values()) {
                    checkAgainstReferences(random, shape[0], shape[1], shape[2], opA, opB, 1.25f, 0.5f);
                }
            }
        }
    }

    @Test
    void alphaAndBetaCombineAsSpecified() {
        RandomStream random = new RandomStream(22);
        float[][] alphaBeta = {{1f, 0f}, {-2f, 1f}, {0.5f, -3f}, {1f, 1f}};
        for (float[] ab : alphaBeta) {
            checkAgainstReferences(random, 70, 300, 45, Op.N, Op.T, ab[0], ab[1]);
            checkAgainstReferences(random, 19, 3, 100, Op.T, Op.N, ab[0], ab[1]);
        }
    }

    /** k * NR beyond the packed-B budget (2^20 floats): the panel buffer grows, its scratch tiles with it. */
    @Test
    void aDeepInnerDimensionGrowsThePackingBuffers() {
        RandomStream random = new RandomStream(25);
        checkAgainstReferences(random, 20, 40_000, 40, Op.N, Op.N, 1f, 0.5f);
        checkAgainstReferences(random, 20, 40_000, 40, Op.T, Op.T, -1f, 0f);
    }

    /**
     * The fused bias and ReLU give the bits of the multiply followed by Kernels.axpy on each row
     * and Kernels.relu: blocks of rows, a single block, A in place, a deep k, k = 0 and alpha = 0.
     */
    @Test
    void biasAndReluAppliedInTheMultiplyEqualTheSeparateSteps() {
        RandomStream random = new RandomStream(26);
        int[][] shapes = {{200, 784, 300}, {37, 50, 29}, {300, 100, 100}, {20, 40_000, 40}, {5, 0, 7}};
        float[][] alphaBeta = {{1f, 0f}, {-2f, 0.5f}, {0f, 1f}};
        for (int[] s : shapes) {
            int m = s[0];
            int k = s[1];
            int n = s[2];
            for (Op opA : Op.values()) {
                for (Op opB : Op.values()) {
                    for (float[] ab : alphaBeta) {
                        int aCols = opA == Op.N ? k : m;
                        int bCols = opB == Op.N ? n : k;
                        int lda = Math.max(1, aCols);
                        int ldb = Math.max(1, bCols);
                        float[] a = TestArrays.matrix(random, 0, opA == Op.N ? m : k, aCols, lda);
                        float[] b = TestArrays.matrix(random, 0, opB == Op.N ? k : n, bCols, ldb);
                        float[] bias = TestArrays.floats(random, 2, n, 0);
                        float[] c = TestArrays.matrix(random, 1, m, n + 3, n + 3);
                        float[] separate = c.clone();
                        one.multiply(opA, opB, m, n, k, ab[0], a, 0, lda, b, 0, ldb, ab[1], separate, 1, n + 3);
                        float[] noBias = separate.clone();
                        Kernels.relu(noBias.length, noBias, 0, noBias, 0);
                        for (int i = 0; i < m; i++) {
                            Kernels.axpy(n, 1f, bias, 2, separate, 1 + i * (n + 3));
                        }
                        float[] reluOnly = separate.clone();
                        Kernels.relu(separate.length, separate, 0, separate, 0);
                        String what = m + "x" + k + "x" + n + ":" + opA + opB + " alpha=" + ab[0] + " beta=" + ab[1];
                        for (Gemm g : new Gemm[] {one, two, four}) {
                            float[] fused = c.clone();
                            g.multiply(opA, opB, m, n, k, ab[0], a, 0, lda, b, 0, ldb, ab[1], fused, 1, n + 3,
                                    Epilogue.layer(bias, 2, true));
                            assertThat(fused).as("bias and ReLU, %d threads, %s", g.threads(), what).isEqualTo(
                                    keepPadding(separate, c, m, n, n + 3));
                            float[] biasOnly = c.clone();
                            g.multiply(opA, opB, m, n, k, ab[0], a, 0, lda, b, 0, ldb, ab[1], biasOnly, 1, n + 3,
                                    Epilogue.layer(bias, 2, false));
                            assertThat(biasOnly).as("bias, %d threads, %s", g.threads(), what).isEqualTo(reluOnly);
                            float[] unbiased = c.clone();
                            g.multiply(opA, opB, m, n, k, ab[0], a, 0, lda, b, 0, ldb, ab[1], unbiased, 1, n + 3,
                                    Epilogue.layer(null, 0, true));
                            assertThat(unbiased).as("ReLU, %d threads, %s", g.threads(), what).isEqualTo(
                                    keepPadding(noBias, c, m, n, n + 3));
                        }
                    }
                }
            }
        }
    }

    /** The expected C: {@code result} inside the m x n matrix at offset 1, {@code original} around it. */
    private static float[] keepPadding(float[] result, float[] original, int m, int n, int ldc) {
        float[] expected = original.clone();
        for (int i = 0; i < m; i++) {
            System.arraycopy(result, 1 + i * ldc, expected, 1 + i * ldc, n);
        }
        return expected;
    }

    @Test
    void betaZeroDoesNotReadC() {
        float[] a = {1, 2, 3, 4};
        float[] b = {5, 6, 7, 8};
        float[] c = {Float.NaN, Float.NaN, Float.POSITIVE_INFINITY, Float.NaN};
        one.multiply(Op.N, Op.N, 2, 2, 2, 1f, a, 0, 2, b, 0, 2, 0f, c, 0, 2);
        assertThat(c).containsExactly(19f, 22f, 43f, 50f);
    }

    @Test
    void emptyInnerDimensionScalesC() {
        float[] c = {1, 2, 3, 4};
        one.multiply(Op.N, Op.N, 2, 2, 0, 1f, new float[0], 0, 1, new float[0], 0, 2, 3f, c, 0, 2);
        assertThat(c).containsExactly(3f, 6f, 9f, 12f);
        one.multiply(Op.N, Op.N, 2, 2, 0, 1f, new float[0], 0, 1, new float[0], 0, 2, 0f, c, 0, 2);
        assertThat(c).containsExactly(0f, 0f, 0f, 0f);
    }

    @Test
    void resultsAreBitIdenticalForOneTwoAndFourThreads() {
        RandomStream random = new RandomStream(23);
        int[][] shapes = {{512, 784, 512}, {513, 257, 130}, {37, 600, 777}, {1000, 64, 10}, {7, 900, 1030},
            {300, 100, Gemm.NR * 7 + Gemm.NR_NARROW}};
        for (int[] s : shapes) {
            for (Op opA : Op.values()) {
                for (Op opB : Op.values()) {
                    int m = s[0];
                    int k = s[1];
                    int n = s[2];
                    float[] a = TestArrays.matrix(random, 0, opA == Op.N ? m : k, opA == Op.N ? k : m,
                            opA == Op.N ? k : m);
                    float[] b = TestArrays.matrix(random, 0, opB == Op.N ? k : n, opB == Op.N ? n : k,
                            opB == Op.N ? n : k);
                    float[] c0 = TestArrays.matrix(random, 0, m, n, n);
                    float[] c1 = c0.clone();
                    float[] c2 = c0.clone();
                    float[] c4 = c0.clone();
                    int lda = opA == Op.N ? k : m;
                    int ldb = opB == Op.N ? n : k;
                    one.multiply(opA, opB, m, n, k, 0.75f, a, 0, lda, b, 0, ldb, 0.5f, c1, 0, n);
                    two.multiply(opA, opB, m, n, k, 0.75f, a, 0, lda, b, 0, ldb, 0.5f, c2, 0, n);
                    four.multiply(opA, opB, m, n, k, 0.75f, a, 0, lda, b, 0, ldb, 0.5f, c4, 0, n);
                    String what = m + "x" + k + "x" + n + ":" + opA + opB;
                    assertThat(c2).as("2 threads vs 1, %s", what).isEqualTo(c1);
                    assertThat(c4).as("4 threads vs 1, %s", what).isEqualTo(c1);
                }
            }
        }
    }

    /** Steady state allocates nothing on the calling thread (the JVM's per-thread counter). */
    @Test
    void aMultiplyAllocatesNothingOnceWarm() {
        // Vectors wider than the hardware's are emulated by the Vector API, which allocates them.
        org.junit.jupiter.api.Assumptions.assumeFalse(Simd.emulated(), "wider vectors than the hardware's");
        com.sun.management.ThreadMXBean threads =
                (com.sun.management.ThreadMXBean) java.lang.management.ManagementFactory.getThreadMXBean();
        // C sized exactly, its last panels partial (70 = 2 x 32 + 6; 20 < 32): the last rows'
        // stores end the array, where a masked vector store would leave its intrinsic.
        for (int n : new int[] {70, 20}) {
            float[] a = new float[200 * 300];
            float[] b = new float[300 * n];
            float[] c = new float[200 * n];
            int quiet = 0;
            for (int attempt = 0; attempt < 40_000 && quiet < 200; attempt++) {
                long before = threads.getCurrentThreadAllocatedBytes();
                two.multiply(Op.N, Op.T, 200, n, 300, 1f, a, 0, 300, b, 0, 300, attempt % 2, c, 0, n);
                quiet = threads.getCurrentThreadAllocatedBytes() == before ? quiet + 1 : 0;
            }
            assertThat(quiet).as("warm multiplies in a row that allocated nothing, n = " + n).isEqualTo(200);
        }
    }

    @Test
    void theSharedMultiplierIsTheOneKernelsUses() {
        float[] a = {1, 2, 3, 4, 5, 6};
        float[] b = {1, 0, 0, 1, 1, 1};
        float[] c = new float[4];
        Kernels.gemm(Op.N, Op.N, 2, 2, 3, 1f, a, 0, 3, b, 0, 2, 0f, c, 0, 2);
        assertThat(c).containsExactly(4f, 5f, 10f, 11f);
        assertThat(Gemm.shared().threads()).isEqualTo(Runtime.getRuntime().availableProcessors());
    }

    @Test
    void aBoundMultiplierIsTheCallingThreadsUntilTheBindingCloses() throws Exception {
        try (Gemm own = new Gemm(1); Gemm inner = new Gemm(1)) {
            try (Gemm.Binding outer = Gemm.bind(own)) {
                assertThat(Gemm.current()).isSameAs(own);
                Thread other = new Thread(() -> assertThat(Gemm.current()).isSameAs(Gemm.shared()));
                other.start();
                other.join();
                try (Gemm.Binding nested = Gemm.bind(inner)) {
                    assertThat(Gemm.current()).isSameAs(inner);
                }
                assertThat(Gemm.current()).isSameAs(own);
            }
            assertThat(Gemm.current()).isSameAs(Gemm.shared());
        }
    }

    @Test
    void matrixViewsAreCheckedForAgreeingShapes() {
        FloatMatrix a = FloatMatrix.zeros(3, 4);
        FloatMatrix b = FloatMatrix.zeros(5, 2);
        FloatMatrix c = FloatMatrix.zeros(3, 2);
        assertThatThrownBy(() -> Kernels.gemm(Op.N, Op.N, 1f, a, b, 0f, c))
                .hasMessage("gemm shapes disagree: opN(A) is 3 x 4, opN(B) is 5 x 2, C is 3 x 2");
        FloatMatrix big = FloatMatrix.wrap(new float[] {1, 2, 3, 4, 5, 6, 7, 8, 9}, 3, 3);
        FloatMatrix product = FloatMatrix.zeros(2, 2);
        // The top-left 2 x 2 of big times its bottom-right 2 x 2, as views of one array.
        Kernels.gemm(Op.N, Op.N, 1f, big.view(0, 0, 2, 2), big.view(1, 1, 2, 2), 0f, product);
        assertThat(product.data()).containsExactly(1 * 5 + 2 * 8, 1 * 6 + 2 * 9, 4 * 5 + 5 * 8, 4 * 6 + 5 * 9);
    }

    @Test
    void badArgumentsNameTheOperand() {
        float[] small = new float[6];
        assertThatThrownBy(() -> one.multiply(Op.N, Op.N, 2, 2, 3, 1f, small, 0, 3, small, 1, 2, 0f, small, 0, 2))
                .hasMessageContaining("B: a 3 x 2 matrix at offset 1 with leading dimension 2 needs 7 elements, the array has 6")
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> one.multiply(Op.T, Op.N, 2, 2, 3, 1f, small, 0, 1, small, 0, 2, 0f, small, 0, 2))
                .hasMessageContaining("A: leading dimension 1 is less than the 2 columns");
        assertThatThrownBy(() -> one.multiply(Op.N, Op.N, -1, 2, 3, 1f, small, 0, 3, small, 0, 2, 0f, small, 0, 2))
                .hasMessageContaining("negative dimension: m=-1");
    }

    /**
     * Vector and scalar register tiles on the same packed panels: each output is the same FMA
     * chain, so the two agree to the bit, which is why thread count and SIMD width never change
     * a GEMM result.
     */
    @Test
    void packingAInVectorRegistersEqualsPackingAFloatAtATime() {
        if (!Simd.vectorized() || !VectorGemmTile.transposes()) {
            return; // no vector packing at this width: the GEMM tests cover the scalar one
        }
        RandomStream random = new RandomStream(25);
        int lanes = VectorGemmTile.lanes();
        for (int count : new int[] {0, 1, lanes - 1, lanes, lanes + 1, 3 * lanes + 5, 784}) {
            int ld = count + 7;
            float[] src = TestArrays.floats(random, 0, 3 + 8 * ld, 0);
            float[] scalar = TestArrays.floats(random, 0, 2 + 8 * count + 5, 0);
            float[] vector = scalar.clone();
            Gemm.packEightRows(src, 3, ld, count, scalar, 2, 8);
            VectorGemmTile.packEightRows(src, 3, ld, count, vector, 2);
            assertThat(vector).as("%d columns", count).isEqualTo(scalar);
        }
    }

    /** The five-row packing lays a panel out as the general one (short panels') does, zero rows aside. */
    @Test
    void packingFiveRowsEqualsPackingRowByRow() {
        RandomStream random = new RandomStream(26);
        for (int count : new int[] {0, 1, 7, 262, 784}) {
            int ld = count + 5;
            float[] src = TestArrays.floats(random, 0, 3 + 5 * ld, 0);
            float[] expected = new float[2 + 5 * count + 3];
            for (int r = 0; r < 5; r++) {
                for (int p = 0; p < count; p++) {
                    expected[2 + p * 5 + r] = src[3 + r * ld + p];
                }
            }
            float[] packed = new float[expected.length];
            Gemm.packFiveRows(src, 3, ld, count, packed, 2);
            assertThat(packed).as("%d columns", count).isEqualTo(expected);
        }
    }

    @Test
    void vectorTileEqualsScalarTileBitForBit() {
        if (!Simd.vectorized()) {
            return; // the scalar tile is the only one in this JVM; the other runs cover the vector one
        }
        RandomStream random = new RandomStream(24);
        int nr = Gemm.NR;
        // Each tile also runs with the layer epilogue: no bias and no ReLU, a bias from an offset, both.
        float[] biasValues = TestArrays.floats(random, 0, 5 + nr, 0);
        for (int kc : new int[] {1, 2, 17, Gemm.KC}) {
            float[] ap = TestArrays.floats(random, 0, kc * Gemm.MR, 0);
            float[] bp = TestArrays.floats(random, 0, kc * nr, 0);
            for (int mr : new int[] {1, Gemm.MR - 1, Gemm.MR}) {
                for (int e = 0; e < 3; e++) {
                    float[] bias = e == 0 ? null : biasValues;
                    boolean relu = e == 2;
                    String epilogue = "bias=" + (bias != null) + " relu=" + relu;
                    // Alpha 1 with beta 0 and 1 (every slice of a layer), and others.
                    for (int w : new int[] {1, nr - 1, nr}) {
                        for (float[] ab : new float[][] {{1f, 0f}, {1f, 1f}, {1.5f, 0f}, {1.5f, 1f}, {1f, -0.5f}}) {
                            float alpha = ab[0];
                            float beta = ab[1];
                            float[] cVector = TestArrays.floats(random, 0, Gemm.MR * (nr + 3), 0);
                            // Signed zero, NaN and infinity in C go through the fold as through the scalar one.
                            cVector[1] = -0f;
                            cVector[nr + 4] = Float.NaN;
                            cVector[2 * (nr + 3) + 2] = Float.NEGATIVE_INFINITY;
                            float[] cScalar = cVector.clone();
                            VectorGemmTile.tile(kc, ap, 0, bp, 0, alpha, beta, cVector, 0, nr + 3, mr, w,
                                    new float[3 + Gemm.MR * nr], 3, bias, 5, relu);
                            ScalarKernels.gemmTile(kc, ap, 0, 1, Gemm.MR, bp, 0, nr, alpha, beta, cScalar, 0, nr + 3,
                                    mr, w, bias, 5, relu);
                            assertThat(cVector).as("kc=%d mr=%d nr=%d alpha=%s beta=%s %s", kc, mr, w, alpha, beta,
                                    epilogue).isEqualTo(cScalar);
                            // A in place: rows kc + 3 apart (a leading dimension longer than the row).
                            float[] aRows = TestArrays.floats(random, 0, Gemm.MR * (kc + 3), 0);
                            float[] cDirect = cVector.clone();
                            float[] cDirectScalar = cVector.clone();
                            VectorGemmTile.tileDirectA(kc, aRows, 2, kc + 3, bp, 0, alpha, beta, cDirect, 0, nr + 3,
                                    mr, w, new float[3 + Gemm.MR * nr], 3, bias, 5, relu);
                            ScalarKernels.gemmTile(kc, aRows, 2, kc + 3, 1, bp, 0, nr, alpha, beta, cDirectScalar, 0,
                                    nr + 3, mr, w, bias, 5, relu);
                            assertThat(cDirect).as("A in place kc=%d mr=%d nr=%d alpha=%s beta=%s %s", kc, mr, w,
                                    alpha, beta, epilogue).isEqualTo(cDirectScalar);
                        }
                    }
                    int narrow = Gemm.NR_NARROW;
                    for (int w : new int[] {1, narrow - 1, narrow}) {
                        for (float beta : new float[] {0f, 2f}) {
                            float[] cVector = TestArrays.floats(random, 0, Gemm.MR * (narrow + 1), 0);
                            float[] cScalar = cVector.clone();
                            VectorGemmTile.tileNarrow(kc, ap, 0, bp, 0, -0.5f, beta, cVector, 0, narrow + 1, mr, w,
                                    new float[3 + Gemm.MR * narrow], 3, bias, 5, relu);
                            ScalarKernels.gemmTile(kc, ap, 0, 1, Gemm.MR, bp, 0, narrow, -0.5f, beta, cScalar, 0,
                                    narrow + 1, mr, w, bias, 5, relu);
                            assertThat(cVector).as("narrow kc=%d mr=%d nr=%d beta=%s %s", kc, mr, w, beta, epilogue)
                                    .isEqualTo(cScalar);
                            // A in place, rows kc + 3 apart; C ends right after the tile, so a store
                            // beyond nr would fail (the masked fold must not touch those lanes).
                            float[] aRows = TestArrays.floats(random, 0, Gemm.MR * (kc + 3), 0);
                            float[] cDirect = TestArrays.floats(random, 0, (mr - 1) * (narrow + 1) + w, 0);
                            float[] cDirectScalar = cDirect.clone();
                            VectorGemmTile.tileNarrowDirectA(kc, aRows, 1, kc + 3, bp, 0, -0.5f, beta, cDirect, 0,
                                    narrow + 1, mr, w, new float[3 + Gemm.MR * narrow], 3, bias, 5, relu);
                            ScalarKernels.gemmTile(kc, aRows, 1, kc + 3, 1, bp, 0, narrow, -0.5f, beta, cDirectScalar,
                                    0, narrow + 1, mr, w, bias, 5, relu);
                            assertThat(cDirect).as("narrow, A in place, kc=%d mr=%d nr=%d beta=%s %s", kc, mr, w,
                                    beta, epilogue).isEqualTo(cDirectScalar);
                        }
                    }
                }
            }
        }
    }

    private static void checkAgainstReferences(RandomStream random, int m, int k, int n, Op opA, Op opB,
                                               float alpha, float beta) {
        int aRows = opA == Op.N ? m : k;
        int aCols = opA == Op.N ? k : m;
        int bRows = opB == Op.N ? k : n;
        int bCols = opB == Op.N ? n : k;
        int offA = 3;
        int offB = 1;
        int offC = 2;
        int lda = aCols + 5;
        int ldb = bCols + 2;
        int ldc = n + 7;
        float[] a = TestArrays.matrix(random, offA, aRows, aCols, lda);
        float[] b = TestArrays.matrix(random, offB, bRows, bCols, ldb);
        float[] c = TestArrays.matrix(random, offC, m, n, ldc);
        float[] ours = c.clone();
        Kernels.gemm(opA, opB, m, n, k, alpha, a, offA, lda, b, offB, ldb, beta, ours, offC, ldc);
        float[] loop = c.clone();
        ScalarKernels.gemm(opA, opB, m, n, k, alpha, a, offA, lda, b, offB, ldb, beta, loop, offC, ldc);

        FMatrixRMaj ea = new FMatrixRMaj(aRows, aCols, true, TestArrays.dense(a, offA, aRows, aCols, lda));
        FMatrixRMaj eb = new FMatrixRMaj(bRows, bCols, true, TestArrays.dense(b, offB, bRows, bCols, ldb));
        FMatrixRMaj product = new FMatrixRMaj(m, n);
        if (opA == Op.N && opB == Op.N) {
            CommonOps_FDRM.mult(ea, eb, product);
        } else if (opA == Op.T && opB == Op.N) {
            CommonOps_FDRM.multTransA(ea, eb, product);
        } else if (opA == Op.N) {
            CommonOps_FDRM.multTransB(ea, eb, product);
        } else {
            CommonOps_FDRM.multTransAB(ea, eb, product);
        }

        String what = m + "x" + k + "x" + n + ":" + opA + opB + " alpha=" + alpha + " beta=" + beta;
        // Inputs lie in [-1, 1], so |alpha| k + |beta| bounds the sum of magnitudes; k + 2 terms
        // counting alpha's product and beta's. Each side is within the bound of the exact value.
        double bound = 2 * Bounds.floatSum(k + 2, Math.abs(alpha) * k + Math.abs(beta));
        for (int i = 0; i < m; i++) {
            for (int j = 0; j < n; j++) {
                int idx = offC + i * ldc + j;
                double ejml = (double) alpha * product.get(i, j) + (double) beta * c[idx];
                double got = ours[idx];
                if (!(Math.abs(got - loop[idx]) <= bound && Math.abs(got - ejml) <= bound)) {
                    fail("%s: C[%d,%d] = %s, triple loop %s, EJML %s, bound %s", what, i, j, got, loop[idx], ejml, bound);
                }
            }
        }
        TestArrays.assertOutsideUnchanged(c, ours, offC, m, n, ldc);
    }
}
