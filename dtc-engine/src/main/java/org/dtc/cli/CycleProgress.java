package org.dtc.cli;

import java.io.PrintWriter;
import java.util.Locale;
import org.dtc.engine.CycleRecord;
import org.dtc.engine.EngineConfig;
import org.dtc.engine.KeepRule;

/**
 * Progress of a run: on a terminal one bar per strategy and seed, redrawn in place, with the cycle,
 * hidden size, latest accuracy and an estimate of the time left; otherwise one plain line per cycle.
 */
final class CycleProgress {
    private static final int WIDTH = 30;

    private final PrintWriter err;
    private final boolean terminal;
    private final int expectedCycles;
    private long started;

    CycleProgress(PrintWriter err, boolean terminal, EngineConfig config) {
        this.err = err;
        this.terminal = terminal;
        this.expectedCycles = expectedCycles(config);
    }

    /** Cycles until the first hidden layer reaches the stop size, or the cycle limit. */
    static int expectedCycles(EngineConfig config) {
        int cycles = 0;
        boolean stop = false;
        int[] sizes = config.network().sizes();
        while (!stop && cycles < config.maxCycles()) {
            cycles++;
            for (int j = 1; j < sizes.length - 1; j++) {
                sizes[j] = KeepRule.keptCount(sizes[j], config.pruneFraction());
                stop |= sizes[j] <= config.stopSize();
            }
            if (sizes.length <= 2) {
                break;
            }
        }
        return cycles;
    }

    void start() {
        started = System.nanoTime();
    }

    void cycle(CycleRecord r) {
        if (!terminal) {
            err.printf(Locale.ROOT, "%s seed %d cycle %d: hidden %s, accuracy %.4f, loss %.4f, %.1f s%n", r.strategy(),
                    r.seed(), r.cycle(), r.hiddenText(), r.accuracy(), r.loss(), r.seconds());
            return;
        }
        int done = r.cycle() + 1;
        int filled = (int) Math.min(WIDTH, Math.round((double) WIDTH * done / expectedCycles));
        double elapsed = (System.nanoTime() - started) * 1e-9;
        double left = elapsed / done * Math.max(0, expectedCycles - done);
        err.printf(Locale.ROOT, "\r%-9s seed %d [%s%s] cycle %d/%d  hidden %s  accuracy %.4f  ETA %.0f s   ",
                r.strategy(), r.seed(), "#".repeat(filled), ".".repeat(WIDTH - filled), done, expectedCycles,
                r.hiddenText(), r.accuracy(), left);
        err.flush();
    }

    void finish() {
        if (terminal) {
            err.println();
        }
    }
}
