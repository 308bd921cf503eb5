package org.dtc.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A B given as its column panels multiplies to the same bits as B itself (which GemmTest checks
 * against the triple loop and EJML), on one thread and two, in the shapes that exercise every
 * panel: narrow and wide last panels, one and several KC slices, A blocks packed and read in place.
 */
class ColumnPanelsTest {
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
    void multiplyingByPanelsEqualsMultiplyingByBBitForBit() {
        RandomStream random = new RandomStream(41);
        // (m, k, n): a weight gradient's shapes (hidden x batch x 784, a last partial batch of 96),
        // tile edges in each position, more rows than one A block.
        int[][] shapes = {{460, 512, 784}, {9, 96, 784}, {1, 1, 1}, {Gemm.MR + 1, Gemm.KC + 1, Gemm.NR_NARROW},
            {13, 37, Gemm.NR_NARROW + 1}, {29, 513, 2 * Gemm.NR}, {37, 29, 3 * Gemm.NR + 5}, {1100, 300, 40}};
        for (int[] s : shapes) {
            int m = s[0];
            int k = s[1];
            int n = s[2];
            float[] b = TestArrays.matrix(random, 2, k, n, n + 3);
            float[] panels = new float[5 + Math.toIntExact(ColumnPanels.size(k, n))];
            ColumnPanels.pack(b, 2, n + 3, k, n, panels, 5);
            for (Op opA : Op.values()) {
                int lda = (opA == Op.N ? k : m) + 1;
                float[] a = TestArrays.matrix(random, 0, opA == Op.N ? m : k, opA == Op.N ? k : m, lda);
                float[] c0 = TestArrays.matrix(random, 0, m, n, n);
                float[] expected = c0.clone();
                one.multiply(opA, Op.N, m, n, k, 0.75f, a, 0, lda, b, 2, n + 3, 0.5f, expected, 0, n);
                for (Gemm gemm : new Gemm[] {one, two}) {
                    float[] actual = c0.clone();
                    gemm.multiplyByPanels(opA, m, n, k, 0.75f, a, 0, lda, panels, 5, 0.5f, actual, 0, n);
                    assertThat(actual).as("%dx%dx%d op(A)=%s on %d threads", m, k, n, opA, gemm.threads())
                            .isEqualTo(expected);
                }
            }
        }
    }

    @Test
    void multiplyingPanelsOfAEqualsMultiplyingABitForBit() {
        RandomStream random = new RandomStream(43);
        // (m, k, n): a forward pass's shapes (batch x 784 x hidden, wide and narrow enough for A to
        // be read in place otherwise), tile edges in each position, more rows than one A block.
        int[][] shapes = {{512, 784, 460}, {96, 784, 9}, {1, 1, 1}, {Gemm.MR + 1, Gemm.KC + 1, Gemm.NR_NARROW},
            {13, Gemm.NR_NARROW + 1, 37}, {29, 2 * Gemm.NR + 3, 513}, {1100, 300, 40}};
        for (int[] s : shapes) {
            int m = s[0];
            int k = s[1];
            int n = s[2];
            float[] a = TestArrays.matrix(random, 1, m, k, k + 2);
            float[] panels = new float[3 + Math.toIntExact(ColumnPanels.size(m, k))];
            ColumnPanels.pack(a, 1, k + 2, m, k, panels, 3);
            float[] bias = TestArrays.floats(random, 0, n, 0);
            for (Op opB : Op.values()) {
                int ldb = opB == Op.N ? n : k;
                float[] b = TestArrays.matrix(random, 0, opB == Op.N ? k : n, opB == Op.N ? n : k, ldb);
                float[] c0 = TestArrays.matrix(random, 0, m, n, n);
                Epilogue layer = Epilogue.layer(bias, 0, true);
                float[] expected = c0.clone();
                one.multiply(Op.N, opB, m, n, k, 1f, a, 1, k + 2, b, 0, ldb, 0f, expected, 0, n, layer);
                for (Gemm gemm : new Gemm[] {one, two}) {
                    float[] actual = c0.clone();
                    gemm.multiplyPanelsBy(opB, m, n, k, 1f, a, 1, k + 2, panels, 3, b, 0, ldb, 0f, actual, 0, n,
                            layer);
                    assertThat(actual).as("%dx%dx%d op(B)=%s on %d threads", m, k, n, opB, gemm.threads())
                            .isEqualTo(expected);
                }
            }
        }
    }

    @Test
    void panelsAreColumnsSideBySideEachPaddedToItsTile() {
        int k = 3;
        int n = Gemm.NR + 2;
        float[] b = new float[k * n];
        for (int i = 0; i < b.length; i++) {
            b[i] = i + 1;
        }
        float[] panels = new float[Math.toIntExact(ColumnPanels.size(k, n))];
        ColumnPanels.pack(b, 0, n, k, n, panels, 0);
        // The first panel: NR columns of each row; the last: two columns, padded to the narrow tile.
        assertThat(panels).hasSize(k * (Gemm.NR + Gemm.NR_NARROW));
        for (int p = 0; p < k; p++) {
            for (int j = 0; j < Gemm.NR; j++) {
                assertThat(panels[p * Gemm.NR + j]).isEqualTo(b[p * n + j]);
            }
            int last = k * Gemm.NR + p * Gemm.NR_NARROW;
            assertThat(panels[last]).isEqualTo(b[p * n + Gemm.NR]);
            assertThat(panels[last + 1]).isEqualTo(b[p * n + Gemm.NR + 1]);
            for (int j = 2; j < Gemm.NR_NARROW; j++) {
                assertThat(panels[last + j]).isZero();
            }
        }
    }

    @Test
    void panelsTooShortAreRefused() {
        float[] b = new float[4 * 20];
        float[] panels = new float[Math.toIntExact(ColumnPanels.size(4, 20)) - 1];
        assertThatThrownBy(() -> ColumnPanels.pack(b, 0, 20, 4, 20, panels, 0))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("panels");
        assertThatThrownBy(() -> one.multiplyByPanels(Op.N, 2, 20, 4, 1f, new float[8], 0, 4, panels, 0, 0f,
                new float[40], 0, 20)).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("B panels");
    }
}
