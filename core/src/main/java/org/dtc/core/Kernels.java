package org.dtc.core;

/**
 * The kernels every other module calls: argument checks, then the vector or the scalar
 * implementation, chosen once per JVM by {@link Simd}. The choice is a static final, so the JIT
 * folds the branch away.
 *
 * <p>Vectors are {@code (array, offset, length)}; matrices are row-major
 * {@code (array, offset, leading dimension)}. Results that sum several terms may differ between
 * the scalar and vector paths in the last bits (summation order); elementwise kernels and
 * {@link #gemm} agree exactly.
 */
public final class Kernels {
    private static final boolean VECTOR = Simd.BITS != 0;

    private Kernels() {}

    // ---- float ----

    /** Sum of a[i] * b[i]. */
    public static float dot(float[] a, int aOff, float[] b, int bOff, int n) {
        Checks.vector("a", a, aOff, n);
        Checks.vector("b", b, bOff, n);
        return VECTOR ? VectorKernels.dot(a, aOff, b, bOff, n) : ScalarKernels.dot(a, aOff, b, bOff, n);
    }

    /** y += alpha * x. */
    public static void axpy(int n, float alpha, float[] x, int xOff, float[] y, int yOff) {
        Checks.vector("x", x, xOff, n);
        Checks.vector("y", y, yOff, n);
        if (VECTOR) {
            VectorKernels.axpy(n, alpha, x, xOff, y, yOff);
        } else {
            ScalarKernels.axpy(n, alpha, x, xOff, y, yOff);
        }
    }

    /** x *= alpha. */
    public static void scale(int n, float alpha, float[] x, int xOff) {
        Checks.vector("x", x, xOff, n);
        if (VECTOR) {
            VectorKernels.scale(n, alpha, x, xOff);
        } else {
            ScalarKernels.scale(n, alpha, x, xOff);
        }
    }

    /** Sum of x[i]. */
    public static float sum(float[] x, int xOff, int n) {
        Checks.vector("x", x, xOff, n);
        return VECTOR ? VectorKernels.sum(x, xOff, n) : ScalarKernels.sum(x, xOff, n);
    }

    /** out[i] = sum over j of A[i, j] for an m x n matrix A (one sum per row). */
    public static void rowSums(int m, int n, float[] a, int aOff, int lda, float[] out, int outOff) {
        Checks.matrix("A", a, aOff, m, n, lda);
        Checks.vector("out", out, outOff, m);
        if (VECTOR) {
            VectorKernels.rowSums(m, n, a, aOff, lda, out, outOff);
        } else {
            ScalarKernels.rowSums(m, n, a, aOff, lda, out, outOff);
        }
    }

    /** out[i] = the largest value of row i of m rows of n contiguous floats, as Math.max finds it (NaN wins). */
    public static void rowMax(int m, int n, float[] a, int aOff, float[] out, int outOff) {
        Checks.matrix("A", a, aOff, m, n, Math.max(1, n));
        Checks.vector("out", out, outOff, m);
        if (VECTOR) {
            VectorKernels.rowMax(m, n, a, aOff, out, outOff);
        } else {
            ScalarKernels.rowMax(m, n, a, aOff, out, outOff);
        }
    }

    /** out[i] = the sum of row i of m rows of n contiguous doubles, added in order from the row's start. */
    public static void rowSumsInOrder(int m, int n, double[] a, int aOff, double[] out, int outOff) {
        Checks.matrix("A", a, aOff, m, n, Math.max(1, n));
        Checks.vector("out", out, outOff, m);
        if (VECTOR) {
            VectorKernels.rowSumsInOrder(m, n, a, aOff, out, outOff);
        } else {
            ScalarKernels.rowSumsInOrder(m, n, a, aOff, out, outOff);
        }
    }

    /** out[j] = sum over i of A[i, j] for an m x n matrix A (one sum per column). */
    public static void columnSums(int m, int n, float[] a, int aOff, int lda, float[] out, int outOff) {
        Checks.matrix("A", a, aOff, m, n, lda);
        Checks.vector("out", out, outOff, n);
        if (VECTOR) {
            VectorKernels.columnSums(m, n, a, aOff, lda, out, outOff);
        } else {
            ScalarKernels.columnSums(m, n, a, aOff, lda, out, outOff);
        }
    }

    /** out = max(a, b) elementwise, with {@link Math#max} semantics (NaN wins, 0.0 > -0.0). */
    public static void max(int n, float[] a, int aOff, float[] b, int bOff, float[] out, int outOff) {
        Checks.vector("a", a, aOff, n);
        Checks.vector("b", b, bOff, n);
        Checks.vector("out", out, outOff, n);
        if (VECTOR) {
            VectorKernels.max(n, a, aOff, b, bOff, out, outOff);
        } else {
            ScalarKernels.max(n, a, aOff, b, bOff, out, outOff);
        }
    }

