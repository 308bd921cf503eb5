package org.dtc.bench;

import org.dtc.core.Op;

/**
 * A benchmark shape written {@code MxKxN} or {@code MxKxN:LAYOUT}: C is M x N, the inner
 * dimension K, LAYOUT two letters for op(A) and op(B) (NN when absent).
 */
record GemmShape(int m, int k, int n, Op opA, Op opB) {
    static GemmShape parse(String text) {
        String[] parts = text.split(":", -1);
        String[] dims = parts[0].split("x", -1);
        String layout = parts.length > 1 ? parts[1] : "NN";
        if (parts.length > 2 || dims.length != 3 || !layout.matches("[NT]{2}")) {
            throw new IllegalArgumentException("shape must read MxKxN or MxKxN:NT (layout from NN, NT, TN, TT), not '"
                    + text + "'");
        }
        return new GemmShape(Integer.parseInt(dims[0]), Integer.parseInt(dims[1]), Integer.parseInt(dims[2]),
                Op.valueOf(layout.substring(0, 1)), Op.valueOf(layout.substring(1)));
    }

    /** Floating-point operations of one multiply: a multiply and an add per inner-product term. */
    double flops() {
        return 2.0 * m * k * n;
    }

    int aRows() {
        return opA == Op.N ? m : k;
    }

    int aCols() {
        return opA == Op.N ? k : m;
    }

    int bRows() {
        return opB == Op.N ? k : n;
    }

    int bCols() {
        return opB == Op.N ? n : k;
    }
}
