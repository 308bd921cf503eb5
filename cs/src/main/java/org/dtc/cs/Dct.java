package org.dtc.cs;

import org.jtransforms.dct.DoubleDCT_1D;
import org.jtransforms.fft.DoubleFFT_1D;

/**
 * An orthonormal DCT of one type and length m, equal to {@code scipy.fft.dct(x, type, norm='ortho')}:
 * its explicit m x m matrix Psi (row k = frequency k) and a fast O(m log m) application of Psi
 * and Psi^T to a vector.
 *
 * <p>DCT-I, Psi[k][j] = sqrt(2 / (m - 1)) w_k w_j cos(pi k j / (m - 1)) with w = 1/sqrt(2) at both
 * ends and 1 inside; symmetric and its own inverse. Fast: the real FFT of the even extension of
 * length 2(m - 1), ends scaled before and after (JTransforms has no DCT-I). For m = 1 it is [1].
 *
 * <p>DCT-II, Psi[k][j] = sqrt((k == 0 ? 1 : 2) / m) cos(pi k (2j + 1) / (2m)). Fast: JTransforms'
 * scaled DCT-II, and its scaled inverse (the DCT-III) for Psi^T.
 *
 * <p>A plan holds work buffers: one instance per thread.
 */
public final class Dct {
    private static final double SQRT2 = Math.sqrt(2.0);

    private final DctType type;
    private final int m;
    private final DoubleFFT_1D fft;
    private final DoubleDCT_1D dct;
    private final double[] work;

    public Dct(DctType type, int m) {
        if (m < 1) {
            throw new IllegalArgumentException("DCT length must be at least 1, not " + m);
        }
        this.type = type;
        this.m = m;
        if (type == DctType.I) {
            fft = m > 1 ? new DoubleFFT_1D(2L * (m - 1)) : null;
            dct = null;
            work = new double[Math.max(1, 2 * (m - 1))];
        } else {
            fft = null;
            dct = new DoubleDCT_1D(m);
            work = new double[m];
        }
    }

    public DctType type() {
        return type;
    }

    public int length() {
        return m;
    }

    /** out = Psi x (scipy's dct). out may be x. */
    public void apply(double[] x, int xOff, double[] out, int outOff) {
        if (type == DctType.I) {
            dct1(x, xOff, out, outOff);
        } else {
            System.arraycopy(x, xOff, work, 0, m);
            dct.forward(work, true);
            System.arraycopy(work, 0, out, outOff, m);
        }
    }

    /** out = Psi^T x (scipy's idct). out may be x. */
    public void applyTranspose(double[] x, int xOff, double[] out, int outOff) {
        if (type == DctType.I) {
            dct1(x, xOff, out, outOff);
        } else {
            System.arraycopy(x, xOff, work, 0, m);
            dct.inverse(work, true);
            System.arraycopy(work, 0, out, outOff, m);
        }
    }

    private void dct1(double[] x, int xOff, double[] out, int outOff) {
        if (m == 1) {
            out[outOff] = x[xOff];
            return;
        }
        int last = m - 1;
        // Even extension e of length 2(m-1): x_0 .. x_{m-1}, then x_{m-2} .. x_1; ends times sqrt 2.
        work[0] = x[xOff] * SQRT2;
        work[last] = x[xOff + last] * SQRT2;
        for (int j = 1; j < last; j++) {
            double v = x[xOff + j];
            work[j] = v;
            work[2 * last - j] = v;
        }
        fft.realForward(work);
        // realForward packs Re[0] in [0], Re[m-1] (the Nyquist term) in [1], Re[k] in [2k].
        double scale = 1.0 / Math.sqrt(2.0 * last);
        double y0 = work[0] * scale / SQRT2;
        double yLast = work[1] * scale / SQRT2;
        for (int k = 1; k < last; k++) {
            out[outOff + k] = work[2 * k] * scale;
        }
        out[outOff] = y0;
        out[outOff + last] = yLast;
    }

    /** The explicit basis, m x m row-major: Psi[k][j] at [k * m + j]. */
    public static double[] matrix(DctType type, int m) {
        if (m < 1) {
            throw new IllegalArgumentException("DCT length must be at least 1, not " + m);
        }
        double[] psi = new double[m * m];
        if (type == DctType.I) {
            if (m == 1) {
                psi[0] = 1;
                return psi;
            }
            // cos(pi k j / (m-1)) depends only on k j mod 2(m-1): m^2 entries from 2(m-1) cosines.
            int period = 2 * (m - 1);
            double[] cos = cosTable(period);
            double scale = Math.sqrt(2.0 / (m - 1));
            for (int k = 0; k < m; k++) {
                double wk = (k == 0 || k == m - 1) ? 1 / SQRT2 : 1;
                for (int j = 0; j < m; j++) {
                    double wj = (j == 0 || j == m - 1) ? 1 / SQRT2 : 1;
                    psi[k * m + j] = scale * wk * wj * cos[(int) ((long) k * j % period)];
                }
            }
        } else {
            // cos(pi k (2j+1) / (2m)) depends only on k (2j+1) mod 4m.
            int period = 4 * m;
            double[] cos = cosTable(period);
            for (int k = 0; k < m; k++) {
                double scale = Math.sqrt((k == 0 ? 1.0 : 2.0) / m);
                for (int j = 0; j < m; j++) {
                    psi[k * m + j] = scale * cos[(int) ((long) k * (2 * j + 1) % period)];
                }
            }
        }
        return psi;
    }

    /** cos(2 pi i / period) for i = 0 .. period-1. */
    private static double[] cosTable(int period) {
        double[] cos = new double[period];
        for (int i = 0; i < period; i++) {
            cos[i] = Math.cos(2 * Math.PI * i / period);
        }
        return cos;
    }
}
