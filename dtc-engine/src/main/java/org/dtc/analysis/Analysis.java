package org.dtc.analysis;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.dtc.core.Lowess;
import org.dtc.core.Statistics;

/**
 * The paper's analysis of a run: LOWESS-smoothed accuracy (frac 0.3, 3 robustifying passes) per
 * strategy and seed, Table 1 at the paper's fifteen sparsity rows beside its published values,
 * and the Pearson correlations of the Gibbs entropies with the accuracy curves.
 */
public final class Analysis {
    /** The paper's Table 1: sparsity, magnitude, random, DTC. */
    public static final double[][] PAPER_TABLE1 = {
        {0.1016, 0.9638, 0.9637, 0.9663}, {0.1914, 0.9675, 0.9669, 0.9687}, {0.3477, 0.9735, 0.9723, 0.9728},
        {0.4141, 0.9745, 0.9736, 0.9735}, {0.5254, 0.9740, 0.9747, 0.9732}, {0.6172, 0.9730, 0.9748, 0.9732},
        {0.7520, 0.9718, 0.9719, 0.9705}, {0.8594, 0.9560, 0.9588, 0.9609}, {0.9121, 0.9324, 0.9399, 0.9463},
        {0.9219, 0.9234, 0.9341, 0.9423}, {0.9297, 0.9144, 0.9292, 0.9371}, {0.9512, 0.8703, 0.9157, 0.9153},
        {0.9707, 0.8293, 0.8834, 0.8717}, {0.9785, 0.8138, 0.8673, 0.8500}, {0.9824, 0.8060, 0.8589, 0.8391}};
    private static final List<String> PAPER_COLUMNS = List.of("magnitude", "random", "dtc");

    private Analysis() {}

    /** One strategy and seed's series, cycle by cycle. */
    public record Series(String strategy, long seed, double[] sparsity, double[] accuracy, double[] smoothed,
                         double[] gibbsPrevious, double[] gibbsNext, double[] rayScore) {}

    /** Splits rows into series (by strategy and seed, in cycle order) and smooths each. */
    public static List<Series> series(List<CycleRow> rows) {
        Map<String, List<CycleRow>> groups = new LinkedHashMap<>();
        for (CycleRow r : rows) {
            groups.computeIfAbsent(r.strategy() + "\u0000" + r.seed(), k -> new ArrayList<>()).add(r);
        }
        List<Series> out = new ArrayList<>();
        for (List<CycleRow> g : groups.values()) {
            g.sort(java.util.Comparator.comparingInt(CycleRow::cycle));
            int n = g.size();
            double[] sparsity = new double[n];
            double[] accuracy = new double[n];
            double[] previous = new double[n];
            double[] next = new double[n];
            double[] ray = new double[n];
            for (int i = 0; i < n; i++) {
                sparsity[i] = g.get(i).sparsity();
                accuracy[i] = g.get(i).accuracy();
                previous[i] = g.get(i).gibbsPrevious();
                next[i] = g.get(i).gibbsNext();
                ray[i] = g.get(i).rayScore();
            }
            // LOWESS needs two points in each window: int(0.3 n) >= 2, so at least 7 cycles.
            double[] smoothed = n >= 7 ? Lowess.smooth(sparsity, accuracy, 0.3, 3) : accuracy.clone();
            out.add(new Series(g.get(0).strategy(), g.get(0).seed(), sparsity, accuracy, smoothed, previous, next, ray));
        }
        return out;
    }

