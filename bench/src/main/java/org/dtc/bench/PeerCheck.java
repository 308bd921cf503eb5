package org.dtc.bench;

/** Setup-time agreement checks between our kernels and their peers. */
final class PeerCheck {
    private PeerCheck() {}

    /**
     * Fails unless every pair agrees within what float rounding allows for sums of {@code terms}
     * products of values in [-1, 1]: each side is within terms * 2^-24 * terms of the exact sum
     * (the magnitude of a sum of terms products is at most terms), so they agree within twice that.
     */
    static void sameFloats(String what, float[] ours, float[] peer, int terms) {
        double tolerance = 2.0 * terms * terms * 0x1p-24;
        for (int i = 0; i < ours.length; i++) {
            double diff = Math.abs((double) ours[i] - peer[i]);
            if (!(diff <= tolerance)) {
                throw new IllegalStateException(what + ": element " + i + " is " + ours[i] + ", the peer says "
                        + peer[i] + " (tolerance " + tolerance + ")");
            }
        }
    }
}
