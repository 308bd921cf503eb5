package org.dtc.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A pre-packed B multiplied by bands of rows equals the whole multiply to the bit, and the
 * multiply hands over every row exactly once, after the row is final.
 */
class PackedBTest {
    private static Gemm one;
    private static Gemm two;

    @BeforeAll
    static void pools() {
        one = new Gemm(1);
        two = new Gemm(2);
    }

    @AfterAll
    static void close() {
        one.close();
        two.close();
    }

    @Test
    void bandsOfRowsEqualTheMultiplyBitForBit() {
        RandomStream random = new RandomStream(31);
        // (rows, k, n): a partial row tile, one and several KC slices (784 = 3 x 262, as the
        // multiply slices it), a narrow panel, full and partial wide panels.
        int[][] shapes = {{1, 1, 1}, {7, 5, 3}, {Gemm.MR, Gemm.KC, 10}, {37, 300, 10}, {96, 512, 10},
            {20, 784, Gemm.NR + 1}, {13, 513, Gemm.NR_NARROW + 1}, {9, 40, 2 * Gemm.NR}, {17, 1000, 100}};
        for (int[] s : shapes) {
            int rows = s[0];
            int k = s[1];
            int n = s[2];
            for (Op opB : Op.values()) {
                int ldb = (opB == Op.N ? n : k) + 2;
                float[] b = TestArrays.matrix(random, 3, opB == Op.N ? k : n, opB == Op.N ? n : k, ldb);
                float[] a = TestArrays.matrix(random, 1, rows, k, k + 5);
                float[] bias = TestArrays.floats(random, 4, n, 0);
                PackedB packed = PackedB.pack(opB, k, n, b, 3, ldb, 2);
                for (int e = 0; e < 3; e++) {
                    float[] withBias = e == 0 ? null : bias;
                    boolean relu = e == 2;
                    // C starts as NaN: beta is 0, so nothing may read it.
                    float[] expected = new float[2 + rows * (n + 1)];
                    Arrays.fill(expected, Float.NaN);
                    float[] actual = expected.clone();
                    one.multiply(Op.N, opB, rows, n, k, 1f, a, 1, k + 5, b, 3, ldb, 0f, expected, 2, n + 1,
                            Epilogue.layer(withBias, 4, relu));
                    packed.multiplyRows(rows, a, 1, k + 5, actual, 2, n + 1, withBias, 4, relu, e % 2);
                    assertThat(actual).as("%dx%dx%d op(B)=%s bias=%s relu=%s", rows, k, n, opB, withBias != null,
                            relu).isEqualTo(expected);
                }
            }
        }
    }

    @Test
    void badArgumentsAreRefused() {
        float[] b = new float[12];
        assertThatThrownBy(() -> PackedB.pack(Op.N, 0, 3, b, 0, 3, 1)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("k=0");
        assertThatThrownBy(() -> PackedB.pack(Op.N, 5, 3, b, 0, 3, 1)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("B");
        PackedB packed = PackedB.pack(Op.N, 4, 3, b, 0, 3, 2);
        assertThat(packed.k()).isEqualTo(4);
        assertThat(packed.n()).isEqualTo(3);
        assertThatThrownBy(() -> packed.multiplyRows(1, new float[4], 0, 4, new float[3], 0, 3, null, 0, false, 2))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("worker 2");
        assertThatThrownBy(() -> packed.multiplyRows(2, new float[4], 0, 4, new float[6], 0, 3, null, 0, false, 0))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("A");
    }

    @Test
    void everyRowIsHandedOverOnceAndFinal() {
        RandomStream random = new RandomStream(32);
        // Split by rows in many blocks; one block; split by columns; no products at all (k = 0).
        int[][] shapes = {{1000, 100, 50}, {30, 20, 40}, {24, 30, 2000}, {50, 0, 20}};
        for (Gemm gemm : new Gemm[] {one, two}) {
            for (int[] s : shapes) {
                int m = s[0];
                int k = s[1];
                int n = s[2];
                float[] a = TestArrays.matrix(random, 0, m, k, Math.max(1, k));
                float[] b = TestArrays.matrix(random, 0, k, n, n);
                float[] bias = TestArrays.floats(random, 0, n, 0);
                float[] expected = new float[m * n];
                gemm.multiply(Op.N, Op.N, m, n, k, 1f, a, 0, Math.max(1, k), b, 0, n, 0f, expected, 0, n,
                        Epilogue.layer(bias, 0, true));
                for (boolean keepRows : new boolean[] {true, false}) {
                    String what = m + "x" + k + "x" + n + " on " + gemm.threads() + " threads, keepRows=" + keepRows;
                    float[] c = new float[m * n];
                    Arrays.fill(c, Float.NaN);
                    float[] seen = new float[m * n];
                    int[] times = new int[m];
                    List<String> problems = new ArrayList<>();
                    gemm.multiply(Op.N, Op.N, m, n, k, 1f, a, 0, Math.max(1, k), b, 0, n, 0f, c, 0, n,
                            Epilogue.layer(bias, 0, true).then((first, count, worker, rows, rowsOff, ld) -> {
                                if (worker < 0 || worker >= gemm.threads()) {
                                    synchronized (problems) {
                                        problems.add("worker " + worker);
                                    }
                                }
                                for (int i = 0; i < count; i++) {
                                    times[first + i]++; // bands are disjoint: no two threads touch one count
                                    System.arraycopy(rows, rowsOff + i * ld, seen, (first + i) * n, n);
                                }
                            }, keepRows));
                    assertThat(problems).as(what).isEmpty();
                    assertThat(times).as(what).containsOnly(1);
                    assertThat(seen).as("the rows handed over, " + what).isEqualTo(expected);
                    if (keepRows) {
                        assertThat(c).as("C, " + what).isEqualTo(expected);
                    }
                }
            }
            // Rows that C does not keep must go somewhere, and cannot be added to C.
            float[] c = new float[4];
            assertThatThrownBy(() -> Epilogue.NONE.then(null, false)).isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("rows that C does not keep need somewhere to go");
            assertThatThrownBy(() -> gemm.multiply(Op.N, Op.N, 2, 2, 2, 1f, new float[4], 0, 2, new float[4], 0, 2,
                    1f, c, 0, 2, Epilogue.NONE.then((f, n, w, r, o, l) -> { }, false)))
                    .isInstanceOf(IllegalArgumentException.class).hasMessage("rows that C does not keep need beta = 0, not 1.0");
        }
    }
}
