package org.dtc.engine;

/** What DTC ranks the neurons of a layer by. */
public enum ScoreKind {
    /** The two LASSO solutions added, DCT-domain coefficient j read as neuron j: the paper's code. */
    COEFFICIENTS,
    /** The two reconstructions Psi s added, neuron j's own reconstructed weight ray. */
    RECONSTRUCTION
}
