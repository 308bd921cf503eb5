package org.dtc.core;

/**
 * A row-major float matrix: element (i, j) lives at {@code data[offset + i * ld + j]}. A view
 * shares its parent's array, so slicing copies nothing.
 */
public record FloatMatrix(float[] data, int offset, int rows, int cols, int ld) {
    public FloatMatrix {
        Checks.matrix("matrix", data, offset, rows, cols, ld);
    }

    /** A new zero matrix. */
    public static FloatMatrix zeros(int rows, int cols) {
        if (rows < 0 || cols < 0) {
            throw new IllegalArgumentException("negative shape " + rows + " x " + cols);
        }
        return new FloatMatrix(new float[Math.multiplyExact(rows, cols)], 0, rows, cols, Math.max(1, cols));
    }

    /** A dense rows x cols view of the whole array. */
    public static FloatMatrix wrap(float[] data, int rows, int cols) {
        Checks.sameShape("array length for a " + rows + " x " + cols + " matrix", rows * cols, data.length);
        return new FloatMatrix(data, 0, rows, cols, Math.max(1, cols));
    }

    /** The sub-matrix of {@code rows x cols} starting at (row, col), sharing this array. */
    public FloatMatrix view(int row, int col, int rows, int cols) {
        if (row < 0 || col < 0 || rows < 0 || cols < 0 || row + rows > this.rows || col + cols > this.cols) {
            throw new IndexOutOfBoundsException("view " + rows + " x " + cols + " at (" + row + ", " + col
                    + ") does not fit in a " + this.rows + " x " + this.cols + " matrix");
        }
        return new FloatMatrix(data, offset + row * ld + col, rows, cols, ld);
    }

    /** Index of element (i, j) in {@link #data()}. */
    public int index(int i, int j) {
        return offset + i * ld + j;
    }

    public float get(int i, int j) {
        return data[index(i, j)];
    }

    public void set(int i, int j, float value) {
        data[index(i, j)] = value;
    }
}
