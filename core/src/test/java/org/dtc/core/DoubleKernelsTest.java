package org.dtc.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.ejml.dense.row.mult.VectorVectorMult_DDRM;
import org.junit.jupiter.api.Test;

/** The double kernels the solvers use, against their scalar twins and EJML. */
class DoubleKernelsTest {
    private static final int OFF_A = 3;
    private static final int OFF_B = 5;

    /** Each row summed from its start in order, so equal to the bit to a plain loop: short rows gathered a row per lane. */
    @Test
    void rowSumsInOrderAddEachRowFromItsStart() {
        RandomStream random = new RandomStream(32);
        int lanes = Math.max(Simd.bits() / Double.SIZE, 4);
        for (int rows : new int[] {1, 2, lanes - 1, lanes, lanes + 1, 2 * lanes + 3, 1000}) {
            for (int cols : new int[] {0, 1, 2, 10, 17, 64, 65, 200}) {
                double[] a = TestArrays.doubles(random, OFF_A, rows * cols, 2);
                double[] out = TestArrays.doubles(random, 1, rows, 1);
                double[] before = out.clone();
                Kernels.rowSumsInOrder(rows, cols, a, OFF_A, out, 1);
                for (int i = 0; i < rows; i++) {
                    double expected = 0;
                    for (int j = 0; j < cols; j++) {
                        expected += a[OFF_A + i * cols + j];
                    }
                    assertThat(out[1 + i]).as("sum of row %d of %d x %d", i, rows, cols).isEqualTo(expected);
                }
                assertThat(out[0]).isEqualTo(before[0]);
                assertThat(out[rows + 1]).isEqualTo(before[rows + 1]);
            }
        }
    }

    @Test
    void dotMatchesScalarTwinAndEjml() {
        RandomStream random = new RandomStream(11);
        for (int n : TestArrays.lengths()) {
            double[] a = TestArrays.doubles(random, OFF_A, n, 2);
            double[] b = TestArrays.doubles(random, OFF_B, n, 2);
            double abs = 0;
            for (int i = 0; i < n; i++) {
                abs += Math.abs(a[OFF_A + i] * b[OFF_B + i]);
            }
            double bound = 2 * Bounds.doubleSum(n, abs);
            double ejml = VectorVectorMult_DDRM.innerProd(vector(a, OFF_A, n), vector(b, OFF_B, n));
            Bounds.assertClose(Kernels.dot(a, OFF_A, b, OFF_B, n), ScalarKernels.dot(a, OFF_A, b, OFF_B, n), bound, "dot n=%d", n);
            Bounds.assertClose(Kernels.dot(a, OFF_A, b, OFF_B, n), ejml, bound, "dot n=%d", n);
        }
    }

    @Test
    void axpyAndScaleMatchScalarTwinExactlyAndEjmlWithinRounding() {
        RandomStream random = new RandomStream(12);
        double alpha = 0.3;
        for (int n : TestArrays.lengths()) {
            double[] x = TestArrays.doubles(random, OFF_A, n, 2);
            double[] y = TestArrays.doubles(random, OFF_B, n, 2);
            double[] ours = y.clone();
            double[] twin = y.clone();
            Kernels.axpy(n, alpha, x, OFF_A, ours, OFF_B);
            ScalarKernels.axpy(n, alpha, x, OFF_A, twin, OFF_B);
            assertThat(ours).as("axpy n=%d", n).isEqualTo(twin);
            DMatrixRMaj ejml = new DMatrixRMaj(1, n);
            CommonOps_DDRM.add(vector(y, OFF_B, n), alpha, vector(x, OFF_A, n), ejml);
            for (int i = 0; i < n; i++) {
                // Ours rounds once (u of the result), EJML twice (u of the product, u of the sum).
                double tol = 3 * Bounds.DOUBLE_U * (Math.abs(y[OFF_B + i]) + Math.abs(alpha * x[OFF_A + i]));
                Bounds.assertClose(ours[OFF_B + i], ejml.get(i), tol, "axpy n=%d i=%d", n, i);
            }
            for (int i = 0; i < OFF_B; i++) {
                assertThat(ours[i]).isEqualTo(TestArrays.GUARD_D);
            }

            double[] scaled = x.clone();
            Kernels.scale(n, alpha, scaled, OFF_A);
            DMatrixRMaj ejmlScaled = vector(x, OFF_A, n);
            CommonOps_DDRM.scale(alpha, ejmlScaled);
            for (int i = 0; i < n; i++) {
                assertThat(scaled[OFF_A + i]).isEqualTo(ejmlScaled.get(i));
            }
        }
    }

