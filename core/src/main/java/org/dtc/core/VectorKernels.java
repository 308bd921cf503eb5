package org.dtc.core;

import static jdk.incubator.vector.VectorOperators.ASHR;
import static jdk.incubator.vector.VectorOperators.GE;
import static jdk.incubator.vector.VectorOperators.GT;
import static jdk.incubator.vector.VectorOperators.LE;
import static jdk.incubator.vector.VectorOperators.LSHL;
import static jdk.incubator.vector.VectorOperators.MAX;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.LongVector;
import jdk.incubator.vector.VectorMask;
import jdk.incubator.vector.VectorShape;
import jdk.incubator.vector.VectorSpecies;

/**
 * Vector API kernels of the width {@link Simd#bits()}. Each public-facing kernel is split into a
 * {@code ...Body} loop over whole vectors and a scalar tail from {@link ScalarKernels}; inputs
 * shorter than two vectors go to the scalar twin directly, where vector setup would not pay.
 * Loaded only when {@link Simd#vectorized()}.
 */
final class VectorKernels {
    static final VectorSpecies<Float> F = VectorSpecies.of(float.class, VectorShape.forBitSize(Simd.BITS));
    static final VectorSpecies<Double> D = VectorSpecies.of(double.class, VectorShape.forBitSize(Simd.BITS));
    static final int FL = F.length();
    static final int DL = D.length();
    /** Rows up to this long are read across with gathers, a row per lane; longer ones row by row. */
    static final int GATHERED_ROW_MAX = 64;
    /** For each row length n up to GATHERED_ROW_MAX, the offsets 0, n, 2n, ... of one row per lane. */
    private static final int[][] FLOAT_ROW_STARTS = rowStarts(FL);
    private static final int[][] DOUBLE_ROW_STARTS = rowStarts(DL);

    private VectorKernels() {}

    private static int[][] rowStarts(int lanes) {
        int[][] starts = new int[GATHERED_ROW_MAX + 1][lanes];
        for (int n = 1; n <= GATHERED_ROW_MAX; n++) {
            for (int i = 0; i < lanes; i++) {
                starts[n][i] = i * n;
            }
        }
        return starts;
    }

    /**
     * The lanes added one after another. Not reduceLanes(ADD): its order of additions is left to
     * the implementation, and the compiled and the interpreted code choose differently, so a sum
     * would change in its last bits with the JIT's progress and runs would not repeat exactly.
     */
    private static float sumLanes(FloatVector v) {
        float s = 0f;
        for (int i = 0; i < FL; i++) {
            s += v.lane(i);
        }
        return s;
    }

    private static double sumLanes(DoubleVector v) {
        double s = 0.0;
        for (int i = 0; i < DL; i++) {
            s += v.lane(i);
        }
        return s;
    }

    // ---- float, level 1 ----

    static float dot(float[] a, int aOff, float[] b, int bOff, int n) {
        if (n < 2 * FL) {
            return ScalarKernels.dot(a, aOff, b, bOff, n);
        }
        int body = F.loopBound(n);
        return dotBody(a, aOff, b, bOff, body) + ScalarKernels.dot(a, aOff + body, b, bOff + body, n - body);
    }

    /** n is a multiple of the lane count; two accumulators hide the FMA latency. */
    private static float dotBody(float[] a, int aOff, float[] b, int bOff, int n) {
        FloatVector acc0 = FloatVector.zero(F);
        FloatVector acc1 = FloatVector.zero(F);
        int i = 0;
        for (; i + 2 * FL <= n; i += 2 * FL) {
            acc0 = FloatVector.fromArray(F, a, aOff + i).fma(FloatVector.fromArray(F, b, bOff + i), acc0);
            acc1 = FloatVector.fromArray(F, a, aOff + i + FL).fma(FloatVector.fromArray(F, b, bOff + i + FL), acc1);
        }
        if (i < n) {
            acc0 = FloatVector.fromArray(F, a, aOff + i).fma(FloatVector.fromArray(F, b, bOff + i), acc0);
        }
        return sumLanes(acc0.add(acc1));
    }

    static void axpy(int n, float alpha, float[] x, int xOff, float[] y, int yOff) {
        int body = n < 2 * FL ? 0 : F.loopBound(n);
        FloatVector a = FloatVector.broadcast(F, alpha);
        for (int i = 0; i < body; i += FL) {
            FloatVector.fromArray(F, x, xOff + i)
                    .fma(a, FloatVector.fromArray(F, y, yOff + i))
                    .intoArray(y, yOff + i);
        }
        ScalarKernels.axpy(n - body, alpha, x, xOff + body, y, yOff + body);
    }

