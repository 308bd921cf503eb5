package org.dtc.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.dtc.core.RandomStream;
import org.dtc.core.Statistics;
import org.junit.jupiter.api.Test;

class KeepRuleTest {
    @Test
    void theReferenceRunsSizesFollow() {
        List<Integer> sizes = new ArrayList<>();
        for (int m = 512; m > 10; ) {
            m = KeepRule.keptCount(m, 0.1);
            sizes.add(m);
        }
        assertThat(sizes).containsExactly(460, 414, 372, 334, 300, 270, 243, 218, 196, 176, 158, 142, 127, 114, 102,
                91, 81, 72, 64, 57, 51, 45, 40, 36, 32, 28, 25, 22, 19, 17, 15, 13, 11, 9);
    }

    /** With distinct scores the rule is numpy's: keep |w| strictly below the 0.9-quantile. */
    @Test
    void withDistinctScoresItIsTheNotebooksStrictQuantileRule() {
        RandomStream random = new RandomStream(5);
        for (int m = 2; m <= 600; m += 7) {
            double[] w = new double[m];
            random.fillNormal(w, 0, m, 0, 1);
            double[] abs = new double[m];
            for (int i = 0; i < m; i++) {
                abs[i] = Math.abs(w[i]);
            }
            double q = Statistics.quantile(abs, 0.9);
            List<Integer> numpy = new ArrayList<>();
            for (int i = 0; i < m; i++) {
                if (abs[i] < q) {
                    numpy.add(i);
                }
            }
            int[] ours = KeepRule.keep(w, KeepRule.keptCount(m, 0.1), ClipRule.KEEP_BELOW_QUANTILE);
            assertThat(ours).as("m=%d", m).containsExactly(numpy.stream().mapToInt(Integer::intValue).toArray());
        }
    }

    @Test
    void tiesAndZerosStillKeepTheCountDeterministically() {
        // An exact LASSO leaves most scores at zero: the strict rule would keep none.
        double[] w = {0, 0, 0.5, 0, -0.7, 0, 0, 0, 0, 0, 0};
        int kept = KeepRule.keptCount(w.length, 0.1);
        assertThat(kept).isEqualTo(9);
        assertThat(KeepRule.keep(w, kept, ClipRule.KEEP_BELOW_QUANTILE)).containsExactly(0, 1, 3, 5, 6, 7, 8, 9, 10);
        assertThat(KeepRule.keep(w, kept, ClipRule.REMOVE_SMALLEST)).containsExactly(0, 1, 2, 3, 4, 5, 6, 7, 8);
        assertThat(KeepRule.keptCount(1, 0.1)).isEqualTo(1);
    }

    @Test
    void theReferenceRunPassesThroughTheNotebooksSizes() {
        // docs/experiment.md: the sizes after each of the notebooks' 34 cycles.
        int[] notebooks = {460, 414, 372, 334, 300, 270, 243, 218, 196, 176, 158, 142, 127, 114, 102, 91, 81, 72, 64,
            57, 51, 45, 40, 36, 32, 28, 25, 22, 19, 17, 15, 13, 11, 9};
        assertThat(SizeSequence.of(EngineConfig.reference()).stream().mapToInt(h -> h[0]).toArray())
                .containsExactly(notebooks);
        // Two hidden layers shrink together; the narrower reaches the stop size first.
        EngineConfig deep = EngineConfig.reference().withNetwork(org.dtc.nn.NetworkSpec.parse("784-512-64-10"));
        List<int[]> sizes = SizeSequence.of(deep);
        assertThat(sizes.get(0)).containsExactly(460, 57);
        assertThat(sizes.get(sizes.size() - 1)[1]).isLessThanOrEqualTo(10);
        assertThat(sizes.get(sizes.size() - 2)[1]).isGreaterThan(10);
    }
}
