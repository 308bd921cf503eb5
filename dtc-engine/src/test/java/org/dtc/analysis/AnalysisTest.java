package org.dtc.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.dtc.core.Lowess;
import org.dtc.core.Statistics;
import org.dtc.cs.SolverStatus;
import org.dtc.engine.CycleRecord;
import org.junit.jupiter.api.Test;

class AnalysisTest {
    private static List<CycleRecord> records(String strategy, long seed, int cycles, double shift) {
        List<CycleRecord> out = new ArrayList<>();
        int m = 512;
        for (int c = 0; c < cycles; c++) {
            m = org.dtc.engine.KeepRule.keptCount(m, 0.1);
            double sparsity = 1 - m / 512.0;
            double accuracy = 0.97 - 0.2 * Math.pow(sparsity, 8) + shift * Math.sin(c);
            double gibbs = 6 - 3 * Math.pow(sparsity, 6) + 0.01 * Math.cos(3 * c);
            CycleRecord.Layer layer = new CycleRecord.Layer(m, new double[1], new double[1], gibbs - 1, gibbs, null,
                    SolverStatus.SOLVED, 3, 0.001);
            out.add(new CycleRecord(strategy, seed, c, new int[] {m}, sparsity, accuracy, 0.1, gibbs - 1, gibbs,
                    List.of(layer), 1.5, 1e9));
        }
        return out;
    }

    @Test
    void seriesAreSmoothedByLowessAndTableOneUsesThePapersRows() {
        List<CycleRecord> all = new ArrayList<>(records("dtc", 1, 34, 0.002));
        all.addAll(records("random", 1, 34, 0.003));
        List<Analysis.Series> series = Analysis.series(CycleRow.of(all));
        assertThat(series).hasSize(2);
        Analysis.Series dtc = series.get(0);
        assertThat(dtc.smoothed()).containsExactly(Lowess.smooth(dtc.sparsity(), dtc.accuracy(), 0.3, 3));
        String table = Analysis.table1(series, List.of("dtc", "random"));
        assertThat(table).contains("| cycle | sparsity | dtc | paper | diff | random | paper | diff |");
        // Row of cycle 33: sparsity 1 - 9/512 = 0.9824, the paper's last row (DTC 0.8391).
        assertThat(table).contains(String.format("| 33 | 0.9824 | %.4f | 0.8391 |", dtc.smoothed()[33]));
        assertThat(table.lines().filter(l -> l.matches("\\| \\d+ \\| 0\\.\\d{4} \\|.*")).count()).isEqualTo(15);
    }

    @Test
    void correlationsAreTheDtcEntropyAgainstEachAccuracyCurve() {
        List<CycleRecord> all = new ArrayList<>(records("dtc", 7, 34, 0.002));
        all.addAll(records("random", 7, 34, 0.003));
        List<Analysis.Series> series = Analysis.series(CycleRow.of(all));
        Map<String, Object> c = Analysis.correlations(series);
        @SuppressWarnings("unchecked")
        Map<String, Object> vsRandom = (Map<String, Object>) c.get("seed 7: dtc gibbs_next vs random accuracy");
        assertThat((double) vsRandom.get("smoothed"))
                .isEqualTo(Statistics.pearson(series.get(0).gibbsNext(), series.get(1).smoothed()));
        assertThat(c).containsKey("seed 7: dtc gibbs_next vs dtc accuracy");
    }
}
