package org.dtc.data;

/**
 * One split of an image dataset in memory: {@code count} normalised images as the rows of a
 * row-major float matrix ({@code count x features}) and their labels.
 */
public final class Dataset {
    private final float[] inputs;
    private final int[] labels;
    private final int count;
    private final int height;
    private final int width;
    private final int classes;
    /** The file-order batches' panels of the last batch size asked for (see {@link #batchPanels}). */
    private BatchPanels panels;
    private int panelsBatchSize;

    Dataset(float[] inputs, int[] labels, int height, int width, int classes) {
        this.inputs = inputs;
        this.labels = labels;
        this.count = labels.length;
        this.height = height;
        this.width = width;
        this.classes = classes;
    }

    /**
     * A dataset from arrays already in memory: count rows of height x width inputs, labels in
     * 0 .. classes-1. The arrays are shared, not copied.
     */
    public static Dataset of(float[] inputs, int[] labels, int height, int width, int classes) {
        if ((long) labels.length * height * width != inputs.length) {
            throw new IllegalArgumentException(labels.length + " samples of " + height + " x " + width
                    + " inputs need " + (long) labels.length * height * width + " values, not " + inputs.length);
        }
        for (int i = 0; i < labels.length; i++) {
            if (labels[i] < 0 || labels[i] >= classes) {
                throw new IllegalArgumentException("label " + labels[i] + " of sample " + i + " is outside 0.."
                        + (classes - 1));
            }
        }
        return new Dataset(inputs, labels, height, width, classes);
    }

    /**
     * The images of an IDX file of shape (count, height, width) with the labels of an IDX file
     * of shape (count), each label in 0 .. classes-1; both unsigned bytes.
     */
    public static Dataset fromIdx(IdxFile images, IdxFile labels, int classes, Normalization normalization) {
        if (images.type() != IdxType.UNSIGNED_BYTE || images.shape().length != 3) {
            throw new DataException(images.path() + ": expected images (a 3-dimensional file of unsigned bytes), found "
                    + images.shape().length + " dimensions of " + images.type().name().toLowerCase());
        }
        if (labels.type() != IdxType.UNSIGNED_BYTE || labels.shape().length != 1) {
            throw new DataException(labels.path() + ": expected labels (a 1-dimensional file of unsigned bytes), found "
                    + labels.shape().length + " dimensions of " + labels.type().name().toLowerCase());
        }
        int count = images.shape()[0];
        if (labels.shape()[0] != count) {
            throw new DataException(images.path() + " has " + count + " images but " + labels.path() + " has "
                    + labels.shape()[0] + " labels");
        }
        int[] y = new int[count];
        for (int i = 0; i < count; i++) {
            y[i] = labels.unsignedByte(i);
            if (y[i] >= classes) {
                throw new DataException(labels.path() + ": byte " + (labels.dataOffset() + i) + ": label " + y[i]
                        + " of image " + i + " is outside 0.." + (classes - 1));
            }
        }
        int height = images.shape()[1];
        int width = images.shape()[2];
        long pixels = (long) count * height * width;
        if (pixels > Integer.MAX_VALUE - 8) {
            throw new DataException(images.path() + ": " + pixels + " pixels do not fit in one Java array");
        }
        // One lookup per byte value: 256 normalisations instead of one per pixel.
        float[] table = new float[256];
        for (int v = 0; v < 256; v++) {
            table[v] = normalization.apply(v);
        }
        float[] x = new float[(int) pixels];
        byte[] content = images.content();
        int from = images.dataOffset();
        for (int i = 0; i < x.length; i++) {
            x[i] = table[content[from + i] & 0xff];
        }
        return new Dataset(x, y, height, width, classes);
    }

    /** Number of images. */
    public int count() {
        return count;
    }

    /** Inputs per image: height x width. */
    public int features() {
        return height * width;
    }

    public int height() {
        return height;
    }

    public int width() {
        return width;
    }

    public int classes() {
        return classes;
    }

    /** The normalised images, row i = image i; shared, not copied. */
    public float[] inputs() {
        return inputs;
    }

    /** The labels; shared, not copied. */
    public int[] labels() {
        return labels;
    }

    /**
     * The inputs of the batches of {@code batchSize} in file order as column panels, built on
     * first use and kept for the runs that share this dataset; null when memory is short.
     */
    synchronized BatchPanels batchPanels(int batchSize) {
        if (panelsBatchSize != batchSize) {
            panels = BatchPanels.of(this, batchSize);
            panelsBatchSize = batchSize;
        }
        return panels;
    }

    /** How many images carry each label. */
    public int[] labelHistogram() {
        int[] h = new int[classes];
        for (int y : labels) {
            h[y]++;
        }
        return h;
    }

    /** The largest label that occurs (0 for a split whose labels are all 0). */
    public int largestLabel() {
        int[] histogram = labelHistogram();
        int largest = histogram.length - 1;
        while (largest > 0 && histogram[largest] == 0) {
            largest--;
        }
        return largest;
    }
}
