package org.dtc.cli;

import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;
import org.dtc.engine.CycleRecord;
import org.dtc.engine.EngineConfig;
import org.dtc.engine.SizeSequence;

/**
 * Progress of the runs: on a terminal one bar per strategy and seed, each redrawn in place on its
 * own line (runs go side by side), with the cycle, hidden size, latest accuracy and an estimate of
 * the time left; otherwise one plain line per cycle. Safe to call from the runs' threads.
 */
final class CycleProgress {
    private static final int WIDTH = 30;

    private final PrintWriter err;
    private final boolean terminal;
    private final int expectedCycles;
    private final List<String> labels;
    private final double[] seconds;
    private final int[] seen;

    /** One line per label (in the order of the runs' indices). */
    /** Runs already warned of an entropy that is NaN: once each is enough. */
    private final java.util.Set<Integer> warnedEntropy = new java.util.HashSet<>();

    CycleProgress(PrintWriter err, boolean terminal, EngineConfig config, List<String> labels) {
        this.err = err;
        this.terminal = terminal;
        this.expectedCycles = expectedCycles(config);
        this.labels = List.copyOf(labels);
        this.seconds = new double[labels.size()];
        this.seen = new int[labels.size()];
    }

    /** Cycles until the first hidden layer reaches the stop size, or the cycle limit. */
    static int expectedCycles(EngineConfig config) {
        return SizeSequence.of(config).size();
    }

    /** Draws the empty bars. */
    synchronized void start() {
        if (terminal) {
            for (String label : labels) {
                err.printf(Locale.ROOT, "%-22s waiting%n", label);
            }
            err.flush();
        }
    }

    /** Run {@code index} finished cycle r. */
    synchronized void cycle(int index, CycleRecord r) {
        if ((Double.isNaN(r.gibbsPrevious()) || Double.isNaN(r.gibbsNext())) && warnedEntropy.add(index)) {
            err.printf(Locale.ROOT, "dtc: %s seed %d cycle %d: every value of a measurement lies outside the entropy "
                    + "histogram's range, so its Gibbs entropy is NaN (entropy_out_of_range in cycles.csv counts them)%n",
                    r.strategy(), r.seed(), r.cycle());
        }
        if (!terminal) {
            err.printf(Locale.ROOT, "%s seed %d cycle %d: hidden %s, accuracy %.4f, loss %.4f, %.1f s%n", r.strategy(),
                    r.seed(), r.cycle(), r.hiddenText(), r.accuracy(), r.loss(), r.seconds());
            err.flush();
            return;
        }
        // Time per cycle from the cycles seen here: a resumed run did its first ones earlier.
        seconds[index] += r.seconds();
        seen[index]++;
        int done = r.cycle() + 1;
        int filled = (int) Math.min(WIDTH, Math.round((double) WIDTH * done / expectedCycles));
        double left = seconds[index] / seen[index] * Math.max(0, expectedCycles - done);
        int up = labels.size() - index;
        // Up to the run's line, rewrite it, back down below the last line.
        err.printf(Locale.ROOT, "\033[%dA\r%-22s [%s%s] cycle %d/%d  hidden %s  accuracy %.4f  ETA %.0f s\033[K\033[%dB\r",
                up, labels.get(index), "#".repeat(filled), ".".repeat(WIDTH - filled), done, expectedCycles,
                r.hiddenText(), r.accuracy(), left, up);
        err.flush();
    }
}