    @Test
    void expMatchesScalarTwinBitForBit() {
        RandomStream random = new RandomStream(14);
        for (int n : TestArrays.lengths()) {
            double[] x = TestArrays.doubles(random, OFF_A, n, 2);
            for (int i = 0; i < n; i++) {
                x[OFF_A + i] *= 800; // the whole range, overflow and underflow included
            }
            double[] out = new double[OFF_B + n];
            double[] twin = new double[OFF_B + n];
            Kernels.exp(n, x, OFF_A, out, OFF_B);
            ScalarKernels.exp(n, x, OFF_A, twin, OFF_B);
            assertThat(out).as("exp n=%d", n).isEqualTo(twin);
            Kernels.exp(n, x, OFF_A, x, OFF_A);
            assertThat(Arrays.copyOfRange(x, OFF_A, OFF_A + n))
                    .isEqualTo(Arrays.copyOfRange(twin, OFF_B, OFF_B + n));
        }
    }

    @Test
    void expIsWithinTwoUlpsOfStrictMath() {
        // Ours errs by under 1 ulp (rounding in the Horner steps, the polynomial's truncation is
        // below 5e-18 relative), StrictMath's fdlibm by under 1 ulp: they differ by at most 2.
        RandomStream random = new RandomStream(15);
        int n = 200_000;
        double[] x = new double[n];
        for (int i = 0; i < n; i++) {
            double u = random.nextDouble();
            x[i] = switch (i % 4) {
                case 0 -> -745 + u * (709.78 + 745); // every normal result, the subnormal ones too
                case 1 -> -40 + u * 40;                // the softmax's arguments
                case 2 -> (u - 0.5) * 1e-3;            // near 0, where r = x
                default -> Math.rint(-50 + u * 100) * Math.log(2) + (u - 0.5) * 1e-12; // k ln2 boundaries
            };
        }
        double[] out = new double[n];
        Kernels.exp(n, x, 0, out, 0);
        for (int i = 0; i < n; i++) {
            double strict = StrictMath.exp(x[i]);
            double ulps = Math.abs(out[i] - strict) / Math.ulp(strict);
            assertThat(ulps).as("exp(%s) = %s, StrictMath %s", x[i], out[i], strict).isLessThanOrEqualTo(2.0);
        }
    }

    @Test
    void expHandlesTheEdgesAsStrictMathDoes() {
        double[] x = {0.0, -0.0, 1.0, -1.0, 709.78, 709.79, 710, 1e300, Double.POSITIVE_INFINITY, -745.13,
            -745.14, -746, -1e300, Double.NEGATIVE_INFINITY, Double.NaN, Double.MIN_VALUE, -Double.MIN_VALUE};
        double[] out = new double[x.length];
        Kernels.exp(x.length, x, 0, out, 0);
        for (int i = 0; i < x.length; i++) {
            double strict = StrictMath.exp(x[i]);
            if (Double.isNaN(strict)) {
                assertThat(out[i]).as("exp(NaN)").isNaN();
            } else if (Double.isInfinite(strict) || strict == 0 || strict == 1) {
                assertThat(out[i]).as("exp(%s)", x[i]).isEqualTo(strict);
            } else {
                assertThat(Math.abs(out[i] - strict)).as("exp(%s)", x[i]).isLessThanOrEqualTo(2 * Math.ulp(strict));
            }
        }
    }

