package org.dtc.core;

/**
 * e^x in double precision by one fixed sequence of IEEE operations, so that the scalar code,
 * the vector code of every width, compiled or interpreted, give the same bits. Neither
 * {@link Math#exp} (an intrinsic with no vector form) nor the Vector API's {@code EXP} (SVML
 * where the platform has it, a Java fallback elsewhere, with different last bits) can promise
 * that and run a whole batch at once.
 *
 * <p>Method: x = k ln2 + r with k = round(x / ln2) and |r| <= ln2 / 2 (ln2 in two parts, each
 * product fused); e^r by its Taylor polynomial to degree 13 (truncation below 5e-18 relative)
 * in Horner form with fused multiply-adds; then times 2^k, in two halves so that results in the
 * subnormal range round once and overflow gives infinity. Error under 1 ulp. Arguments are
 * clamped to [-746, 710] first, beyond which e^x is 0 or infinity in double; NaN stays NaN.
 */
final class Exp {
    static final double LOWEST = -746;
    static final double HIGHEST = 710;
    static final double LOG2E = 0x1.71547652b82fep0;
    /** 1.5 * 2^52: adding it rounds a double below 2^51 in magnitude to an integer, in the low bits. */
    static final double SHIFTER = 0x1.8p52;
    static final long SHIFTER_BITS = Double.doubleToRawLongBits(SHIFTER);
    static final double LN2_HI = 0x1.62e42fefa39efp-1;
    static final double LN2_LO = 0x1.abc9e3b39803fp-56;
    // 1 / i!, correctly rounded (i! is exact in double up to 22!).
    static final double C2 = 1.0 / 2;
    static final double C3 = 1.0 / 6;
    static final double C4 = 1.0 / 24;
    static final double C5 = 1.0 / 120;
    static final double C6 = 1.0 / 720;
    static final double C7 = 1.0 / 5040;
    static final double C8 = 1.0 / 40320;
    static final double C9 = 1.0 / 362880;
    static final double C10 = 1.0 / 3628800;
    static final double C11 = 1.0 / 39916800;
    static final double C12 = 1.0 / 479001600;
    static final double C13 = 1.0 / 6227020800L;
    static final long EXPONENT_BIAS = 1023;
    static final int MANTISSA_BITS = 52;

    private Exp() {}

    static double exp(double x) {
        double v = Math.min(Math.max(x, LOWEST), HIGHEST);
        double t = v * LOG2E + SHIFTER;
        double k = t - SHIFTER;
        double r = Math.fma(-k, LN2_HI, v);
        r = Math.fma(-k, LN2_LO, r);
        double p = Math.fma(C13, r, C12);
        p = Math.fma(p, r, C11);
        p = Math.fma(p, r, C10);
        p = Math.fma(p, r, C9);
        p = Math.fma(p, r, C8);
        p = Math.fma(p, r, C7);
        p = Math.fma(p, r, C6);
        p = Math.fma(p, r, C5);
        p = Math.fma(p, r, C4);
        p = Math.fma(p, r, C3);
        p = Math.fma(p, r, C2);
        p = Math.fma(p, r, 1.0);
        p = Math.fma(p, r, 1.0);
        long kBits = Double.doubleToRawLongBits(t) - SHIFTER_BITS;
        long half = kBits >> 1;
        return p * powerOfTwo(half) * powerOfTwo(kBits - half);
    }

    /** 2^e for e in the normal exponent range. */
    static double powerOfTwo(long e) {
        return Double.longBitsToDouble((e + EXPONENT_BIAS) << MANTISSA_BITS);
    }
}
