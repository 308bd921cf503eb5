package org.dtc.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.ejml.data.FMatrixRMaj;
import org.ejml.dense.row.CommonOps_FDRM;
import org.ejml.dense.row.mult.VectorVectorMult_FDRM;
import org.junit.jupiter.api.Test;

/**
 * Level-1 and level-2 float kernels, as dispatched by {@link Kernels} at this JVM's SIMD width,
 * against their scalar twins and against EJML, at every length of {@link TestArrays#lengths()}
 * and at offsets that are not multiples of the lane count.
 */
class FloatKernelsTest {
    private static final int OFF_A = 3;
    private static final int OFF_B = 5;

    @Test
    void dotMatchesScalarTwinAndEjml() {
        RandomStream random = new RandomStream(1);
        for (int n : TestArrays.lengths()) {
            float[] a = TestArrays.floats(random, OFF_A, n, 2);
            float[] b = TestArrays.floats(random, OFF_B, n, 2);
            double exact = 0;
            double abs = 0;
            for (int i = 0; i < n; i++) {
                exact += (double) a[OFF_A + i] * b[OFF_B + i];
                abs += Math.abs((double) a[OFF_A + i] * b[OFF_B + i]);
            }
            float ours = Kernels.dot(a, OFF_A, b, OFF_B, n);
            float twin = ScalarKernels.dot(a, OFF_A, b, OFF_B, n);
            float ejml = VectorVectorMult_FDRM.innerProd(
                    vector(TestArrays.dense(a, OFF_A, 1, n, n)), vector(TestArrays.dense(b, OFF_B, 1, n, n)));
            double bound = Bounds.floatSum(n, abs);
            Bounds.assertClose((double) ours, exact, bound, "dot n=%d vs exact", n);
            Bounds.assertClose(ours, twin, (float) (2 * bound), "dot n=%d vs scalar twin", n);
            Bounds.assertClose(ours, ejml, (float) (2 * bound), "dot n=%d vs EJML", n);
        }
    }

    @Test
    void sumsMatchScalarTwinAndEjml() {
        RandomStream random = new RandomStream(2);
        for (int n : TestArrays.lengths()) {
            float[] x = TestArrays.floats(random, OFF_A, n, 1);
            double abs = 0;
            for (int i = 0; i < n; i++) {
                abs += Math.abs(x[OFF_A + i]);
            }
            float bound = (float) (2 * Bounds.floatSum(n, abs));
            float ejml = CommonOps_FDRM.elementSum(vector(TestArrays.dense(x, OFF_A, 1, n, n)));
            Bounds.assertClose(Kernels.sum(x, OFF_A, n), ScalarKernels.sum(x, OFF_A, n), bound, "sum n=%d", n);
            Bounds.assertClose(Kernels.sum(x, OFF_A, n), ejml, bound, "sum n=%d", n);
        }
    }

    @Test
    void rowAndColumnSumsMatchEjmlAndStayInTheirView() {
        RandomStream random = new RandomStream(3);
        for (int rows : new int[] {1, 2, 7, 33}) {
            for (int cols : TestArrays.lengths()) {
                int ld = cols + 3;
                float[] a = TestArrays.matrix(random, OFF_A, rows, cols, ld);
                FMatrixRMaj dense = new FMatrixRMaj(rows, cols, true, TestArrays.dense(a, OFF_A, rows, cols, ld));

                float[] rowSums = TestArrays.floats(random, 1, rows, 1);
                float[] rowBefore = rowSums.clone();
                Kernels.rowSums(rows, cols, a, OFF_A, ld, rowSums, 1);
                FMatrixRMaj ejmlRows = CommonOps_FDRM.sumRows(dense, null);
                float[] rowTwin = new float[rows];
                ScalarKernels.rowSums(rows, cols, a, OFF_A, ld, rowTwin, 0);
                float rowBound = (float) (2 * Bounds.floatSum(cols, cols));
                for (int i = 0; i < rows; i++) {
                    Bounds.assertClose(rowSums[1 + i], ejmlRows.get(i), rowBound, "row sum %d of %d x %d", i, rows, cols);
            Bounds.assertClose(rowSums[1 + i], rowTwin[i], rowBound, "row sum %d of %d x %d", i, rows, cols);
                }
                TestArrays.assertOutsideUnchanged(rowBefore, rowSums, 1, 1, rows, rows);

                float[] colSums = TestArrays.floats(random, 2, cols, 1);
                float[] colBefore = colSums.clone();
                Kernels.columnSums(rows, cols, a, OFF_A, ld, colSums, 2);
                FMatrixRMaj ejmlCols = CommonOps_FDRM.sumCols(dense, null);
                float[] colTwin = new float[cols];
                ScalarKernels.columnSums(rows, cols, a, OFF_A, ld, colTwin, 0);
                float colBound = (float) (2 * Bounds.floatSum(rows, rows));
                for (int j = 0; j < cols; j++) {
                    // Same order of additions as the twin: equal to the bit.
                    assertThat(colSums[2 + j]).as("column sum %d of %d x %d", j, rows, cols).isEqualTo(colTwin[j]);
                    Bounds.assertClose(colSums[2 + j], ejmlCols.get(j), colBound, "column sum %d of %d x %d", j, rows, cols);
                }
                TestArrays.assertOutsideUnchanged(colBefore, colSums, 2, 1, cols, cols);
            }
        }
    }

