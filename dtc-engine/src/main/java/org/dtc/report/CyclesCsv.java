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
            + "seconds,solver_status,solver_iterations,solver_seconds,training_flops,ray_score";

    private CyclesCsv() {}

    /** The rows of a cycles.csv, by column name (so files with more columns read as well). */
    public static java.util.List<CycleRow> parse(java.nio.file.Path file) throws java.io.IOException {
        java.util.List<String> lines = java.nio.file.Files.readAllLines(file);
        if (lines.isEmpty()) {
            throw new java.io.IOException(file + " is empty; expected the header " + HEADER);
        }
        java.util.List<String> header = java.util.Arrays.asList(lines.get(0).split(","));
        String[] needed = {"strategy", "seed", "cycle", "hidden", "sparsity", "accuracy", "loss", "gibbs_prev",
            "gibbs_next", "seconds"};
        int[] at = new int[needed.length];
        for (int i = 0; i < needed.length; i++) {
            at[i] = header.indexOf(needed[i]);
            if (at[i] < 0) {
                throw new java.io.IOException(file + ": no column '" + needed[i] + "' in its header " + lines.get(0));
            }
        }
        int ray = header.indexOf("ray_score");
        java.util.List<CycleRow> rows = new java.util.ArrayList<>();
        for (int n = 1; n < lines.size(); n++) {
            if (lines.get(n).isBlank()) {
                continue;
            }
            String[] f = lines.get(n).split(",", -1);
            try {
                rows.add(new CycleRow(f[at[0]], Long.parseLong(f[at[1]]), Integer.parseInt(f[at[2]]), f[at[3]],
                        Double.parseDouble(f[at[4]]), Double.parseDouble(f[at[5]]), Double.parseDouble(f[at[6]]),
                        Double.parseDouble(f[at[7]]), Double.parseDouble(f[at[8]]), Double.parseDouble(f[at[9]]),
                        ray >= 0 ? Double.parseDouble(f[ray]) : Double.NaN));
            } catch (RuntimeException e) {
                throw new java.io.IOException(file + ": line " + (n + 1) + " is not a cycle row: " + lines.get(n));
            }
        }
        return rows;
    }

    public static String render(List<CycleRecord> records) {
        StringBuilder s = new StringBuilder(HEADER).append('\n');
        for (CycleRecord r : records) {
            s.append(row(r));
        }
        return s.toString();
    }

    /** One record's line, with its line break. */
    public static String row(CycleRecord r) {
        int iterations = 0;
        double solverSeconds = 0;
        for (CycleRecord.Layer l : r.layers()) {
            iterations += l.solverIterations();
            solverSeconds += l.solverSeconds();
        }
        return String.format(Locale.ROOT, "%s,%d,%d,%s,%s,%s,%s,%s,%s,%.6f,%s,%d,%.6f,%.6e,%s%n", r.strategy(),
                r.seed(), r.cycle(), r.hiddenText(), r.sparsity(), r.accuracy(), r.loss(), r.gibbsPrevious(),
                r.gibbsNext(), r.seconds(), r.solverStatus().name().toLowerCase(Locale.ROOT), iterations,
                solverSeconds, r.trainingFlops(), r.rayScore());
    }
}