    static void scale(int n, float alpha, float[] x, int xOff) {
        int body = n < 2 * FL ? 0 : F.loopBound(n);
        for (int i = 0; i < body; i += FL) {
            FloatVector.fromArray(F, x, xOff + i).mul(alpha).intoArray(x, xOff + i);
        }
        ScalarKernels.scale(n - body, alpha, x, xOff + body);
    }

    static float sum(float[] x, int xOff, int n) {
        if (n < 2 * FL) {
            return ScalarKernels.sum(x, xOff, n);
        }
        int body = F.loopBound(n);
        FloatVector acc = FloatVector.zero(F);
        for (int i = 0; i < body; i += FL) {
            acc = acc.add(FloatVector.fromArray(F, x, xOff + i));
        }
        return sumLanes(acc) + ScalarKernels.sum(x, xOff + body, n - body);
    }

    /**
     * Each row's largest value (Math.max's, NaN winning), FL rows at a time, a row per lane: a
     * short row as a chain of Math.max calls takes ten times longer (the 10 logits of a sample).
     */
    static void rowMax(int m, int n, float[] a, int aOff, float[] out, int outOff) {
        int body = n <= GATHERED_ROW_MAX && m >= FL ? m / FL * FL : 0;
        int[] starts = FLOAT_ROW_STARTS[Math.min(n, GATHERED_ROW_MAX)];
        for (int i = 0; i < body; i += FL) {
            int base = aOff + i * n;
            FloatVector max = FloatVector.broadcast(F, Float.NEGATIVE_INFINITY);
            for (int j = 0; j < n; j++) {
                max = max.lanewise(MAX, FloatVector.fromArray(F, a, base + j, starts, 0));
            }
            max.intoArray(out, outOff + i);
        }
        ScalarKernels.rowMax(m - body, n, a, aOff + body * n, out, outOff + body);
    }

    /** Each row's sum with its terms added in order, DL rows at a time, a row per lane. */
    static void rowSumsInOrder(int m, int n, double[] a, int aOff, double[] out, int outOff) {
        int body = n <= GATHERED_ROW_MAX && m >= DL ? m / DL * DL : 0;
        int[] starts = DOUBLE_ROW_STARTS[Math.min(n, GATHERED_ROW_MAX)];
        for (int i = 0; i < body; i += DL) {
            int base = aOff + i * n;
            DoubleVector sum = DoubleVector.zero(D);
            for (int j = 0; j < n; j++) {
                sum = sum.add(DoubleVector.fromArray(D, a, base + j, starts, 0));
            }
            sum.intoArray(out, outOff + i);
        }
        ScalarKernels.rowSumsInOrder(m - body, n, a, aOff + body * n, out, outOff + body);
    }

    static void rowSums(int m, int n, float[] a, int aOff, int lda, float[] out, int outOff) {
        for (int i = 0; i < m; i++) {
            out[outOff + i] = sum(a, aOff + i * lda, n);
        }
    }

    /** Adds row after row in the same order as the scalar twin, so the sums agree bit for bit. */
    static void columnSums(int m, int n, float[] a, int aOff, int lda, float[] out, int outOff) {
        int body = n < 2 * FL ? 0 : F.loopBound(n);
        for (int j = 0; j < body; j += FL) {
            FloatVector acc = FloatVector.zero(F);
            for (int i = 0; i < m; i++) {
                acc = acc.add(FloatVector.fromArray(F, a, aOff + i * lda + j));
            }
            acc.intoArray(out, outOff + j);
        }
        ScalarKernels.columnSums(m, n - body, a, aOff + body, lda, out, outOff + body);
    }

    static void max(int n, float[] a, int aOff, float[] b, int bOff, float[] out, int outOff) {
        int body = n < 2 * FL ? 0 : F.loopBound(n);
        for (int i = 0; i < body; i += FL) {
            FloatVector.fromArray(F, a, aOff + i).max(FloatVector.fromArray(F, b, bOff + i)).intoArray(out, outOff + i);
        }
        ScalarKernels.max(n - body, a, aOff + body, b, bOff + body, out, outOff + body);
    }

    static void maxMask(int n, float[] a, int aOff, float[] b, int bOff, float[] mask, int maskOff) {
        int body = n < 2 * FL ? 0 : F.loopBound(n);
        FloatVector zero = FloatVector.zero(F);
        for (int i = 0; i < body; i += FL) {
            VectorMask<Float> ge = FloatVector.fromArray(F, a, aOff + i).compare(GE, FloatVector.fromArray(F, b, bOff + i));
            zero.blend(1f, ge).intoArray(mask, maskOff + i);
        }
        ScalarKernels.maxMask(n - body, a, aOff + body, b, bOff + body, mask, maskOff + body);
    }

