package org.dtc.analysis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.dtc.fixtures.Fixture;
import org.junit.jupiter.api.Test;

/**
 * The paper's analysis of two synthetic runs against statsmodels' LOWESS and scipy's Pearson
 * (src-test-data/analysis/generate.py): the smoothing Analysis applies, the correlations it
 * reports and the cycles Table 1's rows come from.
 */
class AnalysisTest {
    private final Fixture fixture;

    AnalysisTest() throws IOException {
        fixture = Fixture.read("analysis/reference.txt");
    }


    private List<CycleRow> rows(String strategy, int[] sizes, int initial) {
        double[] accuracy = fixture.doubles("accuracy " + strategy);
        double[] gibbs = fixture.doubles("gibbs_next " + strategy);
        List<CycleRow> rows = new ArrayList<>();
        for (int c = 0; c < sizes.length; c++) {
            rows.add(new CycleRow(strategy, 7, c, Integer.toString(sizes[c]), 1 - sizes[c] / (double) initial,
                    accuracy[c], 0.1, gibbs[c] - 1, gibbs[c], 1.5, Double.NaN));
        }
        return rows;
    }

    private List<Analysis.Series> paperSeries() {
        int[] sizes = java.util.Arrays.stream(fixture.words("hidden sizes")).mapToInt(Integer::parseInt).toArray();
        List<CycleRow> all = new ArrayList<>(rows("dtc", sizes, 512));
        all.addAll(rows("random", sizes, 512));
        return Analysis.series(all);
    }

    @Test
    void eachAccuracyCurveIsSmoothedAsStatsmodelsLowessDoes() {
        List<Analysis.Series> series = paperSeries();
        assertThat(series).extracting(Analysis.Series::strategy).containsExactly("dtc", "random");
        for (Analysis.Series se : series) {
            double[] expected = fixture.doubles("smoothed " + se.strategy());
            // The same weights and local fits as statsmodels, summed in another order: 1e-12.
            assertThat(se.smoothed()).as(se.strategy()).containsExactly(expected, within(1e-12));
        }
    }

    @Test
    void correlationsAreTheDtcRunsNextLayerEntropyAgainstEachCurveAsScipyComputesThem() {
        Map<String, Object> c = Analysis.correlations(paperSeries());
        for (String strategy : List.of("dtc", "random")) {
            @SuppressWarnings("unchecked")
            Map<String, Object> v = (Map<String, Object>) c.get("seed 7: dtc gibbs_next vs " + strategy + " accuracy");
            // Pearson of 34 values; smoothed inputs carry LOWESS's 1e-12: agreement to 1e-12.
            assertThat((double) v.get("smoothed")).isCloseTo(fixture.doubles("pearson_smoothed " + strategy)[0], within(1e-12));
            assertThat((double) v.get("raw")).isCloseTo(fixture.doubles("pearson_raw " + strategy)[0], within(1e-12));
        }
    }

    @Test
    void tableOneTakesEachRowFromTheCycleAtThePapersSparsity() {
        List<Analysis.Series> series = paperSeries();
        String table = Analysis.table1(series, List.of("dtc", "random"));
        assertThat(table).contains("| cycle | sparsity | dtc | paper | diff | random | paper | diff |");
        double[] dtc = fixture.doubles("smoothed dtc");
        double[] random = fixture.doubles("smoothed random");
        List<String> tableRows = table.lines().filter(l -> l.matches("\\| \\d+ \\| 0\\.\\d{4} \\| 0\\..*")).toList();
        assertThat(tableRows).hasSize(15);
        for (int row = 0; row < 15; row++) {
            int cycle = Integer.parseInt(fixture.words("table1_cycle " + row)[0]);
            double[] paper = Analysis.PAPER_TABLE1[row];
            assertThat(tableRows.get(row)).startsWith(String.format(Locale.ROOT,
                    "| %d | %.4f | %.4f | %.4f | %.4f | %.4f | %.4f |", cycle, paper[0], dtc[cycle], paper[3],
                    dtc[cycle] - paper[3], random[cycle], paper[2]));
        }
    }

    @Test
    void anotherNetworkIsNotComparedWithThePapersRows() {
        // 300 hidden units pruned by 10%: none of its sparsities is one the paper prints.
        int[] sizes = new int[34];
        int m = 300;
        for (int c = 0; c < sizes.length; c++) {
            m = org.dtc.engine.KeepRule.keptCount(m, 0.1);
            sizes[c] = Math.max(m, 1);
        }
        String table = Analysis.table1(Analysis.series(rows("dtc", java.util.Arrays.copyOf(sizes, 30), 300)),
                List.of("dtc"));
        assertThat(table).contains("No cycle of these runs has the sparsity of a row of the paper's Table 1")
                .doesNotContain("| paper |");
    }
}
