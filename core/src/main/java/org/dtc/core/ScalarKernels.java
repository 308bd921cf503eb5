package org.dtc.core;

/**
 * The scalar twin of every kernel: the reference the vector kernels are tested against, the
 * fallback when {@code dtc.simd.bits=0}, and the tail of each vector loop.
 *
 * <p>Arrays are addressed as {@code (array, offset)} with a leading dimension for matrices, all
 * row-major. No argument checks here: {@link Kernels} validates before dispatching.
 * This class must not touch {@code jdk.incubator.vector}, so it loads without the module.
 */
final class ScalarKernels {
    private ScalarKernels() {}

    // ---- float, level 1 ----

    static float dot(float[] a, int aOff, float[] b, int bOff, int n) {
        float sum = 0f;
        for (int i = 0; i < n; i++) {
            sum += a[aOff + i] * b[bOff + i];
        }
        return sum;
    }

    /** y += alpha * x, fused (one rounding), as the vector twin does. */
    static void axpy(int n, float alpha, float[] x, int xOff, float[] y, int yOff) {
        for (int i = 0; i < n; i++) {
            y[yOff + i] = Math.fma(alpha, x[xOff + i], y[yOff + i]);
        }
    }

    /** x *= alpha. */
    static void scale(int n, float alpha, float[] x, int xOff) {
        for (int i = 0; i < n; i++) {
            x[xOff + i] *= alpha;
        }
    }

    static float sum(float[] x, int xOff, int n) {
        float sum = 0f;
        for (int i = 0; i < n; i++) {
            sum += x[xOff + i];
        }
        return sum;
    }

    /** out[i] = sum over j of A[i, j], for an m x n matrix A. */
    static void rowSums(int m, int n, float[] a, int aOff, int lda, float[] out, int outOff) {
        for (int i = 0; i < m; i++) {
            out[outOff + i] = sum(a, aOff + i * lda, n);
        }
    }

    /** out[i] = the largest of row i of an m x n block of contiguous rows, by Math.max (NaN wins). */
    static void rowMax(int m, int n, float[] a, int aOff, float[] out, int outOff) {
        for (int i = 0; i < m; i++) {
            int row = aOff + i * n;
            float max = Float.NEGATIVE_INFINITY;
            for (int j = 0; j < n; j++) {
                max = Math.max(max, a[row + j]);
            }
            out[outOff + i] = max;
        }
    }

    /** out[i] = the sum of row i of an m x n block of contiguous rows, its terms added in order. */
    static void rowSumsInOrder(int m, int n, double[] a, int aOff, double[] out, int outOff) {
        for (int i = 0; i < m; i++) {
            int row = aOff + i * n;
            double sum = 0;
            for (int j = 0; j < n; j++) {
                sum += a[row + j];
            }
            out[outOff + i] = sum;
        }
    }

    /** out[j] = sum over i of A[i, j], for an m x n matrix A. */
    static void columnSums(int m, int n, float[] a, int aOff, int lda, float[] out, int outOff) {
        for (int j = 0; j < n; j++) {
            out[outOff + j] = 0f;
        }
        for (int i = 0; i < m; i++) {
            int row = aOff + i * lda;
            for (int j = 0; j < n; j++) {
                out[outOff + j] += a[row + j];
            }
        }
    }

    /** out = max(a, b) elementwise. */
    static void max(int n, float[] a, int aOff, float[] b, int bOff, float[] out, int outOff) {
        for (int i = 0; i < n; i++) {
            out[outOff + i] = Math.max(a[aOff + i], b[bOff + i]);
        }
    }

    /** mask = 1 where a >= b (where max takes a), else 0: routes the gradient of max(a, b) to a. */
    static void maxMask(int n, float[] a, int aOff, float[] b, int bOff, float[] mask, int maskOff) {
        for (int i = 0; i < n; i++) {
            mask[maskOff + i] = a[aOff + i] >= b[bOff + i] ? 1f : 0f;
        }
    }