    static void relu(int n, float[] x, int xOff, float[] out, int outOff) {
        int body = n < 2 * FL ? 0 : F.loopBound(n);
        for (int i = 0; i < body; i += FL) {
            FloatVector.fromArray(F, x, xOff + i).max(0f).intoArray(out, outOff + i);
        }
        ScalarKernels.relu(n - body, x, xOff + body, out, outOff + body);
    }

    static void reluBackward(int n, float[] x, int xOff, float[] dy, int dyOff, float[] dx, int dxOff) {
        int body = n < 2 * FL ? 0 : F.loopBound(n);
        FloatVector zero = FloatVector.zero(F);
        for (int i = 0; i < body; i += FL) {
            VectorMask<Float> positive = FloatVector.fromArray(F, x, xOff + i).compare(GT, 0f);
            zero.blend(FloatVector.fromArray(F, dy, dyOff + i), positive).intoArray(dx, dxOff + i);
        }
        ScalarKernels.reluBackward(n - body, x, xOff + body, dy, dyOff + body, dx, dxOff + body);
    }

    /** The same operations lane by lane (IEEE sqrt and division are exact-rounded): equal to the twin. */
    static void adam(int n, float[] p, float[] g, float[] m, float[] v, float b1, float oneMinusB1, float b2,
                     float oneMinusB2, float stepSize, float sqrtBias2, float eps, float l2, float shrink) {
        int body = n < 2 * FL ? 0 : F.loopBound(n);
        for (int i = 0; i < body; i += FL) {
            FloatVector pv = FloatVector.fromArray(F, p, i);
            FloatVector gv = FloatVector.fromArray(F, g, i).add(pv.mul(l2));
            FloatVector mv = FloatVector.fromArray(F, m, i).mul(b1).add(gv.mul(oneMinusB1));
            FloatVector vv = FloatVector.fromArray(F, v, i).mul(b2).add(gv.mul(oneMinusB2).mul(gv));
            mv.intoArray(m, i);
            vv.intoArray(v, i);
            FloatVector denom = vv.sqrt().div(sqrtBias2).add(eps);
            pv.mul(shrink).sub(mv.mul(stepSize).div(denom)).intoArray(p, i);
        }
        ScalarKernels.adam(body, n, p, g, m, v, b1, oneMinusB1, b2, oneMinusB2, stepSize, sqrtBias2, eps, l2, shrink);
    }

    // ---- float, level 2 ----

    static void gemv(Op op, int m, int n, float alpha, float[] a, int aOff, int lda,
                     float[] x, int xOff, float beta, float[] y, int yOff) {
        if (op == Op.N) {
            for (int i = 0; i < m; i++) {
                float sum = dot(a, aOff + i * lda, x, xOff, n);
                y[yOff + i] = beta == 0f ? alpha * sum : alpha * sum + beta * y[yOff + i];
            }
        } else {
            // y = beta * y, then one axpy per stored row: A is read in storage order.
            if (beta == 0f) {
                java.util.Arrays.fill(y, yOff, yOff + n, 0f);
            } else if (beta != 1f) {
                scale(n, beta, y, yOff);
            }
            for (int i = 0; i < m; i++) {
                axpy(n, alpha * x[xOff + i], a, aOff + i * lda, y, yOff);
            }
        }
    }

    // ---- double ----

    static double dot(double[] a, int aOff, double[] b, int bOff, int n) {
        if (n < 2 * DL) {
            return ScalarKernels.dot(a, aOff, b, bOff, n);
        }
        int body = D.loopBound(n);
        return dotBody(a, aOff, b, bOff, body) + ScalarKernels.dot(a, aOff + body, b, bOff + body, n - body);
    }

    private static double dotBody(double[] a, int aOff, double[] b, int bOff, int n) {
        DoubleVector acc0 = DoubleVector.zero(D);
        DoubleVector acc1 = DoubleVector.zero(D);
        int i = 0;
        for (; i + 2 * DL <= n; i += 2 * DL) {
            acc0 = DoubleVector.fromArray(D, a, aOff + i).fma(DoubleVector.fromArray(D, b, bOff + i), acc0);
            acc1 = DoubleVector.fromArray(D, a, aOff + i + DL).fma(DoubleVector.fromArray(D, b, bOff + i + DL), acc1);
        }
        if (i < n) {
            acc0 = DoubleVector.fromArray(D, a, aOff + i).fma(DoubleVector.fromArray(D, b, bOff + i), acc0);
        }
        return sumLanes(acc0.add(acc1));
    }