    /** Short rows (gathered, a row per lane), long rows (row by row), and the rows left over. */
    private static int[] rowCounts() {
        int lanes = Math.max(Simd.bits() / Float.SIZE, 4);
        return new int[] {1, 2, lanes - 1, lanes, lanes + 1, 2 * lanes + 3, 1000};
    }

    /**
     * Row maxima against a loop of comparisons on ordinary values, and bit for bit against the
     * Math.max twin on rows full of NaN, both zeros and infinities (NaN wins, +0 beats -0).
     */
    @Test
    void rowMaxFindsEachRowsLargestValue() {
        RandomStream random = new RandomStream(31);
        for (int rows : rowCounts()) {
            for (int cols : new int[] {0, 1, 2, 10, 17, 64, 65, 200}) {
                float[] a = TestArrays.floats(random, OFF_A, rows * cols, 2);
                float[] out = TestArrays.floats(random, 1, rows, 1);
                float[] before = out.clone();
                Kernels.rowMax(rows, cols, a, OFF_A, out, 1);
                for (int i = 0; i < rows; i++) {
                    float expected = Float.NEGATIVE_INFINITY;
                    for (int j = 0; j < cols; j++) {
                        float v = a[OFF_A + i * cols + j];
                        expected = v > expected ? v : expected;
                    }
                    assertThat(out[1 + i]).as("max of row %d of %d x %d", i, rows, cols).isEqualTo(expected);
                }
                TestArrays.assertOutsideUnchanged(before, out, 1, 1, rows, rows);
            }
        }
        float[] specials = {Float.NaN, -0f, 0f, Float.POSITIVE_INFINITY, Float.NEGATIVE_INFINITY, -1f, 1f};
        for (int rows : rowCounts()) {
            int cols = 10;
            float[] a = new float[rows * cols];
            for (int i = 0; i < a.length; i++) {
                // Mostly zeros of either sign, a few of the other specials.
                a[i] = specials[random.nextLong(8) < 6 ? 1 + (int) random.nextLong(2) : (int) random.nextLong(specials.length)];
            }
            float[] out = new float[rows];
            float[] twin = new float[rows];
            Kernels.rowMax(rows, cols, a, 0, out, 0);
            ScalarKernels.rowMax(rows, cols, a, 0, twin, 0);
            for (int i = 0; i < rows; i++) {
                assertThat(Float.floatToRawIntBits(out[i])).as("row %d of %d with specials", i, rows)
                        .isEqualTo(Float.floatToRawIntBits(twin[i]));
            }
        }
    }