    /** out = max(x, 0); a NaN stays NaN so that a diverging network is noticed. */
    static void relu(int n, float[] x, int xOff, float[] out, int outOff) {
        for (int i = 0; i < n; i++) {
            out[outOff + i] = Math.max(x[xOff + i], 0f);
        }
    }

    /** dx = dy where x > 0, else 0: the ReLU mask applied to the incoming gradient. */
    static void reluBackward(int n, float[] x, int xOff, float[] dy, int dyOff, float[] dx, int dxOff) {
        for (int i = 0; i < n; i++) {
            dx[dxOff + i] = x[xOff + i] > 0f ? dy[dyOff + i] : 0f;
        }
    }

    /**
     * One Adam update of n parameters in float arithmetic, operation for operation as PyTorch's
     * single-tensor Adam: g' = g + l2 p; m = m b1 + (1 - b1) g'; v = v b2 + ((1 - b2) g') g';
     * p = p shrink - (stepSize m) / (sqrt(v) / sqrtBias2 + eps); entries from .. to-1.
     */
    static void adam(int from, int to, float[] p, float[] g, float[] m, float[] v, float b1, float oneMinusB1,
                     float b2, float oneMinusB2, float stepSize, float sqrtBias2, float eps, float l2, float shrink) {
        for (int i = from; i < to; i++) {
            float gi = g[i] + l2 * p[i];
            float mi = m[i] * b1 + oneMinusB1 * gi;
            float vi = v[i] * b2 + oneMinusB2 * gi * gi;
            m[i] = mi;
            v[i] = vi;
            float denom = (float) Math.sqrt(vi) / sqrtBias2 + eps;
            p[i] = p[i] * shrink - stepSize * mi / denom;
        }
    }

    // ---- float, level 2 ----

    /** y = alpha * op(A) * x + beta * y for a stored m x n matrix A. */
    static void gemv(Op op, int m, int n, float alpha, float[] a, int aOff, int lda,
                     float[] x, int xOff, float beta, float[] y, int yOff) {
        int rows = op.rows(m, n);
        int cols = op.cols(m, n);
        int rowStride = op == Op.N ? lda : 1;
        int colStride = op == Op.N ? 1 : lda;
        for (int i = 0; i < rows; i++) {
            float sum = 0f;
            for (int j = 0; j < cols; j++) {
                sum += a[aOff + i * rowStride + j * colStride] * x[xOff + j];
            }
            float old = y[yOff + i];
            y[yOff + i] = beta == 0f ? alpha * sum : alpha * sum + beta * old;
        }
    }

    // ---- float, level 3 ----

    /**
     * C = alpha * op(A) * op(B) + beta * C, the textbook triple loop: C is m x n, the inner
     * dimension k. With beta = 0, C is not read (so NaNs in it do not propagate), as in BLAS.
     */
    static void gemm(Op opA, Op opB, int m, int n, int k, float alpha,
                     float[] a, int aOff, int lda, float[] b, int bOff, int ldb,
                     float beta, float[] c, int cOff, int ldc) {
        int aRow = opA == Op.N ? lda : 1;
        int aCol = opA == Op.N ? 1 : lda;
        int bRow = opB == Op.N ? ldb : 1;
        int bCol = opB == Op.N ? 1 : ldb;
        for (int i = 0; i < m; i++) {
            for (int j = 0; j < n; j++) {
                float sum = 0f;
                for (int p = 0; p < k; p++) {
                    sum += a[aOff + i * aRow + p * aCol] * b[bOff + p * bRow + j * bCol];
                }
                int ci = cOff + i * ldc + j;
                c[ci] = beta == 0f ? alpha * sum : alpha * sum + beta * c[ci];
            }
        }
    }

