package org.dtc.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.util.List;
import org.dtc.fixtures.Fixture;
import org.junit.jupiter.api.Test;

/**
 * The weight-based criteria (l1, l2, fpgm) against PyTorch (src-test-data/criteria/generate.py):
 * Torch-Pruning's group magnitude and torch.cdist's distances, on float32 weights with and
 * without a batch-norm scale, and the units each keeps.
 */
class CriteriaOracleTest {
    private final Fixture fixture;

    CriteriaOracleTest() throws IOException {
        fixture = Fixture.read("criteria/reference.txt");
    }




    @Test
    void groupNormsAndGeometricMedianScoresAndKeptUnitsAreTorchs() {
        for (String c : List.of("plain", "norm", "wide")) {
            int[] shape = fixture.ints("shape " + c);
            int m = shape[0];
            LayerWeights weights = new LayerWeights(fixture.floats("w1 " + c), shape[1], fixture.floats("w2 " + c), shape[2],
                    fixture.has("gamma " + c) ? fixture.floats("gamma " + c) : null);
            LayerInput input = new LayerInput(0, 0, shape[3], new double[m], new double[m], null, null, null, weights,
                    null, EngineConfig.reference(), 1);
            List<String> names = weights.scale() == null ? List.of("l1", "l2", "fpgm")
                    : List.of("l1", "l2", "fpgm", "bn-scale");
            for (String name : names) {
                LayerDecision d = PruningStrategy.named(name).decide(input);
                double[] expected = fixture.doubles(name + "_scores " + c);
                // Sums of at most a few thousand float32 values in double, in another order: 1e-12 of the score.
                for (int u = 0; u < m; u++) {
                    assertThat(d.scores()[u]).as("%s %s unit %d", name, c, u)
                            .isCloseTo(expected[u], within(1e-12 * expected[u]));
                }
                assertThat(d.keep()).as("%s %s kept", name, c).containsExactly(fixture.ints(name + "_kept " + c));
            }
        }
    }

    @Test
    void theyRemoveTheSmallestScoresWhateverThePresetsClippingRule() {
        int[] shape = fixture.ints("shape plain");
        LayerWeights weights = new LayerWeights(fixture.floats("w1 plain"), shape[1], fixture.floats("w2 plain"), shape[2], null);
        for (EngineConfig preset : List.of(EngineConfig.reference(), EngineConfig.paper())) {
            LayerInput input = new LayerInput(0, 0, shape[3], new double[shape[0]], new double[shape[0]], null, null,
                    null, weights, null, preset, 1);
            assertThat(new GroupNormStrategy(2).decide(input).keep()).containsExactly(fixture.ints("l2_kept plain"));
        }
    }

    @Test
    void bnScaleIsRefusedWithoutBatchNorm() {
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> new RunPlan(EngineConfig.reference(),
                List.of(PruningStrategy.named("bn-scale")), List.of(1L)))
                .hasMessage("bn-scale ranks units by their batch-norm scale, and the network 784-512-10 has no "
                        + "learnable batch norm after its hidden layers (--hidden-norm true)");
    }
}
