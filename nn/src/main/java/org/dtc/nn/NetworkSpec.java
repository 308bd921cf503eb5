package org.dtc.nn;

import java.util.Arrays;

/**
 * The shape of a multi-layer perceptron: layer widths from input to output (such as
 * {@code 784-512-10}), whether the linear layers have biases, whether batch norm acts on the
 * input and after each hidden linear layer (before its ReLU), and whether batch norm has
 * learnable scale and shift.
 */
public record NetworkSpec(int[] sizes, boolean bias, boolean inputNorm, boolean hiddenNorm, boolean affine)
        implements java.io.Serializable {
    public NetworkSpec {
        if (sizes.length < 2) {
            throw new IllegalArgumentException("a network needs at least an input and an output width, not "
                    + Arrays.toString(sizes));
        }
        for (int s : sizes) {
            if (s < 1) {
                throw new IllegalArgumentException("layer widths must be positive: " + Arrays.toString(sizes));
            }
        }
        sizes = sizes.clone();
    }

    /** Widths such as "784-512-10", no bias, no batch norm: the paper's code. */
    public static NetworkSpec parse(String widths) {
        // A limit of -1 keeps empty parts, so that "784-64-10-" is refused rather than read as 784-64-10.
        String[] parts = widths.trim().split("-", -1);
        int[] sizes = new int[parts.length];
        for (int i = 0; i < parts.length; i++) {
            try {
                sizes[i] = Integer.parseInt(parts[i].trim());
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("network spec '" + widths
                        + "' is not widths joined by '-', such as 784-512-10");
            }
        }
        return new NetworkSpec(sizes, false, false, false, true);
    }

    public NetworkSpec withBias(boolean b) {
        return new NetworkSpec(sizes, b, inputNorm, hiddenNorm, affine);
    }

    public NetworkSpec withInputNorm(boolean b) {
        return new NetworkSpec(sizes, bias, b, hiddenNorm, affine);
    }

    public NetworkSpec withHiddenNorm(boolean b) {
        return new NetworkSpec(sizes, bias, inputNorm, b, affine);
    }

    public NetworkSpec withAffine(boolean b) {
        return new NetworkSpec(sizes, bias, inputNorm, hiddenNorm, b);
    }

    /** The same network with hidden layer j (0 = first hidden) of the given width. */
    public NetworkSpec withHidden(int j, int width) {
        int[] s = sizes.clone();
        s[j + 1] = width;
        return new NetworkSpec(s, bias, inputNorm, hiddenNorm, affine);
    }

    /** Number of linear layers. */
    public int layers() {
        return sizes.length - 1;
    }

    /** Number of hidden layers. */
    public int hiddenLayers() {
        return sizes.length - 2;
    }

    public int inputs() {
        return sizes[0];
    }

    public int outputs() {
        return sizes[sizes.length - 1];
    }

    @Override
    public int[] sizes() {
        return sizes.clone();
    }

    public int size(int i) {
        return sizes[i];
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof NetworkSpec s && Arrays.equals(s.sizes, sizes) && s.bias == bias
                && s.inputNorm == inputNorm && s.hiddenNorm == hiddenNorm && s.affine == affine;
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(sizes) * 31 + (bias ? 1 : 0) + (inputNorm ? 2 : 0) + (hiddenNorm ? 4 : 0)
                + (affine ? 8 : 0);
    }

    /** The widths as {@link #parse} reads them: "784-512-10". */
    public String widths() {
        StringBuilder s = new StringBuilder();
        for (int w : sizes) {
            s.append(s.isEmpty() ? "" : "-").append(w);
        }
        return s.toString();
    }

    @Override
    public String toString() {
        return widths() + (bias ? " +bias" : "") + (inputNorm ? " +input-norm" : "") + (hiddenNorm ? " +hidden-norm" : "")
                + ((inputNorm || hiddenNorm) && !affine ? " (norm not affine)" : "");
    }
}