    /** mask = 1 where a >= b, else 0: where {@link #max} took a. */
    public static void maxMask(int n, float[] a, int aOff, float[] b, int bOff, float[] mask, int maskOff) {
        Checks.vector("a", a, aOff, n);
        Checks.vector("b", b, bOff, n);
        Checks.vector("mask", mask, maskOff, n);
        if (VECTOR) {
            VectorKernels.maxMask(n, a, aOff, b, bOff, mask, maskOff);
        } else {
            ScalarKernels.maxMask(n, a, aOff, b, bOff, mask, maskOff);
        }
    }

    /** out = max(x, 0); in place when out is x. NaN stays NaN. */
    public static void relu(int n, float[] x, int xOff, float[] out, int outOff) {
        Checks.vector("x", x, xOff, n);
        Checks.vector("out", out, outOff, n);
        if (VECTOR) {
            VectorKernels.relu(n, x, xOff, out, outOff);
        } else {
            ScalarKernels.relu(n, x, xOff, out, outOff);
        }
    }

    /** dx = dy where x > 0, else 0 (x is the ReLU's input or output: their signs agree). */
    public static void reluBackward(int n, float[] x, int xOff, float[] dy, int dyOff, float[] dx, int dxOff) {
        Checks.vector("x", x, xOff, n);
        Checks.vector("dy", dy, dyOff, n);
        Checks.vector("dx", dx, dxOff, n);
        if (VECTOR) {
            VectorKernels.reluBackward(n, x, xOff, dy, dyOff, dx, dxOff);
        } else {
            ScalarKernels.reluBackward(n, x, xOff, dy, dyOff, dx, dxOff);
        }
    }

    /**
     * One Adam update of params[0 .. n) in float arithmetic, the operations and their order those
     * of PyTorch's single-tensor Adam: g' = g + l2 p; m = m b1 + (1 - b1) g';
     * v = v b2 + ((1 - b2) g') g'; p = p shrink - (stepSize m) / (sqrt(v) / sqrtBias2 + eps).
     * The vector and scalar paths agree bit for bit.
     */
    public static void adam(int n, float[] params, float[] grads, float[] m, float[] v, float b1, float oneMinusB1,
                            float b2, float oneMinusB2, float stepSize, float sqrtBias2, float eps, float l2,
                            float shrink) {
        Checks.vector("params", params, 0, n);
        Checks.vector("grads", grads, 0, n);
        Checks.vector("m", m, 0, n);
        Checks.vector("v", v, 0, n);
        if (VECTOR) {
            VectorKernels.adam(n, params, grads, m, v, b1, oneMinusB1, b2, oneMinusB2, stepSize, sqrtBias2, eps, l2,
                    shrink);
        } else {
            ScalarKernels.adam(0, n, params, grads, m, v, b1, oneMinusB1, b2, oneMinusB2, stepSize, sqrtBias2, eps, l2,
                    shrink);
        }
    }

    /** y = alpha * op(A) * x + beta * y for a stored m x n matrix A; beta = 0 does not read y. */
    public static void gemv(Op op, int m, int n, float alpha, float[] a, int aOff, int lda,
                            float[] x, int xOff, float beta, float[] y, int yOff) {
        Checks.matrix("A", a, aOff, m, n, lda);
        Checks.vector("x", x, xOff, op.cols(m, n));
        Checks.vector("y", y, yOff, op.rows(m, n));
        if (VECTOR) {
            VectorKernels.gemv(op, m, n, alpha, a, aOff, lda, x, xOff, beta, y, yOff);
        } else {
            ScalarKernels.gemv(op, m, n, alpha, a, aOff, lda, x, xOff, beta, y, yOff);
        }
    }

    /**
     * C = alpha * op(A) * op(B) + beta * C on the calling thread's {@link Gemm#current() multiplier};
     * op(A) is m x k, op(B) k x n, C m x n. Beta = 0 does not read C.
     */
    public static void gemm(Op opA, Op opB, int m, int n, int k, float alpha,
                            float[] a, int aOff, int lda, float[] b, int bOff, int ldb,
                            float beta, float[] c, int cOff, int ldc) {
        Gemm.current().multiply(opA, opB, m, n, k, alpha, a, aOff, lda, b, bOff, ldb, beta, c, cOff, ldc);
    }

