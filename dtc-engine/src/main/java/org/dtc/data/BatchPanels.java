package org.dtc.data;

import org.dtc.core.ColumnPanels;

/**
 * The inputs of a dataset's batches in file order, each batch laid out as the
 * {@link ColumnPanels} of its rows, ready for every visit: the first layer's forward pass packs
 * its A panels from them and its weight gradient takes them as its B panels, so that no
 * training step gathers its batch into panels again. The last partial batch of an epoch has
 * panels of its own size.
 */
final class BatchPanels {
    private final long stride;
    private final float[] panels;

    private BatchPanels(long stride, float[] panels) {
        this.stride = stride;
        this.panels = panels;
    }

    /**
     * The panels of {@code data}'s batches of {@code batchSize}, or null where they would not fit
     * in one array or would take more than a quarter of the memory the JVM may still take: a
     * copy of the inputs is worth a step's packing, not an OutOfMemoryError.
     */
    static BatchPanels of(Dataset data, int batchSize) {
        int features = data.features();
        int full = data.count() / batchSize;
        int rest = data.count() - full * batchSize;
        long stride = ColumnPanels.size(batchSize, features);
        long floats = full * stride + (rest == 0 ? 0 : ColumnPanels.size(rest, features));
        Runtime rt = Runtime.getRuntime();
        long available = rt.maxMemory() - (rt.totalMemory() - rt.freeMemory());
        long length = ColumnPanels.LINE_START + floats;
        if (length > Integer.MAX_VALUE - 8 || 4 * length > available / 4) {
            return null;
        }
        float[] panels = new float[(int) length];
        for (int start = 0, i = 0; start < data.count(); start += batchSize, i++) {
            int rows = Math.min(batchSize, data.count() - start);
            ColumnPanels.pack(data.inputs(), start * features, features, rows, features, panels,
                    Math.toIntExact(ColumnPanels.LINE_START + i * stride));
        }
        return new BatchPanels(stride, panels);
    }

    float[] panels() {
        return panels;
    }

    /** Where batch {@code index} (of an epoch) starts in {@link #panels()}. */
    int offset(int index) {
        return Math.toIntExact(ColumnPanels.LINE_START + index * stride);
    }
}
