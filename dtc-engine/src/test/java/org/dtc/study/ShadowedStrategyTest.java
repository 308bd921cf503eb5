package org.dtc.study;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.dtc.engine.ClipRule;
import org.dtc.engine.EngineConfig;
import org.dtc.engine.LayerDecision;
import org.dtc.engine.LayerInput;
import org.dtc.engine.PruningStrategy;
import org.junit.jupiter.api.Test;

/** The overlap of removed sets and the agreement of rankings, on decisions worked by hand. */
class ShadowedStrategyTest {
    /** A strategy with fixed scores over six units, keeping four by the rule. */
    private record Fixed(String name, double[] scores, ClipRule rule) implements PruningStrategy {
        @Override
        public LayerDecision decide(LayerInput layer) {
            return LayerDecision.ranked(scores, layer.kept(), rule);
        }
    }

    private static LayerInput layer() {
        return new LayerInput(0, 3, 4, new double[6], new double[6], null, null, null, null, null,
                EngineConfig.reference(), 1);
    }

    @Test
    void jaccardOfTheRemovedSetsAndSpearmanOfTheKeepPriorities() {
        // Own removes units 4 and 5 (smallest); "same" ranks identically but removes the largest of
        // the negated scores, i.e. the same units; "shifted" removes 3 and 5; "reversed" 0 and 1.
        double[] own = {6, 5, 4, 3, 2, 1};
        Fixed same = new Fixed("same", new double[] {-1, -2, -3, -4, -5, -6}, ClipRule.KEEP_BELOW_QUANTILE);
        Fixed shifted = new Fixed("shifted", new double[] {6, 5, 4, 1.5, 3, 1}, ClipRule.REMOVE_SMALLEST);
        Fixed reversed = new Fixed("reversed", new double[] {1, 2, 3, 4, 5, 6}, ClipRule.REMOVE_SMALLEST);
        Cell cell = new Cell("mnist", "784-6-10", Schedule.TRAIN_COMPRESS, "own", 42);
        ShadowedStrategy s = new ShadowedStrategy(new Fixed("own", own, ClipRule.REMOVE_SMALLEST),
                List.of(same, shifted, reversed), cell);
        LayerDecision d = s.decide(layer());
        assertThat(d.keep()).containsExactly(0, 1, 2, 3);
        List<OverlapRow> rows = s.rows();
        assertThat(rows).extracting(OverlapRow::criterion).containsExactly("same", "shifted", "reversed");
        assertThat(rows).extracting(OverlapRow::cycle).containsOnly(3);
        assertThat(rows).extracting(OverlapRow::removed).containsOnly(2);
        assertThat(rows.get(0).jaccard()).isEqualTo(1.0);
        assertThat(rows.get(0).spearman()).isCloseTo(1.0, within(1e-15));
        // {4, 5} and {3, 5}: one in common of three.
        assertThat(rows.get(1).jaccard()).isCloseTo(1.0 / 3, within(1e-15));
        // Ranks 6 5 4 3 2 1 against 6 5 4 2 3 1: d^2 sums to 2, rho = 1 - 6 * 2 / (6 * 35).
        assertThat(rows.get(1).spearman()).isCloseTo(1 - 12.0 / 210, within(1e-15));
        assertThat(rows.get(2).jaccard()).isZero();
        assertThat(rows.get(2).spearman()).isCloseTo(-1.0, within(1e-15));
    }
}
