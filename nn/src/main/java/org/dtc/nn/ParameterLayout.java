package org.dtc.nn;

/**
 * Where each parameter tensor lives in a network's one flat parameter array (and, at the same
 * offsets, its gradient and the optimizer's moments): for each linear layer its weight
 * (out x in, row-major, PyTorch's layout) and bias; for each batch norm its scale and shift.
 * An offset of -1 means the tensor does not exist.
 */
public record ParameterLayout(int[] weight, int[] bias, int inputGamma, int inputBeta, int[] gamma, int[] beta,
                              int size) {

    static ParameterLayout of(NetworkSpec spec) {
        int layers = spec.layers();
        int[] weight = new int[layers];
        int[] bias = new int[layers];
        int[] gamma = new int[layers];
        int[] beta = new int[layers];
        int at = 0;
        int inputGamma = -1;
        int inputBeta = -1;
        if (spec.inputNorm() && spec.affine()) {
            inputGamma = at;
            at += spec.inputs();
            inputBeta = at;
            at += spec.inputs();
        }
        for (int l = 0; l < layers; l++) {
            int in = spec.size(l);
            int out = spec.size(l + 1);
            weight[l] = at;
            try {
                at = Math.addExact(at, Math.multiplyExact(out, in));
            } catch (ArithmeticException tooMany) {
                throw new IllegalArgumentException("the network " + spec + " has more parameters than one float array holds");
            }
            bias[l] = spec.bias() ? at : -1;
            at += spec.bias() ? out : 0;
            boolean norm = spec.hiddenNorm() && l < layers - 1 && spec.affine();
            gamma[l] = norm ? at : -1;
            at += norm ? out : 0;
            beta[l] = norm ? at : -1;
            at += norm ? out : 0;
        }
        return new ParameterLayout(weight, bias, inputGamma, inputBeta, gamma, beta, at);
    }
}