    @Test
    void softThresholdMatchesItsDefinitionAndTwin() {
        RandomStream random = new RandomStream(13);
        double t = 0.3;
        for (int n : TestArrays.lengths()) {
            double[] x = TestArrays.doubles(random, OFF_A, n, 2);
            if (n > 4) {
                x[OFF_A] = t;          // exactly at the threshold: zero
                x[OFF_A + 1] = -t;
                x[OFF_A + 2] = Double.NaN;
                x[OFF_A + 3] = 1e300;
            }
            double[] out = TestArrays.doubles(random, 1, n, 1);
            double[] twin = out.clone();
            Kernels.softThreshold(n, t, x, OFF_A, out, 1);
            ScalarKernels.softThreshold(n, t, x, OFF_A, twin, 1);
            assertThat(out).as("soft threshold n=%d vs twin", n).isEqualTo(twin);
            for (int i = 0; i < n; i++) {
                double v = x[OFF_A + i];
                double expected = Double.isNaN(v) ? Double.NaN : Math.signum(v) * Math.max(Math.abs(v) - t, 0.0);
                assertThat(Double.doubleToLongBits(out[1 + i])).as("soft threshold n=%d i=%d of %s", n, i, v)
                        .isEqualTo(Double.doubleToLongBits(expected + 0.0)); // + 0.0: -0.0 becomes 0.0
            }
            assertThat(out[0]).isEqualTo(TestArrays.GUARD_D);
            assertThat(out[n + 1]).isEqualTo(TestArrays.GUARD_D);
        }
        assertThatThrownBy(() -> Kernels.softThreshold(1, -1.0, new double[1], 0, new double[1], 0))
                .hasMessageContaining("must be >= 0");
    }

    @Test
    void gemvMatchesScalarTwinAndEjmlInBothLayouts() {
        RandomStream random = new RandomStream(14);
        for (int rows : new int[] {1, 3, 51, 64}) {
            for (int cols : TestArrays.lengths()) {
                int ld = cols + 1;
                double[] a = new double[OFF_A + rows * ld];
                java.util.Arrays.fill(a, TestArrays.GUARD_D);
                DMatrixRMaj dense = new DMatrixRMaj(rows, cols);
                for (int i = 0; i < rows; i++) {
                    for (int j = 0; j < cols; j++) {
                        double v = random.uniform(-1, 1);
                        a[OFF_A + i * ld + j] = v;
                        dense.set(i, j, v);
                    }
                }
                for (Op op : Op.values()) {
                    int outLen = op.rows(rows, cols);
                    int inLen = op.cols(rows, cols);
                    double[] x = TestArrays.doubles(random, 0, inLen, 0);
                    double[] y = TestArrays.doubles(random, 0, outLen, 0);
                    double[] ours = y.clone();
                    double[] twin = y.clone();
                    Kernels.gemv(op, rows, cols, 2.0, a, OFF_A, ld, x, 0, 1.0, ours, 0);
                    ScalarKernels.gemv(op, rows, cols, 2.0, a, OFF_A, ld, x, 0, 1.0, twin, 0);
                    DMatrixRMaj ejml = new DMatrixRMaj(outLen, 1);
                    DMatrixRMaj xv = new DMatrixRMaj(inLen, 1, true, x);
                    if (op == Op.N) {
                        CommonOps_DDRM.mult(dense, xv, ejml);
                    } else {
                        CommonOps_DDRM.multTransA(dense, xv, ejml);
                    }
                    double bound = 2 * Bounds.doubleSum(inLen + 2, 2.0 * inLen + 1);
                    for (int i = 0; i < outLen; i++) {
                        Bounds.assertClose(ours[i], twin[i], bound, "gemv %s %d x %d, i=%d", op, rows, cols, i);
            Bounds.assertClose(ours[i], 2.0 * ejml.get(i) + y[i], bound, "gemv %s %d x %d, i=%d", op, rows, cols, i);
                    }
                }
            }
        }
    }

    private static DMatrixRMaj vector(double[] x, int off, int n) {
        double[] d = new double[n];
        System.arraycopy(x, off, d, 0, n);
        return new DMatrixRMaj(1, n, true, d);
    }
}