    /**
     * table1.md: smoothed accuracy (mean over seeds) at the paper's rows, the paper's values and
     * the differences. A row is matched to the cycle whose sparsity the paper prints (rounded to
     * four decimals); with another network or prune fraction few or no sparsities coincide, and
     * the table then says so instead of comparing different operating points.
     */
    public static String table1(List<Series> all, List<String> strategies) {
        StringBuilder s = new StringBuilder("# Table 1, recomputed\n\n");
        s.append("Test accuracy, LOWESS-smoothed over sparsity (frac 0.3, 3 iterations) per strategy, at the "
                + "cycles whose sparsity is that of the paper's rows; mean over seeds. `paper` is the published "
                + "value, `diff` ours minus it.\n\n");
        StringBuilder header = new StringBuilder("| cycle | sparsity |");
        StringBuilder rule = new StringBuilder("|---|---|");
        for (String st : strategies) {
            header.append(' ').append(st).append(" | paper | diff |");
            rule.append("---|---|---|");
        }
        StringBuilder rows = new StringBuilder();
        int matched = 0;
        for (double[] paperRow : PAPER_TABLE1) {
            int cycle = cycleAtSparsity(all, paperRow[0]);
            if (cycle < 0) {
                continue;
            }
            double sparsity = Double.NaN;
            StringBuilder line = new StringBuilder();
            for (String st : strategies) {
                double sum = 0;
                int count = 0;
                for (Series se : all) {
                    if (se.strategy.equals(st) && cycle < se.smoothed.length) {
                        sum += se.smoothed[cycle];
                        sparsity = se.sparsity[cycle];
                        count++;
                    }
                }
                double ours = count > 0 ? sum / count : Double.NaN;
                int column = PAPER_COLUMNS.indexOf(st);
                double paper = column >= 0 ? paperRow[column + 1] : Double.NaN;
                line.append(String.format(Locale.ROOT, " %s | %s | %s |", fmt(ours), fmt(paper), fmt(ours - paper)));
            }
            rows.append(String.format(Locale.ROOT, "| %d | %.4f |", cycle, sparsity)).append(line).append('\n');
            matched++;
        }
        if (matched == 0) {
            s.append("No cycle of these runs has the sparsity of a row of the paper's Table 1 (the paper's network "
                    + "is 784-512-10, pruned by 10% per cycle): there is nothing to compare.\n");
        } else {
            s.append(header).append('\n').append(rule).append('\n').append(rows);
        }
        s.append("\n## Every cycle (raw accuracy)\n\n| strategy | seed | cycle | sparsity | accuracy | smoothed | "
                + "gibbs_prev | gibbs_next |\n|---|---|---|---|---|---|---|---|\n");
        for (Series se : all) {
            for (int i = 0; i < se.accuracy.length; i++) {
                s.append(String.format(Locale.ROOT, "| %s | %d | %d | %.4f | %.4f | %.4f | %s | %s |%n", se.strategy,
                        se.seed, i, se.sparsity[i], se.accuracy[i], se.smoothed[i], fmt(se.gibbsPrevious[i]),
                        fmt(se.gibbsNext[i])));
            }
        }
        return s.toString();
    }

    /**
     * The paper's correlations, per seed: the DTC run's next-layer entropy against each
     * strategy's smoothed and raw accuracy (the paper reports 0.9174 for DTC, 0.9412 for random).
     */
    public static Map<String, Object> correlations(List<Series> all) {
        Map<String, Object> out = new LinkedHashMap<>();
        for (Series dtc : all) {
            if (!dtc.strategy.equals("dtc")) {
                continue;
            }
            for (Series other : all) {
                if (other.seed != dtc.seed || other.accuracy.length != dtc.accuracy.length) {
                    continue;
                }
                String key = "seed " + dtc.seed + ": dtc gibbs_next vs " + other.strategy + " accuracy";
                Map<String, Object> v = new LinkedHashMap<>();
                v.put("smoothed", pearsonOrNaN(dtc.gibbsNext, other.smoothed));
                v.put("raw", pearsonOrNaN(dtc.gibbsNext, other.accuracy));
                v.put("previous_smoothed", pearsonOrNaN(dtc.gibbsPrevious, other.smoothed));
                out.put(key, v);
            }
        }
        return out;
    }

    /** The cycle whose sparsity, rounded to four decimals as the paper prints it, is the row's; -1 if none. */
    private static int cycleAtSparsity(List<Series> all, double paperSparsity) {
        for (Series se : all) {
            for (int c = 0; c < se.sparsity.length; c++) {
                if (Math.round(se.sparsity[c] * 1e4) == Math.round(paperSparsity * 1e4)) {
                    return c;
                }
            }
        }
        return -1;
    }

    private static double pearsonOrNaN(double[] x, double[] y) {
        for (int i = 0; i < x.length; i++) {
            if (Double.isNaN(x[i]) || Double.isNaN(y[i])) {
                return Double.NaN; // numpy would give NaN too (the notebook has one NaN entropy)
            }
        }
        return x.length >= 2 ? Statistics.pearson(x, y) : Double.NaN;
    }

    private static String fmt(double v) {
        return Double.isNaN(v) ? "-" : String.format(Locale.ROOT, "%.4f", v);
    }
}