    @Test
    void axpyAndScaleMatchScalarTwinExactlyAndEjmlWithinOneRounding() {
        RandomStream random = new RandomStream(4);
        float alpha = -0.375f;
        for (int n : TestArrays.lengths()) {
            float[] x = TestArrays.floats(random, OFF_A, n, 2);
            float[] y = TestArrays.floats(random, OFF_B, n, 2);
            float[] ours = y.clone();
            float[] twin = y.clone();
            Kernels.axpy(n, alpha, x, OFF_A, ours, OFF_B);
            ScalarKernels.axpy(n, alpha, x, OFF_A, twin, OFF_B);
            // Both fuse the multiply-add: one rounding each, in the same place.
            assertThat(ours).as("axpy n=%d", n).isEqualTo(twin);
            FMatrixRMaj ejml = new FMatrixRMaj(1, n);
            CommonOps_FDRM.add(vector(TestArrays.dense(y, OFF_B, 1, n, n)), alpha,
                    vector(TestArrays.dense(x, OFF_A, 1, n, n)), ejml);
            for (int i = 0; i < n; i++) {
                // Ours rounds once (u of the result), EJML twice (u of the product, u of the sum).
                float tol = (float) (3 * Bounds.FLOAT_U * (Math.abs(y[OFF_B + i]) + Math.abs(alpha * x[OFF_A + i])));
                Bounds.assertClose(ours[OFF_B + i], ejml.get(i), tol, "axpy n=%d i=%d vs EJML", n, i);
            }
            TestArrays.assertOutsideUnchanged(y, ours, OFF_B, 1, n, n);

            float[] scaled = x.clone();
            Kernels.scale(n, alpha, scaled, OFF_A);
            FMatrixRMaj ejmlScaled = vector(TestArrays.dense(x, OFF_A, 1, n, n));
            CommonOps_FDRM.scale(alpha, ejmlScaled);
            for (int i = 0; i < n; i++) {
                assertThat(scaled[OFF_A + i]).as("scale n=%d i=%d", n, i).isEqualTo(ejmlScaled.get(i));
            }
            TestArrays.assertOutsideUnchanged(x, scaled, OFF_A, 1, n, n);
        }
    }

    @Test
    void elementwiseMaxReluAndMasksMatchTheirDefinitions() {
        RandomStream random = new RandomStream(5);
        for (int n : TestArrays.lengths()) {
            float[] a = TestArrays.floats(random, OFF_A, n, 2);
            float[] b = TestArrays.floats(random, OFF_B, n, 2);
            if (n > 3) {
                a[OFF_A] = Float.NaN;       // NaN must survive max and relu
                a[OFF_A + 1] = -0.0f;       // max(-0, 0) is +0
                b[OFF_B + 2] = a[OFF_A + 2]; // ties go to a in the mask
            }
            float[] out = TestArrays.floats(random, 1, n, 1);
            float[] before = out.clone();
            Kernels.max(n, a, OFF_A, b, OFF_B, out, 1);
            for (int i = 0; i < n; i++) {
                assertThat(Float.floatToIntBits(out[1 + i])).as("max n=%d i=%d", n, i)
                        .isEqualTo(Float.floatToIntBits(Math.max(a[OFF_A + i], b[OFF_B + i])));
            }
            TestArrays.assertOutsideUnchanged(before, out, 1, 1, n, n);

            Kernels.maxMask(n, a, OFF_A, b, OFF_B, out, 1);
            for (int i = 0; i < n; i++) {
                assertThat(out[1 + i]).as("maxMask n=%d i=%d", n, i).isEqualTo(a[OFF_A + i] >= b[OFF_B + i] ? 1f : 0f);
            }

            Kernels.relu(n, a, OFF_A, out, 1);
            for (int i = 0; i < n; i++) {
                assertThat(Float.floatToIntBits(out[1 + i])).as("relu n=%d i=%d", n, i)
                        .isEqualTo(Float.floatToIntBits(Math.max(a[OFF_A + i], 0f)));
            }

            Kernels.reluBackward(n, a, OFF_A, b, OFF_B, out, 1);
            for (int i = 0; i < n; i++) {
                assertThat(out[1 + i]).as("reluBackward n=%d i=%d", n, i).isEqualTo(a[OFF_A + i] > 0f ? b[OFF_B + i] : 0f);
            }
            TestArrays.assertOutsideUnchanged(before, out, 1, 1, n, n);
        }
    }

    @Test
    void adamMatchesItsScalarTwinBitForBit() {
        RandomStream random = new RandomStream(7);
        for (int n : TestArrays.lengths()) {
            float[] p = TestArrays.floats(random, 0, n, 0);
            float[] g = TestArrays.floats(random, 0, n, 0);
            float[] m = TestArrays.floats(random, 0, n, 0);
            float[] v = TestArrays.floats(random, 0, n, 0);
            for (int i = 0; i < n; i++) {
                v[i] = Math.abs(v[i]);
            }
            float[] p2 = p.clone();
            float[] m2 = m.clone();
            float[] v2 = v.clone();
            Kernels.adam(n, p, g, m, v, 0.9f, 0.1f, 0.999f, 0.001f, 0.01f, 0.03f, 1e-8f, 0.01f, 0.999f);
            ScalarKernels.adam(0, n, p2, g, m2, v2, 0.9f, 0.1f, 0.999f, 0.001f, 0.01f, 0.03f, 1e-8f, 0.01f, 0.999f);
            assertThat(p).as("adam params n=%d", n).isEqualTo(p2);
            assertThat(m).as("adam m n=%d", n).isEqualTo(m2);
            assertThat(v).as("adam v n=%d", n).isEqualTo(v2);
        }
    }

