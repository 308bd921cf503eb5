package org.dtc.core;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The width each test run asked for is the width the kernels use. */
class SimdTest {
    @Test
    void requestedWidthIsInForce() {
        String requested = System.getProperty(Simd.BITS_PROPERTY);
        if (requested != null) {
            assertThat(Simd.bits()).isEqualTo(Integer.parseInt(requested));
        }
        if (Simd.vectorized()) {
            assertThat(VectorKernels.F.vectorBitSize()).isEqualTo(Simd.bits());
            assertThat(VectorKernels.D.vectorBitSize()).isEqualTo(Simd.bits());
            assertThat(Gemm.NR).isEqualTo(2 * Simd.bits() / Float.SIZE);
            assertThat(Simd.describe()).isEqualTo(Simd.bits() + "-bit Vector API");
        } else {
            assertThat(Simd.describe()).isEqualTo("scalar");
        }
    }
}
