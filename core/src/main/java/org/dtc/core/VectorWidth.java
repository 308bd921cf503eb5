package org.dtc.core;

import jdk.incubator.vector.FloatVector;

/** Asks the Vector API for the preferred width; loaded only when the module is present. */
final class VectorWidth {
    private VectorWidth() {}

    static int preferredBits() {
        return FloatVector.SPECIES_PREFERRED.vectorBitSize();
    }
}
