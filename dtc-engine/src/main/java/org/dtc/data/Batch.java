package org.dtc.data;

/**
 * One mini-batch: {@code size} rows of {@code features} inputs starting at
 * {@code inputs()[inputOffset()]}, and their labels from {@code labels()[labelOffset()]}. The
 * object is refilled by every {@link Batches#next()}: in file order it points into the dataset
 * itself (and its panels), shuffled into buffers allocated once.
 */
public final class Batch {
    float[] inputs;
    int inputOffset;
    int[] labels;
    int labelOffset;
    float[] panels;
    int panelsOffset;
    int size;
    int features;
    int epoch;
    int index;

    public float[] inputs() {
        return inputs;
    }

    public int inputOffset() {
        return inputOffset;
    }

    /**
     * The same inputs as the column panels of this batch's rows ({@link org.dtc.core.ColumnPanels}),
     * or null: kept for batches in file order, where they are the same at every visit.
     */
    public float[] panels() {
        return panels;
    }

    public int panelsOffset() {
        return panelsOffset;
    }

    public int[] labels() {
        return labels;
    }

    public int labelOffset() {
        return labelOffset;
    }

    /** Samples in this batch (the last of an epoch may be smaller). */
    public int size() {
        return size;
    }

    public int features() {
        return features;
    }

    /** Epoch of this batch, from 0. */
    public int epoch() {
        return epoch;
    }

    /** Position of this batch within its epoch, from 0. */
    public int index() {
        return index;
    }

    /** The label of sample i of this batch. */
    public int label(int i) {
        return labels[labelOffset + i];
    }
}
