package org.dtc.data;

/**
 * One mini-batch: {@code size} rows of {@code features} inputs starting at
 * {@code inputs()[inputOffset()]}, and their labels from {@code labels()[labelOffset()]}. The
 * object is refilled by every {@link Batches#next()}: in file order it points into the dataset
 * itself, shuffled into buffers allocated once.
 */
public final class Batch {
    float[] inputs;
    int inputOffset;
    int[] labels;
    int labelOffset;
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
