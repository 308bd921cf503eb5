package org.dtc.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.math.MathContext;
import org.junit.jupiter.api.Test;

/**
 * {@link CorrectlyRoundedLog} against an independent 60-digit reference computed with
 * BigDecimal: log x = k ln 2 + log(x / 2^k), the latter by Newton's method on exp.
 */
class CorrectlyRoundedLogTest {
    private static final MathContext MC = new MathContext(60);

    @Test
    void roundsToTheNearestDoubleOfTheExactLogarithm() {
        RandomStream random = new RandomStream(31);
        for (int i = 0; i < 2000; i++) {
            // The sampler's inputs: r2 in (0, 1), mostly above 1e-3, a few far smaller.
            double x = i % 100 == 0 ? Math.scalb(random.nextDouble() + 0.5, -(random.nextInt32() >>> 26)) : random.nextDouble();
            if (x == 0) {
                continue;
            }
            assertThat(CorrectlyRoundedLog.log(x)).as("log(%s)", x).isEqualTo(reference(x));
        }
    }

    @Test
    void theCaseWhereGlibcMisroundsIsRoundedCorrectly() {
        // Exact log is -0.1071650171222503569279..., nearer to ...035 than to ...036 (glibc's).
        assertThat(CorrectlyRoundedLog.log(0.8983774131025271)).isEqualTo(-0.10716501712225035);
        assertThat(CorrectlyRoundedLog.log(1.0)).isEqualTo(0.0);
        assertThat(CorrectlyRoundedLog.log(0.5)).isEqualTo(-0.6931471805599453);
    }

    /** log x rounded to the nearest double, from a 60-digit computation. */
    private static double reference(double x) {
        int k = Math.getExponent(x);
        BigDecimal m = new BigDecimal(Math.scalb(x, -k)); // exact, in [1, 2)
        BigDecimal y = new BigDecimal(Math.log(Math.scalb(x, -k)));
        for (int it = 0; it < 4; it++) {
            // y <- y + m e^-y - 1: Newton on e^y = m, each step squares the error.
            y = y.add(m.multiply(exp(y.negate()), MC).subtract(BigDecimal.ONE), MC);
        }
        BigDecimal ln2 = new BigDecimal("0.693147180559945309417232121458176568075500134360255254120680");
        return y.add(ln2.multiply(BigDecimal.valueOf(k), MC), MC).doubleValue();
    }

    /** e^z for |z| < 1 by its Taylor series to 60 digits. */
    private static BigDecimal exp(BigDecimal z) {
        BigDecimal sum = BigDecimal.ONE;
        BigDecimal term = BigDecimal.ONE;
        for (int n = 1; n < 60; n++) {
            term = term.multiply(z, MC).divide(BigDecimal.valueOf(n), MC);
            sum = sum.add(term, MC);
        }
        return sum;
    }
}
