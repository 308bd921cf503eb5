package org.dtc.engine;

import org.dtc.cs.Measurement;

/**
 * What a strategy sees of one hidden layer in one cycle: its per-neuron weight-ray sums (incoming:
 * row sums of W_j; outgoing: column sums of W_{j+1}), the measurement of both, the weights
 * themselves, the statistics of the cycle's last training batches, how many neurons survive, and
 * the seed of this call's random stream.
 */
public record LayerInput(int layer, int cycle, int kept, double[] incoming, double[] outgoing,
                         Measurement measurement, double[] measuredIncoming, double[] measuredOutgoing,
                         LayerWeights weights, Calibration.LayerStats calibration, EngineConfig config,
                         long seed) {
    /** Neurons in the layer now. */
    public int units() {
        return incoming.length;
    }
}
