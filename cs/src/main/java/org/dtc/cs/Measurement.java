package org.dtc.cs;

import org.dtc.core.Kernels;
import org.dtc.core.Op;
import org.dtc.core.RandomStream;

/**
 * The hypothetical measurement of inverse compressed sensing, built as the paper's code builds
 * it: n = (int) (m * (1.0 - s)) rows for a CS sparsity s, computed in double arithmetic (so
 * 1.0 - 0.9 = 0.09999999999999998 and m = 460 gives 45, not 46); Phi n x m standard normal,
 * row-major, from numpy's legacy RandomState(seed); Theta = Phi Psi; y = Phi w.
 */
public record Measurement(int n, int m, double[] phi, double[] theta, DctType basis) {

    /** The number of measurements for m unknowns at CS sparsity s, as numpy computes int(m * (1.0 - s)). */
    public static int rows(int m, double csSparsity) {
        if (!(csSparsity >= 0 && csSparsity < 1)) {
            throw new IllegalArgumentException("CS sparsity must lie in [0, 1), not " + csSparsity);
        }
        return Math.max(1, (int) (m * (1.0 - csSparsity)));
    }

    /** Phi from the seed, Theta = Phi Psi through the fast transform (row i of Theta is Psi^T phi_i). */
    public static Measurement gaussian(int m, double csSparsity, long seed, DctType basis) {
        return gaussianRows(rows(m, csSparsity), m, seed, basis);
    }

    /** The same with the number of measurements n given. */
    public static Measurement gaussianRows(int n, int m, long seed, DctType basis) {
        if (n < 1 || m < 1) {
            throw new IllegalArgumentException("a measurement needs n >= 1 rows and m >= 1 columns, not " + n + " x " + m);
        }
        double[] phi = new double[n * m];
        new RandomStream(seed).fillNormal(phi, 0, phi.length, 0.0, 1.0);
        double[] theta = new double[n * m];
        Dct dct = new Dct(basis, m);
        for (int i = 0; i < n; i++) {
            dct.applyTranspose(phi, i * m, theta, i * m);
        }
        return new Measurement(n, m, phi, theta, basis);
    }

    /** y = Phi w. */
    public double[] measure(double[] w) {
        if (w.length != m) {
            throw new IllegalArgumentException("w has " + w.length + " entries, Phi has " + m + " columns");
        }
        // A non-finite w would surface only later, as every entry of y, far from its cause.
        LassoProblem.checkFinite("w", w);
        double[] y = new double[n];
        Kernels.gemv(Op.N, n, m, 1.0, phi, 0, m, w, 0, 0.0, y, 0);
        return y;
    }
}