    /**
     * {@link #gemm} with an epilogue: a layer's forward pass is the multiply, then its bias added
     * to every row and its ReLU, each tile as it is finished; the same bits as the three steps one
     * after the other.
     */
    public static void gemm(Op opA, Op opB, int m, int n, int k, float alpha,
                            float[] a, int aOff, int lda, float[] b, int bOff, int ldb,
                            float beta, float[] c, int cOff, int ldc, Epilogue epilogue) {
        Gemm.current().multiply(opA, opB, m, n, k, alpha, a, aOff, lda, b, bOff, ldb, beta, c, cOff, ldc, epilogue);
    }

    /** C = alpha * op(A) * op(B) + beta * C on matrix views; shapes are checked to agree. */
    public static void gemm(Op opA, Op opB, float alpha, FloatMatrix a, FloatMatrix b, float beta, FloatMatrix c) {
        int m = opA.rows(a.rows(), a.cols());
        int k = opA.cols(a.rows(), a.cols());
        int kb = opB.rows(b.rows(), b.cols());
        int n = opB.cols(b.rows(), b.cols());
        if (k != kb || c.rows() != m || c.cols() != n) {
            throw new IllegalArgumentException("gemm shapes disagree: op" + opA + "(A) is " + m + " x " + k
                    + ", op" + opB + "(B) is " + kb + " x " + n + ", C is " + c.rows() + " x " + c.cols());
        }
        gemm(opA, opB, m, n, k, alpha, a.data(), a.offset(), a.ld(), b.data(), b.offset(), b.ld(),
                beta, c.data(), c.offset(), c.ld());
    }

    // ---- double ----

    /** Sum of a[i] * b[i]. */
    public static double dot(double[] a, int aOff, double[] b, int bOff, int n) {
        Checks.vector("a", a, aOff, n);
        Checks.vector("b", b, bOff, n);
        return VECTOR ? VectorKernels.dot(a, aOff, b, bOff, n) : ScalarKernels.dot(a, aOff, b, bOff, n);
    }

    /** y += alpha * x. */
    public static void axpy(int n, double alpha, double[] x, int xOff, double[] y, int yOff) {
        Checks.vector("x", x, xOff, n);
        Checks.vector("y", y, yOff, n);
        if (VECTOR) {
            VectorKernels.axpy(n, alpha, x, xOff, y, yOff);
        } else {
            ScalarKernels.axpy(n, alpha, x, xOff, y, yOff);
        }
    }

    /** x *= alpha. */
    public static void scale(int n, double alpha, double[] x, int xOff) {
        Checks.vector("x", x, xOff, n);
        if (VECTOR) {
            VectorKernels.scale(n, alpha, x, xOff);
        } else {
            ScalarKernels.scale(n, alpha, x, xOff);
        }
    }

    /** out = sign(x) * max(|x| - t, 0) for t >= 0; in place when out is x. NaN stays NaN. */
    public static void softThreshold(int n, double t, double[] x, int xOff, double[] out, int outOff) {
        if (!(t >= 0.0)) {
            throw new IllegalArgumentException("soft threshold must be >= 0, not " + t);
        }
        Checks.vector("x", x, xOff, n);
        Checks.vector("out", out, outOff, n);
        if (VECTOR) {
            VectorKernels.softThreshold(n, t, x, xOff, out, outOff);
        } else {
            ScalarKernels.softThreshold(n, t, x, xOff, out, outOff);
        }
    }

    /**
     * out = e^x elementwise, in place when out is x: within 1 ulp, and the same bits at every
     * SIMD width, scalar or vector, compiled or interpreted (see {@link Exp}).
     */
    public static void exp(int n, double[] x, int xOff, double[] out, int outOff) {
        Checks.vector("x", x, xOff, n);
        Checks.vector("out", out, outOff, n);
        if (VECTOR) {
            VectorKernels.exp(n, x, xOff, out, outOff);
        } else {
            ScalarKernels.exp(n, x, xOff, out, outOff);
        }
    }

    /** y = alpha * op(A) * x + beta * y for a stored m x n matrix A; beta = 0 does not read y. */
    public static void gemv(Op op, int m, int n, double alpha, double[] a, int aOff, int lda,
                            double[] x, int xOff, double beta, double[] y, int yOff) {
        Checks.matrix("A", a, aOff, m, n, lda);
        Checks.vector("x", x, xOff, op.cols(m, n));
        Checks.vector("y", y, yOff, op.rows(m, n));
        if (VECTOR) {
            VectorKernels.gemv(op, m, n, alpha, a, aOff, lda, x, xOff, beta, y, yOff);
        } else {
            ScalarKernels.gemv(op, m, n, alpha, a, aOff, lda, x, xOff, beta, y, yOff);
        }
    }
}
