package org.dtc.nn;

import org.dtc.core.Epilogue;
import org.dtc.core.Gemm;
import org.dtc.core.Op;
import org.dtc.core.PackedB;

/**
 * The last hidden layer and the output layer in one pass, for evaluation: each band of hidden
 * rows the first multiply finishes goes through the output layer on the same thread while it is
 * in cache, instead of a second multiply reading all hidden values back from memory (at 10,000
 * samples x 512 units, 20 MB). The bands stay in the workers' scratch: nothing reads the hidden
 * values afterwards, so they are not written out either (the hidden array is written only when
 * the multiply splits by columns, for a batch of few samples). Only without batch norm between
 * the two layers. The same bits as the two {@link Dense#forward} calls: the output layer's
 * packed weights give the multiply's own arithmetic. Allocates only when the output layer's
 * shape, the parameters or the thread count change.
 */
final class FusedOutput implements Gemm.RowsDone {
    private PackedB weights;
    // The hidden layer's bias and ReLU, then its rows to this; rebuilt when the parameters are.
    private Epilogue epilogue;
    private float[] epilogueParams;
    private int epilogueBias;
    // The pass in progress, read by the workers.
    private float[] params;
    private int bias;
    private float[] logits;

    /**
     * logits (batch x out) = h W2^T + b2 where h = max(x W1^T + b1, 0) (batch x mid), W1 at
     * {@code w1} (mid x in) and W2 at {@code w2} (out x mid) in params; a bias offset of -1 means
     * none. {@code hidden} is room for h, used only where the multiply does not keep h's rows in
     * its workers' scratch; afterwards its contents are undefined.
     */
    void forward(int batch, int in, int mid, int out, float[] x, int xOff, float[] params, int w1, int b1,
                 float[] hidden, int w2, int b2, float[] logits) {
        Gemm gemm = Gemm.current();
        if (weights == null || weights.k() != mid || weights.n() != out || weights.workers() != gemm.threads()) {
            weights = PackedB.pack(Op.T, mid, out, params, w2, mid, gemm.threads());
        } else {
            weights.repack(Op.T, params, w2, mid);
        }
        this.params = params;
        this.bias = b2;
        this.logits = logits;
        try {
            if (epilogue == null || epilogueParams != params || epilogueBias != b1) {
                epilogue = Dense.epilogue(params, b1, true).then(this, false);
                epilogueParams = params;
                epilogueBias = b1;
            }
            gemm.multiply(Op.N, Op.T, batch, mid, in, 1f, x, xOff, in, params, w1, in, 0f, hidden, 0, mid, epilogue);
        } finally {
            this.params = null;
            this.logits = null;
        }
    }

    @Override
    public void rowsDone(int first, int count, int worker, float[] hidden, int hiddenOff, int ld) {
        int out = weights.n();
        weights.multiplyRows(count, hidden, hiddenOff, ld, logits, first * out, out,
                bias >= 0 ? params : null, Math.max(bias, 0), false, worker);
    }
}
