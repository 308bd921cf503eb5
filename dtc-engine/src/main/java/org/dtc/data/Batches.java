package org.dtc.data;

import org.dtc.core.RandomStream;

/**
 * Endless mini-batches over a dataset, epoch after epoch, the last partial batch of each epoch
 * kept (60,000 samples at 512 give 117 full batches and one of 96). Deterministic: sequential
 * order is file order; shuffled order draws each epoch's permutation from one
 * {@link RandomStream} seeded at construction. {@link #restart()} goes back to the first batch
 * of the first epoch, as the paper's code does at every cycle. Allocates nothing per batch.
 */
public final class Batches {
    private final Dataset data;
    private final int batchSize;
    private final BatchOrder order;
    private final long seed;
    private final Batch batch = new Batch();
    private final int[] permutation;
    private final float[] inputBuffer;
    private final int[] labelBuffer;
    /** In file order, the batches' inputs as column panels (null when shuffled, or memory is short). */
    private final BatchPanels panels;
    private RandomStream random;
    private int epoch;
    private int index;

    public Batches(Dataset data, int batchSize, BatchOrder order, long seed) {
        if (batchSize < 1) {
            throw new IllegalArgumentException("batch size must be at least 1, not " + batchSize);
        }
        if (data.count() == 0) {
            throw new IllegalArgumentException("cannot draw batches from an empty dataset");
        }
        this.data = data;
        this.batchSize = batchSize;
        this.order = order;
        this.seed = seed;
        boolean shuffled = order == BatchOrder.SHUFFLED;
        this.permutation = shuffled ? new int[data.count()] : null;
        this.inputBuffer = shuffled ? new float[batchSize * data.features()] : null;
        this.labelBuffer = shuffled ? new int[batchSize] : null;
        this.panels = shuffled ? null : data.batchPanels(batchSize);
        restart();
    }

    /** Where the batches stand, for checkpoints: epoch, next batch, this epoch's order, the stream. */
    public record State(int epoch, int index, int[] permutation, RandomStream.State random) {}

    /** A copy of the position (and of the shuffling stream and order, when shuffled). */
    public State state() {
        return new State(epoch, index, permutation == null ? null : permutation.clone(),
                random == null ? null : random.state());
    }

    /** Continues from a saved position. */
    public void restore(State state) {
        epoch = state.epoch();
        index = state.index();
        if (permutation != null) {
            System.arraycopy(state.permutation(), 0, permutation, 0, permutation.length);
            random = RandomStream.restore(state.random());
        }
    }

    /** Batches per epoch, the partial last one included. */
    public int perEpoch() {
        return (data.count() + batchSize - 1) / batchSize;
    }

    /** Back to batch 0 of epoch 0, with the shuffling stream re-seeded. */
    public void restart() {
        epoch = 0;
        index = 0;
        if (order == BatchOrder.SHUFFLED) {
            random = new RandomStream(seed);
            drawPermutation();
        }
    }

    /** The next batch; the returned object is reused by the next call. */
    public Batch next() {
        if (index == perEpoch()) {
            index = 0;
            epoch++;
            if (order == BatchOrder.SHUFFLED) {
                drawPermutation();
            }
        }
        int start = index * batchSize;
        int size = Math.min(batchSize, data.count() - start);
        int features = data.features();
        batch.size = size;
        batch.features = features;
        batch.epoch = epoch;
        batch.index = index;
        if (order == BatchOrder.SEQUENTIAL) {
            batch.inputs = data.inputs();
            batch.inputOffset = start * features;
            batch.labels = data.labels();
            batch.labelOffset = start;
            batch.panels = panels == null ? null : panels.panels();
            batch.panelsOffset = panels == null ? 0 : panels.offset(index);
        } else {
            for (int i = 0; i < size; i++) {
                int sample = permutation[start + i];
                System.arraycopy(data.inputs(), sample * features, inputBuffer, i * features, features);
                labelBuffer[i] = data.labels()[sample];
            }
            batch.inputs = inputBuffer;
            batch.inputOffset = 0;
            batch.labels = labelBuffer;
            batch.labelOffset = 0;
        }
        index++;
        return batch;
    }

    private void drawPermutation() {
        for (int i = 0; i < permutation.length; i++) {
            permutation[i] = i;
        }
        random.shuffle(permutation);
    }
}
