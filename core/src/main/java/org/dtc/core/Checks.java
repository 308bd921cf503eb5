package org.dtc.core;

/** Argument checks shared by the kernels: each failure names the operand and the numbers. */
final class Checks {
    private Checks() {}

    static void dimensions(int m, int n, int k) {
        if (m < 0 || n < 0 || k < 0) {
            throw new IllegalArgumentException("negative dimension: m=" + m + ", n=" + n + ", k=" + k);
        }
    }

    /** A rows x cols row-major matrix stored from {@code off} with leading dimension {@code ld}. */
    static void matrix(String name, Object array, int off, int rows, int cols, int ld) {
        if (array == null) {
            throw new IllegalArgumentException(name + ": array is null");
        }
        if (rows < 0 || cols < 0) {
            throw new IllegalArgumentException(name + ": negative shape " + rows + " x " + cols);
        }
        if (ld < Math.max(1, cols)) {
            throw new IllegalArgumentException(name + ": leading dimension " + ld + " is less than the "
                    + cols + " columns of its " + rows + " x " + cols + " matrix");
        }
        if (off < 0) {
            throw new IllegalArgumentException(name + ": negative offset " + off);
        }
        if (rows == 0 || cols == 0) {
            return;
        }
        long needed = off + (long) (rows - 1) * ld + cols;
        int length = java.lang.reflect.Array.getLength(array);
        if (needed > length) {
            throw new IllegalArgumentException(name + ": a " + rows + " x " + cols + " matrix at offset " + off
                    + " with leading dimension " + ld + " needs " + needed + " elements, the array has " + length);
        }
    }

    /** A vector of n elements from {@code off}. */
    static void vector(String name, Object array, int off, int n) {
        matrix(name, array, off, 1, n, Math.max(1, n));
    }

    static void sameShape(String what, int expected, int actual) {
        if (expected != actual) {
            throw new IllegalArgumentException(what + ": expected " + expected + ", got " + actual);
        }
    }
}
