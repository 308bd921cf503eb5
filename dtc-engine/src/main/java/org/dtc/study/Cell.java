package org.dtc.study;

/**
 * One run of a study: a criterion under a schedule with a seed, on a dataset and architecture.
 * Scratch cells carry the criterion {@value #NO_CRITERION}.
 */
public record Cell(String dataset, String arch, Schedule schedule, String criterion, long seed)
        implements java.io.Serializable {
    public static final String NO_CRITERION = "none";

    /** A name for the cell's own files, unique within a study: "mnist_784-512-10_one-shot_dtc_42". */
    public String id() {
        return dataset + "_" + arch + "_" + schedule.cliName() + "_" + criterion + "_" + seed;
    }

    /** "dtc one-shot seed 42 (mnist 784-512-10)". */
    public String label() {
        return criterion + " " + schedule.cliName() + " seed " + seed + " (" + dataset + " " + arch + ")";
    }
}
