package org.dtc.nn;

import org.dtc.core.Epilogue;
import org.dtc.core.Kernels;
import org.dtc.core.Op;

/** A fully connected layer, y = x W^T + b, PyTorch's layout: W is out x in, row-major. */
final class Linear {
    private Linear() {}

    /**
     * y (batch x out) = x (batch x in) W^T, then the layer's bias and ReLU as {@code epilogue}
     * has them ({@link #epilogue}): applied by the multiply to each tile of y as it is finished.
     */
    static void forward(int batch, int in, int out, float[] x, int xOff, float[] params, int w, float[] y,
                        Epilogue epilogue) {
        Kernels.gemm(Op.N, Op.T, batch, out, in, 1f, x, xOff, in, params, w, in, 0f, y, 0, out, epilogue);
    }

    /** The bias at {@code b} in params (none when b < 0) and, when {@code relu}, the ReLU after it. */
    static Epilogue epilogue(float[] params, int b, boolean relu) {
        return Epilogue.layer(b >= 0 ? params : null, Math.max(b, 0), relu);
    }

    /**
     * Given dy (batch x out): dW (out x in) = dy^T x, db (out) = column sums of dy, and, when dx is
     * not null, dx (batch x in) = dy W.
     */
    static void backward(int batch, int in, int out, float[] x, int xOff, float[] dy, float[] params, int w, int b,
                         float[] grads, float[] dx) {
        Kernels.gemm(Op.T, Op.N, out, in, batch, 1f, dy, 0, out, x, xOff, in, 0f, grads, w, in);
        if (b >= 0) {
            Kernels.columnSums(batch, out, dy, 0, out, grads, b);
        }
        if (dx != null) {
            Kernels.gemm(Op.N, Op.N, batch, in, out, 1f, dy, 0, out, params, w, in, 0f, dx, 0, in);
        }
    }
}
