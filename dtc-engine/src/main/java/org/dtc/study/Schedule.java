package org.dtc.study;

import java.util.Arrays;
import java.util.List;

/**
 * How a study reaches each size of the size sequence. Every schedule's accuracy at a size is
 * measured as docs/study.md says: train-compress and train-then-compress right after the prune
 * to that size (the paper's point), one-shot after its fine-tuning, scratch after its training.
 */
public enum Schedule {
    /** The paper's loop: a cycle of training, a prune, again. */
    TRAIN_COMPRESS("train-compress"),
    /** Dense training for train-compress's whole budget, then prunes along the sequence with fine-tuning between. */
    TRAIN_THEN_COMPRESS("train-then-compress"),
    /** From the same dense training, each size in one prune, then fine-tuning (a branch per size). */
    ONE_SHOT("one-shot"),
    /** A fresh network of each size trained with the budget train-compress spent to reach it (Liu et al. 2019). */
    SCRATCH("scratch");

    private final String cliName;

    Schedule(String cliName) {
        this.cliName = cliName;
    }

    /** The name users type and results carry. */
    public String cliName() {
        return cliName;
    }

    /** Whether the criterion matters: scratch prunes nothing. */
    public boolean prunes() {
        return this != SCRATCH;
    }

    public static List<String> names() {
        return Arrays.stream(values()).map(Schedule::cliName).toList();
    }

    public static Schedule named(String name) {
        for (Schedule s : values()) {
            if (s.cliName.equals(name)) {
                return s;
            }
        }
        throw new IllegalArgumentException("unknown schedule '" + name + "': known are " + String.join(", ", names()));
    }
}
