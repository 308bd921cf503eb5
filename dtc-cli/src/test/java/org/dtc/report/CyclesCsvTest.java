package org.dtc.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.dtc.analysis.CycleRow;
import org.dtc.cs.SolverStatus;
import org.dtc.engine.CycleRecord;
import org.dtc.engine.KeepRule;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CyclesCsvTest {
    private static List<CycleRecord> records(String strategy, long seed, int cycles) {
        List<CycleRecord> out = new ArrayList<>();
        int m = 512;
        for (int c = 0; c < cycles; c++) {
            m = KeepRule.keptCount(m, 0.1);
            double sparsity = 1 - m / 512.0;
            CycleRecord.Layer layer = new CycleRecord.Layer(m, new double[1], new double[1], 4.5 - c, 5.5 - c, 0, 0, null,
                    SolverStatus.SOLVED, 3, 0.001);
            out.add(new CycleRecord(strategy, seed, c, new int[] {m}, sparsity, 0.97 - 0.01 * c, 0.1, 4.5 - c,
                    5.5 - c, List.of(layer), 1.5, 1e9, new org.dtc.nn.NetworkSize(100, 90, 200), 0.3, 0.05));
        }
        return out;
    }

    @Test
    void startsWithTheContractColumns() {
        String csv = CyclesCsv.render(records("magnitude", 3, 2));
        assertThat(csv.lines().findFirst().orElseThrow())
                .startsWith("strategy,seed,cycle,hidden,sparsity,accuracy,loss,gibbs_prev,gibbs_next,seconds");
        // 512 units less 10% rounded as the notebooks round: 460 left, sparsity 52/512
        assertThat(csv.lines().skip(1).findFirst().orElseThrow()).startsWith("magnitude,3,0,460,0.1015625,");
        assertThat(csv.lines()).hasSize(3);
        // A cycle without a solver (random, magnitude) says none.
        List<CycleRecord> none = List.of(new CycleRecord("random", 3, 0, new int[] {460}, 0.1015625, 0.9, 0.1, 1, 2,
                List.of(new CycleRecord.Layer(512, new double[1], new double[1], 1, 2, 0, 0, null, null, 0, 0)), 1.5, 1e9,
                new org.dtc.nn.NetworkSize(100, 90, 200), 0.3, 0.05));
        assertThat(CyclesCsv.render(none).lines().skip(1).findFirst().orElseThrow()).contains(",none,0,");
    }

    @Test
    void readsBackIntoTheSameRows(@TempDir Path dir) throws Exception {
        List<CycleRecord> records = records("dtc", 5, 4);
        Path csv = dir.resolve("cycles.csv");
        ResultFiles.write(csv, CyclesCsv.render(records));
        List<CycleRow> rows = CyclesCsv.parse(csv);
        assertThat(rows).hasSize(4);
        assertThat(rows.get(2)).isEqualTo(CycleRow.of(records.get(2)).withSeconds(1.5));
        Files.writeString(csv, "strategy,seed\nx,1\n");
        assertThatThrownBy(() -> CyclesCsv.parse(csv)).hasMessageContaining("no column 'cycle'");
        String[] good = CyclesCsv.render(records).split("\n");
        String[][] bad = {
            {good[0] + "\n", csv + " holds no cycles, only its header"},
            {good[0] + "\n" + good[1].replaceFirst(",0\\.1015625,", ",abc,") + "\n",
                csv + ": line 2, column sparsity: 'abc' is not a number"},
            {good[0] + "\n" + good[1] + "\n" + good[2].replaceFirst(",5,", ",5.5,") + "\n",
                csv + ": line 3, column seed: '5.5' is not a whole number"},
            {good[0] + "\ndtc,1,2\n", csv + ": line 2 has 3 fields, the header 19: dtc,1,2"},
            {good[0] + "\n" + good[1] + ",7\n", csv + ": line 2 has 20 fields, the header 19: " + good[1] + ",7"},
            {good[0] + "\n" + good[1].replaceFirst("^dtc,", "best,") + "\n",
                csv + ": line 2, column strategy: unknown strategy 'best': known are dtc, random, magnitude, l1, "
                    + "l2, taylor, apoz, activation, fpgm, bn-scale"},
            {good[0] + "\n" + good[1].replaceFirst(",5,0,", ",5,-1,") + "\n",
                csv + ": line 2, column cycle: -1 is negative"},
            {good[0] + "\n" + good[1].replaceFirst("^dtc,5,", "dtc,-5,") + "\n",
                csv + ": line 2, column seed: -5 is not a seed (0 .. 4294967295)"},
            {good[0] + "\n" + good[1] + "\n" + good[1] + "\n", csv + ": line 3: dtc seed 5 cycle 0 is there twice"},
        };
        for (String[] b : bad) {
            Files.writeString(csv, b[0]);
            assertThatThrownBy(() -> CyclesCsv.parse(csv)).hasMessage(b[1]);
        }
        // A byte-order mark before the header, as spreadsheets write UTF-8, is not part of its first name.
        Files.writeString(csv, "\uFEFF" + CyclesCsv.render(records));
        assertThat(CyclesCsv.parse(csv)).hasSize(4);
    }
}
