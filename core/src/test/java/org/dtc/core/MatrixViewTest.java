package org.dtc.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class MatrixViewTest {
    @Test
    void viewsShareTheArrayAndIndexRowMajor() {
        FloatMatrix f = FloatMatrix.wrap(new float[] {0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11}, 3, 4);
        FloatMatrix fv = f.view(1, 2, 2, 2);
        assertThat(fv.get(0, 0)).isEqualTo(6f);
        assertThat(fv.get(1, 1)).isEqualTo(11f);
        fv.set(1, 0, -1f);
        assertThat(f.get(2, 2)).isEqualTo(-1f);
        DoubleMatrix d = DoubleMatrix.zeros(3, 4);
        DoubleMatrix dv = d.view(1, 1, 2, 3);
        dv.set(1, 2, 7.5);
        assertThat(d.get(2, 3)).isEqualTo(7.5);
        assertThat(dv.index(1, 2)).isEqualTo(11);
        assertThatThrownBy(() -> d.view(2, 2, 2, 2)).hasMessageContaining("does not fit in a 3 x 4 matrix");
        assertThatThrownBy(() -> FloatMatrix.wrap(new float[5], 2, 3))
                .hasMessageContaining("array length for a 2 x 3 matrix: expected 6, got 5");
    }
}
