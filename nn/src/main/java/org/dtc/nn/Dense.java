package org.dtc.nn;

import org.dtc.core.Epilogue;
import org.dtc.core.Gemm;
import org.dtc.core.Kernels;
import org.dtc.core.Op;

/**
 * A fully connected layer, y = x W^T + b, PyTorch's layout (W is out x in, row-major), with its
 * ReLU when one follows at once: the bias and the ReLU are applied by the multiply to each tile
 * of y as it is finished, and the ReLU's backward needs only its output.
 */
final class Dense implements Layer {
    private final int in;
    private final int out;
    private final int weight;
    private final int bias;
    private final boolean relu;
    // batch x out: z, or max(z, 0) in place with the ReLU
    private final float[] y;
    private Epilogue epilogue;
    private float[] epilogueParams;

    /** W at {@code weight} and b at {@code bias} (-1: none) in the flat parameters. */
    Dense(int in, int out, int weight, int bias, boolean relu, int capacity) {
        this.in = in;
        this.out = out;
        this.weight = weight;
        this.bias = bias;
        this.relu = relu;
        this.y = new float[capacity * out];
    }

    @Override
    public int inputs() {
        return in;
    }

    @Override
    public int outputs() {
        return out;
    }

    @Override
    public boolean hasParameters() {
        return true;
    }

    int weightOffset() {
        return weight;
    }

    int biasOffset() {
        return bias;
    }

    boolean relu() {
        return relu;
    }

    @Override
    public float[] output() {
        return y;
    }

    @Override
    public float[] forward(float[] x, int xOff, int count, float[] params, boolean training) {
        return forward(x, xOff, null, 0, count, params, training);
    }

    /** The same; the multiply reads x from its panels where they are given (the same bits). */
    @Override
    public float[] forward(float[] x, int xOff, float[] xPanels, int xPanelsOff, int count, float[] params,
                           boolean training) {
        if (xPanels != null) {
            Gemm.current().multiplyPanelsBy(Op.T, count, out, in, 1f, x, xOff, in, xPanels, xPanelsOff, params, weight,
                    in, 0f, y, 0, out, epilogue(params));
        } else {
            Kernels.gemm(Op.N, Op.T, count, out, in, 1f, x, xOff, in, params, weight, in, 0f, y, 0, out,
                    epilogue(params));
        }
        return y;
    }

    /** The bias and ReLU the multiply applies; built again only when the parameter array is another. */
    private Epilogue epilogue(float[] params) {
        if (params != epilogueParams) {
            epilogue = epilogue(params, bias, relu);
            epilogueParams = params;
        }
        return epilogue;
    }

    /** The bias at {@code b} in params (none when b < 0) and, when {@code relu}, the ReLU after it. */
    static Epilogue epilogue(float[] params, int b, boolean relu) {
        return Epilogue.layer(b >= 0 ? params : null, Math.max(b, 0), relu);
    }

    /**
     * With the ReLU, dy is masked by its output first. Then dW (out x in) = dy^T x, db = column
     * sums of dy, and, when wanted, dx (batch x in) = dy W.
     */
    @Override
    public float[] backward(float[] x, int xOff, int count, float[] dy, float[] params, float[] grads,
                            float[] spare) {
        return backward(x, xOff, null, 0, count, dy, params, grads, spare);
    }

    /** The same; dW multiplies by x's panels where they are given (the same bits, no packing). */
    @Override
    public float[] backward(float[] x, int xOff, float[] xPanels, int xPanelsOff, int count, float[] dy,
                            float[] params, float[] grads, float[] spare) {
        if (relu) {
            Kernels.reluBackward(count * out, y, 0, dy, 0, dy, 0);
        }
        if (xPanels != null) {
            Gemm.current().multiplyByPanels(Op.T, out, in, count, 1f, dy, 0, out, xPanels, xPanelsOff, 0f, grads,
                    weight, in);
        } else {
            Kernels.gemm(Op.T, Op.N, out, in, count, 1f, dy, 0, out, x, xOff, in, 0f, grads, weight, in);
        }
        if (bias >= 0) {
            Kernels.columnSums(count, out, dy, 0, out, grads, bias);
        }
        if (spare != null) {
            Kernels.gemm(Op.N, Op.N, count, in, out, 1f, dy, 0, out, params, weight, in, 0f, spare, 0, in);
        }
        return spare;
    }

    @Override
    public void keepUnits(Layer old, int[] keepInputs, int[] keepOutputs, int[] from) {
        Dense o = (Dense) old;
        for (int r = 0; r < out; r++) {
            int oldRow = keepOutputs == null ? r : keepOutputs[r];
            for (int c = 0; c < in; c++) {
                int oldCol = keepInputs == null ? c : keepInputs[c];
                from[weight + r * in + c] = o.weight + oldRow * o.in + oldCol;
            }
            if (bias >= 0) {
                from[bias + r] = o.bias + oldRow;
            }
        }
    }
}
