package org.dtc.core;

/** Whether a matrix operand is used as stored ({@link #N}) or transposed ({@link #T}). */
public enum Op {
    N,
    T;

    /** Rows of op(X) for a stored matrix of {@code rows x cols}. */
    public int rows(int rows, int cols) {
        return this == N ? rows : cols;
    }

    /** Columns of op(X) for a stored matrix of {@code rows x cols}. */
    public int cols(int rows, int cols) {
        return this == N ? cols : rows;
    }
}
