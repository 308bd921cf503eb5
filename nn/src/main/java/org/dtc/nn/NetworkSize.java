package org.dtc.nn;

/**
 * How big a network is, as pruning papers report it (ShrinkBench's metrics).
 *
 * @param parameters     learnable parameters: weights, biases, batch-norm scales and shifts
 * @param nonzero        those of them that are not zero
 * @param inferenceFlops floating-point operations of one sample's forward pass: 2 per
 *                       multiply-add of each linear layer, 1 per bias, 2 per batch-norm feature
 *                       (scale and shift, once folded); ReLUs and the softmax are not counted
 */
public record NetworkSize(long parameters, long nonzero, long inferenceFlops) {
    /** How many times smaller in parameters than {@code initial}: ShrinkBench's compression ratio. */
    public double compressionFrom(NetworkSize initial) {
        return (double) initial.parameters / parameters;
    }

    /** How many times fewer inference FLOPs than {@code initial}: ShrinkBench's theoretical speedup. */
    public double speedupFrom(NetworkSize initial) {
        return (double) initial.inferenceFlops / inferenceFlops;
    }
}