    static void axpy(int n, double alpha, double[] x, int xOff, double[] y, int yOff) {
        int body = n < 2 * DL ? 0 : D.loopBound(n);
        DoubleVector a = DoubleVector.broadcast(D, alpha);
        for (int i = 0; i < body; i += DL) {
            DoubleVector.fromArray(D, x, xOff + i)
                    .fma(a, DoubleVector.fromArray(D, y, yOff + i))
                    .intoArray(y, yOff + i);
        }
        ScalarKernels.axpy(n - body, alpha, x, xOff + body, y, yOff + body);
    }

    static void scale(int n, double alpha, double[] x, int xOff) {
        int body = n < 2 * DL ? 0 : D.loopBound(n);
        for (int i = 0; i < body; i += DL) {
            DoubleVector.fromArray(D, x, xOff + i).mul(alpha).intoArray(x, xOff + i);
        }
        ScalarKernels.scale(n - body, alpha, x, xOff + body);
    }

    /** The same three cases as the scalar twin, so the two agree bit for bit. */
    static void softThreshold(int n, double t, double[] x, int xOff, double[] out, int outOff) {
        int body = n < 2 * DL ? 0 : D.loopBound(n);
        DoubleVector zero = DoubleVector.zero(D);
        for (int i = 0; i < body; i += DL) {
            DoubleVector v = DoubleVector.fromArray(D, x, xOff + i);
            v.add(t)
                    .blend(v.sub(t), v.compare(GT, t))
                    .blend(zero, v.abs().compare(LE, t))
                    .intoArray(out, outOff + i);
        }
        ScalarKernels.softThreshold(n - body, t, x, xOff + body, out, outOff + body);
    }

    /** {@link Exp#exp} lane by lane: the same operations in the same order, so the same bits. */
    static void exp(int n, double[] x, int xOff, double[] out, int outOff) {
        int body = n < 2 * DL ? 0 : D.loopBound(n);
        for (int i = 0; i < body; i += DL) {
            DoubleVector v = DoubleVector.fromArray(D, x, xOff + i).max(Exp.LOWEST).min(Exp.HIGHEST);
            DoubleVector t = v.mul(Exp.LOG2E).add(Exp.SHIFTER);
            DoubleVector minusK = t.sub(Exp.SHIFTER).neg();
            DoubleVector r = minusK.fma(broadcast(Exp.LN2_HI), v);
            r = minusK.fma(broadcast(Exp.LN2_LO), r);
            // Written out: a loop over the coefficients would keep vectors in an array (boxed).
            DoubleVector p = broadcast(Exp.C13).fma(r, broadcast(Exp.C12));
            p = p.fma(r, broadcast(Exp.C11));
            p = p.fma(r, broadcast(Exp.C10));
            p = p.fma(r, broadcast(Exp.C9));
            p = p.fma(r, broadcast(Exp.C8));
            p = p.fma(r, broadcast(Exp.C7));
            p = p.fma(r, broadcast(Exp.C6));
            p = p.fma(r, broadcast(Exp.C5));
            p = p.fma(r, broadcast(Exp.C4));
            p = p.fma(r, broadcast(Exp.C3));
            p = p.fma(r, broadcast(Exp.C2));
            p = p.fma(r, broadcast(1.0));
            p = p.fma(r, broadcast(1.0));
            LongVector k = t.reinterpretAsLongs().sub(Exp.SHIFTER_BITS);
            LongVector half = k.lanewise(ASHR, 1);
            p.mul(powerOfTwo(half)).mul(powerOfTwo(k.sub(half))).intoArray(out, outOff + i);
        }
        ScalarKernels.exp(n - body, x, xOff + body, out, outOff + body);
    }

    private static DoubleVector broadcast(double value) {
        return DoubleVector.broadcast(D, value);
    }

    private static DoubleVector powerOfTwo(LongVector e) {
        return e.add(Exp.EXPONENT_BIAS).lanewise(LSHL, Exp.MANTISSA_BITS).reinterpretAsDoubles();
    }

    static void gemv(Op op, int m, int n, double alpha, double[] a, int aOff, int lda,
                     double[] x, int xOff, double beta, double[] y, int yOff) {
        // A method per layout: the solvers call both with sizes that change every cycle, and
        // one method holding both was compiled seven times in a run as its profile shifted.
        if (op == Op.N) {
            gemvRows(m, n, alpha, a, aOff, lda, x, xOff, beta, y, yOff);
        } else {
            gemvColumns(m, n, alpha, a, aOff, lda, x, xOff, beta, y, yOff);
        }
    }

