package org.dtc.cs;

/** Dense Cholesky factorisation A = L L^T of small symmetric positive definite systems, in place. */
final class Cholesky {
    private Cholesky() {}

    /**
     * Overwrites the lower triangle of the k x k matrix a (row-major, leading dimension ld) with L.
     * Returns false, leaving a partly overwritten, when a pivot is not clearly positive.
     */
    static boolean factor(double[] a, int k, int ld) {
        for (int j = 0; j < k; j++) {
            double d = a[j * ld + j];
            for (int p = 0; p < j; p++) {
                d -= a[j * ld + p] * a[j * ld + p];
            }
            if (!(d > 1e-14 * Math.abs(a[j * ld + j])) || !(d > 0)) {
                return false;
            }
            double ljj = Math.sqrt(d);
            a[j * ld + j] = ljj;
            for (int i = j + 1; i < k; i++) {
                double s = a[i * ld + j];
                for (int p = 0; p < j; p++) {
                    s -= a[i * ld + p] * a[j * ld + p];
                }
                a[i * ld + j] = s / ljj;
            }
        }
        return true;
    }

    /** Solves L L^T x = b for the factor in the lower triangle of l; b becomes x. */
    static void solve(double[] l, int k, int ld, double[] b) {
        forward(l, k, ld, b);
        for (int i = k - 1; i >= 0; i--) {
            double s = b[i];
            for (int p = i + 1; p < k; p++) {
                s -= l[p * ld + i] * b[p];
            }
            b[i] = s / l[i * ld + i];
        }
    }

    /** Solves L w = b (forward substitution); b becomes w. */
    static void forward(double[] l, int k, int ld, double[] b) {
        for (int i = 0; i < k; i++) {
            double s = b[i];
            for (int p = 0; p < i; p++) {
                s -= l[i * ld + p] * b[p];
            }
            b[i] = s / l[i * ld + i];
        }
    }
}
