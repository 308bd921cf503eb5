package org.dtc.nn;

/**
 * Updates a network's flat parameter array from its gradient array, both laid out by the
 * network's {@link ParameterLayout}. Lifecycle: created for one network; {@link #step} once per
 * batch; after neuron surgery either {@link #remap} (carry the moments of the kept parameters
 * over) or {@link #reset} (start afresh, as the paper's code does with a new optimizer per cycle).
 */
public interface Optimizer {
    /** One update of params[0 .. count) from grads. */
    void step(float[] params, float[] grads, int count);

    /** After surgery: new parameter i was old parameter keep[i]; the state follows it. */
    void remap(int[] keep);

    /** Forgets all state, as an optimizer freshly constructed for this many parameters. */
    void reset(int parameters);
}