    private static void gemvRows(int m, int n, double alpha, double[] a, int aOff, int lda,
                                 double[] x, int xOff, double beta, double[] y, int yOff) {
        // Four rows at a time: x is loaded once for four dot products, and four independent
        // accumulators keep the FMA unit busy instead of waiting on one chain.
        int body = n < 2 * DL ? 0 : D.loopBound(n);
        int i = 0;
        for (; i + 4 <= m; i += 4) {
            int r0 = aOff + i * lda;
            int r1 = r0 + lda;
            int r2 = r1 + lda;
            int r3 = r2 + lda;
            DoubleVector s0 = DoubleVector.zero(D);
            DoubleVector s1 = DoubleVector.zero(D);
            DoubleVector s2 = DoubleVector.zero(D);
            DoubleVector s3 = DoubleVector.zero(D);
            for (int j = 0; j < body; j += DL) {
                DoubleVector xv = DoubleVector.fromArray(D, x, xOff + j);
                s0 = DoubleVector.fromArray(D, a, r0 + j).fma(xv, s0);
                s1 = DoubleVector.fromArray(D, a, r1 + j).fma(xv, s1);
                s2 = DoubleVector.fromArray(D, a, r2 + j).fma(xv, s2);
                s3 = DoubleVector.fromArray(D, a, r3 + j).fma(xv, s3);
            }
            int tail = n - body;
            storeGemv(y, yOff + i, alpha, beta, sumLanes(s0)
                    + ScalarKernels.dot(a, r0 + body, x, xOff + body, tail));
            storeGemv(y, yOff + i + 1, alpha, beta, sumLanes(s1)
                    + ScalarKernels.dot(a, r1 + body, x, xOff + body, tail));
            storeGemv(y, yOff + i + 2, alpha, beta, sumLanes(s2)
                    + ScalarKernels.dot(a, r2 + body, x, xOff + body, tail));
            storeGemv(y, yOff + i + 3, alpha, beta, sumLanes(s3)
                    + ScalarKernels.dot(a, r3 + body, x, xOff + body, tail));
        }
        for (; i < m; i++) {
            storeGemv(y, yOff + i, alpha, beta, dot(a, aOff + i * lda, x, xOff, n));
        }
    }

    private static void gemvColumns(int m, int n, double alpha, double[] a, int aOff, int lda,
                                    double[] x, int xOff, double beta, double[] y, int yOff) {
        if (beta == 0.0) {
            java.util.Arrays.fill(y, yOff, yOff + n, 0.0);
        } else if (beta != 1.0) {
            scale(n, beta, y, yOff);
        }
        // Four stored rows at a time: y is read and written once per four rows.
        int body = n < 2 * DL ? 0 : D.loopBound(n);
        int i = 0;
        for (; i + 4 <= m; i += 4) {
            int r0 = aOff + i * lda;
            int r1 = r0 + lda;
            int r2 = r1 + lda;
            int r3 = r2 + lda;
            double c0 = alpha * x[xOff + i];
            double c1 = alpha * x[xOff + i + 1];
            double c2 = alpha * x[xOff + i + 2];
            double c3 = alpha * x[xOff + i + 3];
            DoubleVector v0 = DoubleVector.broadcast(D, c0);
            DoubleVector v1 = DoubleVector.broadcast(D, c1);
            DoubleVector v2 = DoubleVector.broadcast(D, c2);
            DoubleVector v3 = DoubleVector.broadcast(D, c3);
            for (int j = 0; j < body; j += DL) {
                DoubleVector acc = DoubleVector.fromArray(D, y, yOff + j);
                acc = DoubleVector.fromArray(D, a, r0 + j).fma(v0, acc);
                acc = DoubleVector.fromArray(D, a, r1 + j).fma(v1, acc);
                acc = DoubleVector.fromArray(D, a, r2 + j).fma(v2, acc);
                acc = DoubleVector.fromArray(D, a, r3 + j).fma(v3, acc);
                acc.intoArray(y, yOff + j);
            }
            for (int j = body; j < n; j++) {
                double acc = y[yOff + j];
                acc = Math.fma(a[r0 + j], c0, acc);
                acc = Math.fma(a[r1 + j], c1, acc);
                acc = Math.fma(a[r2 + j], c2, acc);
                y[yOff + j] = Math.fma(a[r3 + j], c3, acc);
            }
        }
        for (; i < m; i++) {
            axpy(n, alpha * x[xOff + i], a, aOff + i * lda, y, yOff);
        }
    }

    private static void storeGemv(double[] y, int at, double alpha, double beta, double sum) {
        y[at] = beta == 0.0 ? alpha * sum : alpha * sum + beta * y[at];
    }
}
