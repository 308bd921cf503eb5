package org.dtc.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import org.dtc.cs.Measurement;
import org.dtc.fixtures.Fixture;
import org.junit.jupiter.api.Test;

/**
 * The strategies' scores and kept units for given weight rays, against the same computation in
 * numpy, scipy and scikit-learn (src-test-data/dtc/generate.py): Phi from numpy's generator, the
 * DCT-I from scipy, the LASSO solved exactly by LassoLars, and the notebooks' strict quantile
 * rule. A DTC that ranked by anything but these LASSO solutions would keep other units.
 */
class StrategyOracleTest {
    private static final int[] WIDTHS = {64, 200, 460};
    private final Fixture fixture;

    StrategyOracleTest() throws IOException {
        fixture = Fixture.read("dtc/reference.txt");
    }

    private double[] doubles(String kind, int m) {
        return fixture.doubles(kind + " " + m);
    }

    private int[] ints(String kind, int m) {
        return fixture.ints(kind + " " + m);
    }

    private LayerDecision decide(PruningStrategy strategy, EngineConfig config, int m) {
        double[] incoming = doubles("incoming", m);
        double[] outgoing = doubles("outgoing", m);
        long seed = 42424242;
        Measurement phi = Measurement.gaussianRows(config.measurementCount(m), m, seed, config.sensing().basis());
        int kept = KeepRule.keptCount(m, config.pruning().pruneFraction());
        return strategy.decide(new LayerInput(0, 0, kept, incoming, outgoing, phi, phi.measure(incoming),
                phi.measure(outgoing), null, null, config, seed));
    }

    @Test
    void dtcScoresAreTheSumOfTheTwoLassoSolutionsAndTheLargestTenthGoes() {
        for (int m : WIDTHS) {
            LayerDecision d = decide(new DtcStrategy(), EngineConfig.reference(), m);
            double[] expected = doubles("dtc_scores", m);
            // Both solvers follow the exact LASSO path; they differ by rounding in its few steps.
            assertThat(d.scores()).as("dtc scores, m = %d", m).containsExactly(expected, within(1e-9));
            for (int u = 0; u < m; u++) {
                assertThat(d.scores()[u] == 0).as("support at unit %d, m = %d", u, m).isEqualTo(expected[u] == 0);
            }
            assertThat(d.keep()).as("dtc kept, m = %d", m).containsExactly(ints("dtc_kept", m));
        }
    }

    @Test
    void reconstructionScoresArePsiTimesTheSolutions() {
        EngineConfig config = EngineConfig.reference().withPruning(p -> p.withScore(ScoreKind.RECONSTRUCTION));
        for (int m : WIDTHS) {
            LayerDecision d = decide(new DtcStrategy(), config, m);
            assertThat(d.scores()).as("reconstruction, m = %d", m)
                    .containsExactly(doubles("reconstruction_scores", m), within(1e-9));
            assertThat(d.keep()).as("reconstruction kept, m = %d", m).containsExactly(ints("reconstruction_kept", m));
        }
    }

    @Test
    void magnitudeScoresAreTheSignedRaySums() {
        for (int m : WIDTHS) {
            LayerDecision d = decide(new MagnitudeStrategy(), EngineConfig.reference(), m);
            // One addition each, in the same order as numpy's: equal to the last bit.
            assertThat(d.scores()).as("magnitude, m = %d", m).containsExactly(doubles("magnitude_scores", m));
            assertThat(d.keep()).as("magnitude kept, m = %d", m).containsExactly(ints("magnitude_kept", m));
        }
    }
}
