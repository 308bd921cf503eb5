package org.dtc.report;

import java.util.List;
import java.util.Locale;
import org.dtc.engine.CycleRecord;

/**
 * cycles.csv, the contract other tools read: one row per strategy, seed and cycle. The first ten
 * columns are fixed; more may follow.
 */
public final class CyclesCsv {
    public static final String HEADER = "strategy,seed,cycle,hidden,sparsity,accuracy,loss,gibbs_prev,gibbs_next,"
            + "seconds,solver_status,solver_iterations,solver_seconds,training_flops";

    private CyclesCsv() {}

    public static String render(List<CycleRecord> records) {
        StringBuilder s = new StringBuilder(HEADER).append('\n');
        for (CycleRecord r : records) {
            int iterations = 0;
            double solverSeconds = 0;
            for (CycleRecord.Layer l : r.layers()) {
                iterations += l.solverIterations();
                solverSeconds += l.solverSeconds();
            }
            s.append(String.format(Locale.ROOT, "%s,%d,%d,%s,%s,%s,%s,%s,%s,%.6f,%s,%d,%.6f,%.6e%n", r.strategy(),
                    r.seed(), r.cycle(), r.hiddenText(), r.sparsity(), r.accuracy(), r.loss(), r.gibbsPrevious(),
                    r.gibbsNext(), r.seconds(), r.solverStatus().name().toLowerCase(Locale.ROOT), iterations,
                    solverSeconds, r.trainingFlops()));
        }
        return s.toString();
    }
}
