package org.dtc.study;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The study's summaries, worked by hand on curves of three points. */
class StudyAnalysisTest {
    private static StudyRow row(String criterion, long seed, double compression, double accuracy, double flops) {
        return new StudyRow("mnist", "784-512-10", "train-compress", criterion, seed, 0, "460", 1, 1, 1, compression,
                compression, accuracy, 0.1, flops, flops, 1, 1);
    }

    @Test
    void areaAndInterpolationAlongLogCompression() {
        // Points at compression 1, 2 and 4 (log2 0, 1, 2), given out of order.
        List<StudyAnalysis.Curve> curves = StudyAnalysis.curves(List.of(row("dtc", 1, 2, 0.8, 20), row("dtc", 1, 1, 0.9,
                10), row("dtc", 1, 4, 0.6, 40), row("random", 1, 1, 0.5, 10)));
        assertThat(curves).hasSize(2);
        StudyAnalysis.Curve dtc = curves.get(0);
        assertThat(dtc.log2Compression()).containsExactly(0, 1, 2);
        // Trapezoids: (0.9 + 0.8) / 2 + (0.8 + 0.6) / 2 = 1.55 over a span of 2.
        assertThat(dtc.meanAccuracyOverLogCompression()).isCloseTo(0.775, within(1e-15));
        // 2.83 = 2^1.5: halfway between the second and third point in log2 compression.
        assertThat(dtc.accuracyAt(Math.pow(2, 1.5))).isCloseTo(0.7, within(1e-15));
        assertThat(dtc.flopsAt(Math.pow(2, 1.5))).isCloseTo(30, within(1e-12));
        assertThat(dtc.accuracyAt(4)).isEqualTo(0.6);
        // Beyond the points measured nothing is made up.
        assertThat(dtc.accuracyAt(8)).isNaN();
        assertThat(dtc.accuracyAt(0.5)).isNaN();
        assertThat(curves.get(1).meanAccuracyOverLogCompression()).isNaN();
    }

    @Test
    void meanAndSpreadOverSeeds() {
        StudyAnalysis.MeanSd m = StudyAnalysis.MeanSd.of(new double[] {0.9, 0.8, 0.7});
        assertThat(m.mean()).isCloseTo(0.8, within(1e-15));
        // numpy.std([0.9, 0.8, 0.7], ddof=1) = 0.1
        assertThat(m.sd()).isCloseTo(0.1, within(1e-15));
        assertThat(m.seeds()).isEqualTo(3);
    }
}