    /**
     * The GEMM register tile on packed panels, lane by lane what the vector tile computes: for
     * each of the mr x nr outputs an FMA chain over k in ascending order, then
     * C = alpha * acc (+ beta * C unless beta is 0), then the {@link #epilogue} (column j's bias
     * at {@code bias[biasAt + j]}). It therefore equals the vector tile bit for bit. A value
     * (r, p) is at {@code ap[aOff + r * aRow + p * aStep]} (a packed panel: aRow = 1, aStep =
     * rows packed; or A in place), {@code bp} holds {@code kc} groups of {@code colsPacked} B
     * values; only the top-left mr x nr is stored.
     */
    static void gemmTile(int kc, float[] ap, int aOff, int aRow, int aStep, float[] bp, int bOff, int colsPacked,
                         float alpha, float beta, float[] c, int cOff, int ldc, int mr, int nr,
                         float[] bias, int biasAt, boolean relu) {
        for (int r = 0; r < mr; r++) {
            for (int j = 0; j < nr; j++) {
                float acc = 0f;
                for (int p = 0; p < kc; p++) {
                    acc = Math.fma(ap[aOff + r * aRow + p * aStep], bp[bOff + p * colsPacked + j], acc);
                }
                int ci = cOff + r * ldc + j;
                c[ci] = epilogue(combine(acc, alpha, beta, c[ci]), bias, biasAt + j, relu);
            }
        }
    }

    /** alpha * acc + beta * old with one rounding less than the naive form; beta = 0 ignores old. */
    static float combine(float acc, float alpha, float beta, float old) {
        return beta == 0f ? acc * alpha : Math.fma(acc, alpha, old * beta);
    }

    /**
     * A layer's epilogue on one finished output: + bias[at] unless bias is null, then max(v, 0)
     * when {@code relu}. The same bits as {@link #axpy} with alpha 1 (1 * x is exact, so the FMA
     * is this one rounded addition) followed by {@link #relu}.
     */
    static float epilogue(float v, float[] bias, int at, boolean relu) {
        float out = bias == null ? v : v + bias[at];
        return relu ? Math.max(out, 0f) : out;
    }

    // ---- double ----

    static double dot(double[] a, int aOff, double[] b, int bOff, int n) {
        double sum = 0.0;
        for (int i = 0; i < n; i++) {
            sum += a[aOff + i] * b[bOff + i];
        }
        return sum;
    }

    /** y += alpha * x, fused (one rounding), as the vector twin does. */
    static void axpy(int n, double alpha, double[] x, int xOff, double[] y, int yOff) {
        for (int i = 0; i < n; i++) {
            y[yOff + i] = Math.fma(alpha, x[xOff + i], y[yOff + i]);
        }
    }

    /** x *= alpha. */
    static void scale(int n, double alpha, double[] x, int xOff) {
        for (int i = 0; i < n; i++) {
            x[xOff + i] *= alpha;
        }
    }

    /**
     * out = sign(x) * max(|x| - t, 0), the proximal operator of t * ||.||_1, for t >= 0.
     * A NaN stays NaN, so a diverging solver is noticed.
     */
    static void softThreshold(int n, double t, double[] x, int xOff, double[] out, int outOff) {
        for (int i = 0; i < n; i++) {
            double v = x[xOff + i];
            out[outOff + i] = Math.abs(v) <= t ? 0.0 : v > t ? v - t : v + t;
        }
    }

    /** out = e^x by {@link Exp#exp}; in place when out is x. */
    static void exp(int n, double[] x, int xOff, double[] out, int outOff) {
        for (int i = 0; i < n; i++) {
            out[outOff + i] = Exp.exp(x[xOff + i]);
        }
    }

    /** y = alpha * op(A) * x + beta * y for a stored m x n matrix A. */
    static void gemv(Op op, int m, int n, double alpha, double[] a, int aOff, int lda,
                     double[] x, int xOff, double beta, double[] y, int yOff) {
        int rows = op.rows(m, n);
        int cols = op.cols(m, n);
        int rowStride = op == Op.N ? lda : 1;
        int colStride = op == Op.N ? 1 : lda;
        for (int i = 0; i < rows; i++) {
            double sum = 0.0;
            for (int j = 0; j < cols; j++) {
                sum += a[aOff + i * rowStride + j * colStride] * x[xOff + j];
            }
            double old = y[yOff + i];
            y[yOff + i] = beta == 0.0 ? alpha * sum : alpha * sum + beta * old;
        }
    }
}
