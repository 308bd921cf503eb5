package org.dtc.engine;

/**
 * The weights around one hidden layer of m units, as the criteria that look at whole weights
 * need them (copies, PyTorch's layout).
 *
 * @param incoming W_j, m x inputs, row-major: row u holds unit u's incoming weights
 * @param inputs   values per sample going into the layer
 * @param outgoing W_{j+1}, outputs x m, row-major: column u holds unit u's outgoing weights
 * @param outputs  units of the next layer
 * @param scale    the layer's batch-norm scale (gamma), m values, or null where it has none
 */
public record LayerWeights(float[] incoming, int inputs, float[] outgoing, int outputs, float[] scale) {
    public LayerWeights {
        int m = incoming.length / Math.max(1, inputs);
        if ((long) m * inputs != incoming.length || (long) outputs * m != outgoing.length
                || (scale != null && scale.length != m)) {
            throw new IllegalArgumentException("weights of " + incoming.length + " and " + outgoing.length
                    + " values do not fit " + inputs + " inputs and " + outputs + " outputs");
        }
    }

    /** Units of the layer. */
    public int units() {
        return incoming.length / inputs;
    }
}
