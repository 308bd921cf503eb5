package org.dtc.core;

/**
 * The natural logarithm rounded to nearest with an error far below half an ulp, so that it
 * agrees with glibc's {@code log} (which numpy's Gaussian sampler calls) where {@link Math#log}
 * and {@link StrictMath#log} may be one ulp off. Both of those were off within the first few
 * hundred draws of numpy's standard_normal.
 *
 * <p>Method: x = 2^e m with m in [sqrt(1/2), sqrt(2)), log m = 2 atanh(s) with
 * s = (m - 1) / (m + 1), |s| < 0.172; the leading terms are carried in double-double
 * arithmetic (pairs hi + lo, products split exactly with FMA), the series tail past s^5 in plain
 * doubles, where its rounding is below 2^-66 of the result.
 */
final class CorrectlyRoundedLog {
    private static final double SQRT2 = 1.4142135623730951;
    /** ln 2 = LN2_HI + LN2_LO to about 2^-106. */
    private static final double LN2_HI = 0.6931471805599453;
    private static final double LN2_LO = 2.3190468138462996e-17;
    /** 2/3 = TWO_THIRDS_HI + TWO_THIRDS_LO. */
    private static final double TWO_THIRDS_HI = 2.0 / 3.0;
    private static final double TWO_THIRDS_LO = 3.700743415417188e-17;
    /** Series terms 2 / (2k + 1) for k = 2 .. 15: (0.172^2)^14 < 2^-70. */
    private static final double[] TAIL = new double[14];

    static {
        for (int i = 0; i < TAIL.length; i++) {
            TAIL[i] = 2.0 / (2 * (i + 2) + 1);
        }
    }

    private CorrectlyRoundedLog() {}

    /** log(x) for a positive, finite, normal x. */
    static double log(double x) {
        int e = Math.getExponent(x);
        double m = Math.scalb(x, -e);
        if (m > SQRT2) {
            m *= 0.5;
            e++;
        }
        // s = (m - 1) / (m + 1) as sHi + sLo; m - 1 is exact (Sterbenz), m + 1 is split exactly.
        double num = m - 1.0;
        double denHi = m + 1.0;
        double denLo = twoSumError(m, 1.0, denHi);
        double sHi = num / denHi;
        double sLo = (Math.fma(-sHi, denHi, num) - sHi * denLo) / denHi;

        // s^2 and s^3 in double-double.
        double s2Hi = sHi * sHi;
        double s2Lo = Math.fma(sHi, sHi, -s2Hi) + 2 * sHi * sLo;
        double s3Hi = s2Hi * sHi;
        double s3Lo = Math.fma(s2Hi, sHi, -s3Hi) + s2Hi * sLo + s2Lo * sHi;

        // poly = 2/3 + s^2 (2/5 + s^2 (2/7 + ...)): the tail in doubles, the sum in double-double.
        double tail = 0;
        for (int i = TAIL.length - 1; i >= 0; i--) {
            tail = TAIL[i] + s2Hi * tail;
        }
        double t = s2Hi * tail;
        double tErr = Math.fma(s2Hi, tail, -t);
        double polyHi = TWO_THIRDS_HI + t;
        double polyLo = twoSumError(TWO_THIRDS_HI, t, polyHi) + TWO_THIRDS_LO + tErr;

        // term = s^3 * poly
        double termHi = s3Hi * polyHi;
        double termLo = Math.fma(s3Hi, polyHi, -termHi) + s3Hi * polyLo + s3Lo * polyHi;

        // log m = 2 s + term, then + e ln 2.
        double hi = 2 * sHi + termHi;
        double lo = twoSumError(2 * sHi, termHi, hi) + 2 * sLo + termLo;
        double eHi = e * LN2_HI;
        double eLo = Math.fma(e, LN2_HI, -eHi) + e * LN2_LO;
        double sum = eHi + hi;
        double sumLo = twoSumError(eHi, hi, sum) + eLo + lo;
        return sum + sumLo;
    }

    /** The rounding error of a + b = sum (Knuth's TwoSum): a + b = sum + error exactly. */
    private static double twoSumError(double a, double b, double sum) {
        double bVirtual = sum - a;
        double aVirtual = sum - bVirtual;
        return (a - aVirtual) + (b - bVirtual);
    }
}
