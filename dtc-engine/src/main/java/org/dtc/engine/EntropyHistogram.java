package org.dtc.engine;

/**
 * The Gibbs entropy of a measurement vector: a histogram with numpy's {@code arange(low, high,
 * binWidth)} edges, values outside dropped, then -sum p log p (docs/experiment.md).
 *
 * @param low          lowest edge
 * @param high         end of the edges (exclusive, as numpy's arange)
 * @param binWidth     bin width
 * @param basePrevious log base for the previous-layer measurement y1 (2: bits, as the notebook)
 * @param baseNext     log base for the next-layer measurement y2 (e: nats, as the notebook)
 */
public record EntropyHistogram(double low, double high, double binWidth, double basePrevious, double baseNext) {
    /** The notebook's: edges -50 to 50 in steps of 0.2, y1 in bits, y2 in nats. */
    public static final EntropyHistogram NOTEBOOK = new EntropyHistogram(-50, 50, 0.2, 2, Math.E);

    public EntropyHistogram {
        if (!(low < high) || !(binWidth > 0) || !Double.isFinite(low) || !Double.isFinite(high)) {
            throw new IllegalArgumentException("entropy histogram needs finite low < high and a bin width > 0, not "
                    + low + ", " + high + ", " + binWidth);
        }
        if (!(basePrevious > 1) || !(baseNext > 1)) {
            throw new IllegalArgumentException("entropy log bases must exceed 1, not " + basePrevious + ", "
                    + baseNext);
        }
    }
}
