package org.dtc.cs;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The measurement of docs/experiment.md: row counts, Phi's first values, Theta = Phi Psi. */
class MeasurementTest {
    @Test
    void rowCountsFollowDoubleArithmeticAsThePapersCodeDoes() {
        int[] sizes = {460, 414, 372, 334, 300, 270, 243, 218, 196, 176, 158, 142, 127, 114, 102, 91, 81, 72, 64, 57,
            51, 45, 40, 36, 32, 28, 25, 22, 19, 17, 15, 13, 11, 9};
        int[] expected = {45, 41, 37, 33, 29, 26, 24, 21, 19, 17, 15, 14, 12, 11, 10, 9, 8, 7, 6, 5, 5, 4, 3, 3, 3, 2, 2,
            2, 1, 1, 1, 1, 1, 1};
        for (int i = 0; i < sizes.length; i++) {
            assertThat(Measurement.rows(sizes[i], 0.9)).as("m=%d", sizes[i]).isEqualTo(expected[i]);
        }
        assertThat(Measurement.rows(512, 0.9)).isEqualTo(51);
    }

    @Test
    void phiIsTheAuthorsAndThetaIsPhiTimesPsi() {
        Measurement meas = Measurement.gaussian(40, 0.9, 42424242, DctType.I);
        assertThat(meas.n()).isEqualTo(3);
        assertThat(meas.phi()[0]).isEqualTo(-0.14204330745729457);
        assertThat(meas.phi()[1]).isEqualTo(-0.6409619696711423);
        assertThat(meas.phi()[2]).isEqualTo(0.26948772917875913);
        assertThat(meas.phi()[3]).isEqualTo(-0.7657177863348001);
        for (DctType type : DctType.values()) {
            Measurement mt = Measurement.gaussian(40, 0.9, 42424242, type);
            double[] psi = Dct.matrix(type, 40);
            for (int i = 0; i < 3; i++) {
                for (int j = 0; j < 40; j++) {
                    double s = 0;
                    for (int k = 0; k < 40; k++) {
                        s += mt.phi()[i * 40 + k] * psi[k * 40 + j];
                    }
                    // 40 products of |Phi| < 4 and |Psi| < 1: rounding far below 1e-12.
                    assertThat(Math.abs(mt.theta()[i * 40 + j] - s)).as("%s Theta[%d][%d]", type, i, j).isLessThan(1e-12);
                }
            }
        }
        double[] w = new double[40];
        w[3] = 2;
        assertThat(meas.measure(w)[1]).isEqualTo(2 * meas.phi()[40 + 3]);
        w[7] = Double.NaN;
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> meas.measure(w))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("w entry 7 is NaN");
    }
}