    @Test
    void reluWorksInPlace() {
        float[] x = {-1f, 2f, -3f, 4f, -5f, 6f, -7f, 8f, -9f, 10f, -11f, 12f, -13f, 14f, -15f, 16f, -17f, 18f,
            -19f, 20f, -21f, 22f, -23f, 24f, -25f, 26f, -27f, 28f, -29f, 30f, -31f, 32f, -33f};
        Kernels.relu(x.length, x, 0, x, 0);
        for (int i = 0; i < x.length; i++) {
            assertThat(x[i]).isEqualTo(i % 2 == 0 ? 0f : i + 1f);
        }
    }

    @Test
    void gemvMatchesScalarTwinAndEjmlInBothLayouts() {
        RandomStream random = new RandomStream(6);
        for (int rows : new int[] {1, 2, 5, 17, 64}) {
            for (int cols : TestArrays.lengths()) {
                int ld = cols + 2;
                float[] a = TestArrays.matrix(random, OFF_A, rows, cols, ld);
                FMatrixRMaj dense = new FMatrixRMaj(rows, cols, true, TestArrays.dense(a, OFF_A, rows, cols, ld));
                for (Op op : Op.values()) {
                    int outLen = op.rows(rows, cols);
                    int inLen = op.cols(rows, cols);
                    float[] x = TestArrays.floats(random, 1, inLen, 1);
                    float[] y = TestArrays.floats(random, 2, outLen, 1);
                    float alpha = 1.5f;
                    float beta = -0.5f;
                    float[] ours = y.clone();
                    Kernels.gemv(op, rows, cols, alpha, a, OFF_A, ld, x, 1, beta, ours, 2);
                    float[] twin = y.clone();
                    ScalarKernels.gemv(op, rows, cols, alpha, a, OFF_A, ld, x, 1, beta, twin, 2);
                    FMatrixRMaj ejml = new FMatrixRMaj(outLen, 1);
                    FMatrixRMaj xv = new FMatrixRMaj(inLen, 1, true, TestArrays.dense(x, 1, 1, inLen, inLen));
                    if (op == Op.N) {
                        CommonOps_FDRM.mult(dense, xv, ejml);
                    } else {
                        CommonOps_FDRM.multTransA(dense, xv, ejml);
                    }
                    // |alpha A x| sums inLen terms of magnitude <= |alpha|; beta y adds one more rounding.
                    float bound = (float) (2 * Bounds.floatSum(inLen + 2, Math.abs(alpha) * inLen + Math.abs(beta)));
                    for (int i = 0; i < outLen; i++) {
                        float expected = alpha * ejml.get(i) + beta * y[2 + i];
                        Bounds.assertClose(ours[2 + i], twin[2 + i], bound, "gemv %s %d x %d, i=%d", op, rows, cols, i);
            Bounds.assertClose(ours[2 + i], expected, bound, "gemv %s %d x %d, i=%d", op, rows, cols, i);
                    }
                    TestArrays.assertOutsideUnchanged(y, ours, 2, 1, outLen, outLen);
                }
            }
        }
    }

    @Test
    void gemvWithBetaZeroIgnoresNaNInY() {
        float[] a = {1, 2, 3, 4, 5, 6};
        float[] x = {1, 1, 1};
        float[] y = {Float.NaN, Float.NaN};
        Kernels.gemv(Op.N, 2, 3, 1f, a, 0, 3, x, 0, 0f, y, 0);
        assertThat(y).containsExactly(6f, 15f);
    }

    @Test
    void badShapesNameTheOperand() {
        float[] small = new float[10];
        assertThatThrownBy(() -> Kernels.dot(small, 5, small, 0, 8))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("a:").hasMessageContaining("needs 13 elements, the array has 10");
        assertThatThrownBy(() -> Kernels.gemv(Op.N, 3, 4, 1f, small, 0, 4, small, 0, 0f, small, 0))
                .hasMessageContaining("A: a 3 x 4 matrix");
        assertThatThrownBy(() -> Kernels.columnSums(2, 5, small, 0, 4, small, 0))
                .hasMessageContaining("leading dimension 4 is less than the 5 columns");
    }

    private static FMatrixRMaj vector(float[] data) {
        return new FMatrixRMaj(1, data.length, true, data);
    }
}
