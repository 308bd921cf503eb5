package org.dtc.analysis;

import java.util.List;
import org.dtc.engine.CycleRecord;

/** One row of cycles.csv: what the tables and figures are drawn from. */
public record CycleRow(String strategy, long seed, int cycle, String hidden, double sparsity, double accuracy,
                       double loss, double gibbsPrevious, double gibbsNext, double seconds, double rayScore) {

    public static CycleRow of(CycleRecord r) {
        return new CycleRow(r.strategy(), r.seed(), r.cycle(), r.hiddenText(), r.sparsity(), r.accuracy(), r.loss(),
                r.gibbsPrevious(), r.gibbsNext(), r.seconds(), r.rayScore());
    }

    /** The same row with another wall time (cycles.csv keeps six decimals of it). */
    public CycleRow withSeconds(double s) {
        return new CycleRow(strategy, seed, cycle, hidden, sparsity, accuracy, loss, gibbsPrevious, gibbsNext, s,
                rayScore);
    }

    public static List<CycleRow> of(List<CycleRecord> records) {
        return records.stream().map(CycleRow::of).toList();
    }
}
