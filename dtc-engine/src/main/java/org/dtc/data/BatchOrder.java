package org.dtc.data;

/** The order in which {@link Batches} visits a dataset. */
public enum BatchOrder {
    /** File order, every epoch alike: the paper's code (an unshuffled PyTorch DataLoader). */
    SEQUENTIAL,
    /** A fresh permutation each epoch, drawn from a stream seeded once. */
    SHUFFLED
}
