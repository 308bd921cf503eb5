package org.dtc.report;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.dtc.analysis.CycleRow;
import org.dtc.engine.CycleRecord;
import org.dtc.engine.PruningStrategy;

/**
 * cycles.csv, the contract other tools read: one row per strategy, seed and cycle. The first ten
 * columns are fixed; more may follow.
 */
public final class CyclesCsv {
    public static final String HEADER = "strategy,seed,cycle,hidden,sparsity,accuracy,loss,gibbs_prev,gibbs_next,"
            + "seconds,solver_status,solver_iterations,solver_seconds,training_flops,ray_score,entropy_out_of_range,"
            + "params,nonzero_params,flops";

    private CyclesCsv() {}

    /**
     * The rows of a cycles.csv, by column name (so files with more columns read as well). A bad
     * field is named by line, column and value; a file without rows is refused.
     */
    public static List<CycleRow> parse(Path file) throws IOException {
        List<String> lines = new ArrayList<>(Files.readAllLines(file));
        if (lines.isEmpty()) {
            throw new IOException(file + " is empty; expected the header " + HEADER);
        }
        // A spreadsheet saving as UTF-8 may put a byte-order mark first; it is not part of the name.
        if (lines.get(0).startsWith("\uFEFF")) {
            lines.set(0, lines.get(0).substring(1));
        }
        List<String> header = Arrays.asList(lines.get(0).split(","));
        String[] needed = {"strategy", "seed", "cycle", "hidden", "sparsity", "accuracy", "loss", "gibbs_prev",
            "gibbs_next", "seconds"};
        for (String column : needed) {
            if (!header.contains(column)) {
                throw new IOException(file + ": no column '" + column + "' in its header " + lines.get(0));
            }
        }
        List<CycleRow> rows = new ArrayList<>();
        java.util.Set<String> seen = new java.util.HashSet<>();
        for (int n = 1; n < lines.size(); n++) {
            if (lines.get(n).isBlank()) {
                continue;
            }
            String[] fields = lines.get(n).split(",", -1);
            String where = file + ": line " + (n + 1);
            if (fields.length != header.size()) {
                throw new IOException(where + " has " + fields.length + " fields, the header " + header.size() + ": "
                        + lines.get(n));
            }
            Line line = new Line(where, header, fields);
            String strategy = line.text("strategy");
            try {
                PruningStrategy.named(strategy);
            } catch (IllegalArgumentException unknown) {
                throw new IOException(where + ", column strategy: " + unknown.getMessage());
            }
            long seed = (long) line.number("seed", true);
            if (seed < 0 || seed > 0xffffffffL) {
                throw new IOException(where + ", column seed: " + seed + " is not a seed (0 .. 4294967295)");
            }
            int cycle = (int) line.number("cycle", true);
            if (cycle < 0) {
                throw new IOException(where + ", column cycle: " + cycle + " is negative");
            }
            double sparsity = line.number("sparsity", false);
            if (!(sparsity >= 0 && sparsity <= 1)) {
                throw new IOException(where + ", column sparsity: " + sparsity + " is not a fraction (0 .. 1)");
            }
            if (!seen.add(strategy + "," + seed + "," + cycle)) {
                throw new IOException(where + ": " + strategy + " seed " + seed + " cycle " + cycle
                        + " is there twice");
            }
            rows.add(new CycleRow(strategy, seed, cycle, line.text("hidden"), sparsity,
                    line.number("accuracy", false), line.number("loss", false), line.number("gibbs_prev", false),
                    line.number("gibbs_next", false), line.number("seconds", false),
                    header.contains("ray_score") ? line.number("ray_score", false) : Double.NaN));
        }
        if (rows.isEmpty()) {
            throw new IOException(file + " holds no cycles, only its header");
        }
        return rows;
    }

    /** One row's fields by column name; a field that is not what its column holds fails with its place. */
    private record Line(String where, List<String> header, String[] fields) {
        String text(String column) {
            return fields[header.indexOf(column)];
        }

        double number(String column, boolean whole) throws IOException {
            String value = text(column);
            try {
                return whole ? Long.parseLong(value) : Double.parseDouble(value);
            } catch (NumberFormatException e) {
                throw new IOException(where + ", column " + column + ": '" + value + "' is not "
                        + (whole ? "a whole number" : "a number"));
            }
        }
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
        return String.format(Locale.ROOT, "%s,%d,%d,%s,%s,%s,%s,%s,%s,%.6f,%s,%d,%.6f,%.6e,%s,%d,%d,%d,%d%n", r.strategy(),
                r.seed(), r.cycle(), r.hiddenText(), r.sparsity(), r.accuracy(), r.loss(), r.gibbsPrevious(),
                r.gibbsNext(), r.seconds(),
                r.solverStatus() == null ? "none" : r.solverStatus().name().toLowerCase(Locale.ROOT), iterations,
                solverSeconds, r.trainingFlops(), r.rayScore(), r.entropyOutOfRange(), r.size().parameters(),
                r.size().nonzero(), r.size().inferenceFlops());
    }
}
