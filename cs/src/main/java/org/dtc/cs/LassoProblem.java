package org.dtc.cs;

/**
 * minimise ||Theta x - y||^2 + lambda ||x||_1 over x in R^m, with Theta n x m row-major: exactly
 * the paper's scaling, no 1/2 and no 1/n. Every argument is checked before any iteration.
 */
public record LassoProblem(double[] theta, int n, int m, double[] y, double lambda) {
    public LassoProblem {
        checkTheta(theta, n, m);
        checkRightHandSide(y, n, lambda);
    }

    /** y of n finite values and a finite lambda >= 0; allocates nothing. */
    static void checkRightHandSide(double[] y, int n, double lambda) {
        if (y == null || y.length != n) {
            throw new IllegalArgumentException("y has " + (y == null ? "no" : y.length) + " entries, Theta has " + n
                    + " rows");
        }
        checkFinite("y", y);
        if (!(lambda >= 0) || Double.isInfinite(lambda)) {
            throw new IllegalArgumentException("lambda must be finite and >= 0, not " + lambda);
        }
    }

    static void checkTheta(double[] theta, int n, int m) {
        if (n < 1 || m < 1) {
            throw new IllegalArgumentException("empty problem: Theta is " + n + " x " + m);
        }
        if (theta == null || theta.length != (long) n * m) {
            throw new IllegalArgumentException("Theta has " + (theta == null ? "no" : theta.length)
                    + " entries, not " + n + " x " + m + " = " + (long) n * m);
        }
        checkFinite("Theta", theta);
    }

    static void checkFinite(String name, double[] values) {
        for (int i = 0; i < values.length; i++) {
            if (!Double.isFinite(values[i])) {
                throw new IllegalArgumentException(name + " entry " + i + " is " + values[i]);
            }
        }
    }
}
