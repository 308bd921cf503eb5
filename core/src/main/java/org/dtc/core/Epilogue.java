package org.dtc.core;

/**
 * What a multiply does with C's rows as it finishes them: a layer's bias added to each row and
 * its ReLU applied, on values still in registers, then the finished rows handed to {@code then}
 * (the next layer can take them while they are in cache). Built once by its user and passed to
 * every multiply, so that a multiply allocates nothing.
 *
 * @param bias     added to every row of C from {@code biasOff} (n values), or null for none
 * @param relu     C[i, j] = max(C[i, j], 0) after the bias
 * @param then     given each band of finished rows (see {@link Gemm.RowsDone}), or null
 * @param keepRows whether C keeps the rows that go to {@code then}; when not, workers compute
 *                 their bands in their own scratch, valid until {@code then} returns, and the
 *                 multiply needs beta = 0
 */
public record Epilogue(float[] bias, int biasOff, boolean relu, Gemm.RowsDone then, boolean keepRows) {
    /** C = alpha op(A) op(B) + beta C and nothing more. */
    public static final Epilogue NONE = new Epilogue(null, 0, false, null, true);

    public Epilogue {
        if (!keepRows && then == null) {
            throw new IllegalArgumentException("rows that C does not keep need somewhere to go");
        }
    }

    /** A layer's bias (from {@code biasOff}, or none when null) and, when {@code relu}, its ReLU. */
    public static Epilogue layer(float[] bias, int biasOff, boolean relu) {
        return new Epilogue(bias, biasOff, relu, null, true);
    }

    /** The same, handing each band of finished rows to {@code next}; C keeps them only if {@code keep}. */
    public Epilogue then(Gemm.RowsDone next, boolean keep) {
        return new Epilogue(bias, biasOff, relu, next, keep);
    }
}
