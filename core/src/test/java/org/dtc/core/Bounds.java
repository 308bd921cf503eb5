package org.dtc.core;

/**
 * Rounding-error bounds for the tolerances of the kernel tests.
 *
 * <p>Any order of summing n products in a floating-point format with unit roundoff u lands
 * within gamma(n) * sum |a_i b_i| of the exact result, gamma(n) = n u / (1 - n u) (Higham,
 * Accuracy and Stability of Numerical Algorithms, 2nd ed., eq. 3.5 and lemma 3.1; FMA only
 * removes roundings). So two correct implementations, each within that of the exact value,
 * agree within twice it. A kernel that drops, duplicates or misplaces a term is off by about
 * |a_i b_i| itself, far above this bound.
 */
final class Bounds {
    static final double FLOAT_U = 0x1p-24;
    static final double DOUBLE_U = 0x1p-53;

    private Bounds() {}

    static double gamma(int n, double u) {
        double nu = n * u;
        return nu / (1 - nu);
    }

    /** Bound on |computed - exact| for a float sum of n terms whose magnitudes add to absSum. */
    static double floatSum(int n, double absSum) {
        return gamma(Math.max(n, 1), FLOAT_U) * absSum;
    }

    /** Bound on |computed - exact| for a double sum of n terms whose magnitudes add to absSum. */
    static double doubleSum(int n, double absSum) {
        return gamma(Math.max(n, 1), DOUBLE_U) * absSum;
    }

    /**
     * Fails unless |actual - expected| <= tolerance, the difference taken in double arithmetic
     * (exact for nearby values). AssertJ's isCloseTo compares decimal renderings, which can
     * overstate a one-ulp difference.
     */
    static void assertClose(double actual, double expected, double tolerance, String what, Object... args) {
        double diff = Math.abs(actual - expected);
        if (!(diff <= tolerance) && !(Double.isNaN(actual) && Double.isNaN(expected))) {
            throw new AssertionError(String.format(what, args) + ": " + actual + " differs from " + expected
                    + " by " + diff + ", more than " + tolerance);
        }
    }
}
