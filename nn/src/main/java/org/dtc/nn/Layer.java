package org.dtc.nn;

/**
 * One stage of a network's forward and backward pass over a batch: a linear map, a batch norm,
 * and whatever kinds come later (a convolution, a pooling). Its parameters live in the network's
 * one flat array at the offsets it was built with; it owns its work buffers, sized once for the
 * network's batch capacity, and keeps from its forward pass what its backward pass needs.
 *
 * <p>Shapes are per sample: a batch of {@code count} samples is {@code count x inputs()} going in
 * and {@code count x outputs()} coming out, row-major. Neuron surgery removes units between two
 * layers: the layer before keeps some of its outputs, the layer after the same inputs
 * ({@link #keepUnits}).
 */
interface Layer {
    /** Values per sample going in. */
    int inputs();

    /** Values per sample coming out. */
    int outputs();

    /** Whether the layer has parameters of its own (those before it then need their gradients). */
    boolean hasParameters();

    /**
     * The forward pass of {@code count} samples, rows of x from {@code xOff}; in training mode
     * a layer may use and update batch statistics. Returns its output (count x outputs, from 0),
     * valid until its next forward pass.
     */
    float[] forward(float[] x, int xOff, int count, float[] params, boolean training);

    /**
     * The same, x also given as the {@link org.dtc.core.ColumnPanels} of its rows from
     * {@code xPanels[xPanelsOff]} (null: not given), for a layer that multiplies by x.
     */
    default float[] forward(float[] x, int xOff, float[] xPanels, int xPanelsOff, int count, float[] params,
                            boolean training) {
        return forward(x, xOff, count, params, training);
    }

    /** The output of the last forward pass (count x outputs, from 0; shared). */
    float[] output();

    /**
     * The backward pass of the last training forward pass: given dy, the loss's gradient at this
     * layer's output (count x outputs, overwritten), writes the gradients of its parameters into
     * grads and, unless {@code spare} is null, the gradient at its input; returns the array that
     * holds it (count x inputs, from 0: spare, or dy when the layer works in place). x and xOff
     * are the input of that forward pass.
     */
    float[] backward(float[] x, int xOff, int count, float[] dy, float[] params, float[] grads, float[] spare);

    /**
     * The same, x also given as the {@link org.dtc.core.ColumnPanels} of its rows from
     * {@code xPanels[xPanelsOff]} (null: not given), for a layer that multiplies by x.
     */
    default float[] backward(float[] x, int xOff, float[] xPanels, int xPanelsOff, int count, float[] dy,
                             float[] params, float[] grads, float[] spare) {
        return backward(x, xOff, count, dy, params, grads, spare);
    }

    /**
     * Surgery: this layer (already built with the smaller shape and its parameter offsets) takes
     * over the kept part of {@code old}: {@code from[p] = q} says that its parameter p was the
     * old layer's parameter q (offsets in the two flat arrays), and per-unit state such as running
     * statistics is picked along. {@code keepInputs} and {@code keepOutputs} list the old units
     * kept, in their new order, or are null where all stay.
     */
    void keepUnits(Layer old, int[] keepInputs, int[] keepOutputs, int[] from);
}
