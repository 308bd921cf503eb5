package org.dtc.engine;

import java.util.ArrayList;
import java.util.List;

/**
 * The hidden widths a configuration's runs pass through: after each cycle every hidden layer
 * keeps {@link KeepRule#keptCount} of its units, until one has the stop size or fewer, or the
 * cycle limit. Every strategy follows it (the count removed never depends on the scores), so it
 * is known before any training: the operating points runs are compared at.
 */
public final class SizeSequence {
    private SizeSequence() {}

    /** The hidden widths after each cycle, first cycle first. */
    public static List<int[]> of(EngineConfig config) {
        List<int[]> sequence = new ArrayList<>();
        int[] sizes = config.network().sizes();
        int[] hidden = java.util.Arrays.copyOfRange(sizes, 1, sizes.length - 1);
        boolean stop = false;
        while (!stop && sequence.size() < config.pruning().maxCycles()) {
            for (int j = 0; j < hidden.length; j++) {
                hidden[j] = KeepRule.keptCount(hidden[j], config.pruning().pruneFraction());
                stop |= hidden[j] <= config.pruning().stopSize();
            }
            sequence.add(hidden.clone());
        }
        return sequence;
    }
}
