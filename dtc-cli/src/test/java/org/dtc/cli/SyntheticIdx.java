package org.dtc.cli;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.zip.GZIPOutputStream;
import org.dtc.core.RandomStream;

/**
 * Small synthetic IDX data for the custom dataset, for whole runs in seconds (the CLI's tests
 * and dtc-spark's, through this module's test jar).
 */
public final class SyntheticIdx {
    private SyntheticIdx() {}

    private static final int SIDE = 6;

    /** Three classes of 6 x 6 images: a bright band in a class's own rows, plus noise. */
    public static void writeData(Path dir) throws IOException {
        RandomStream random = new RandomStream(3);
        for (String split : List.of("train", "t10k")) {
            int count = split.equals("train") ? 1200 : 300;
            byte[] pixels = new byte[count * SIDE * SIDE];
            byte[] labels = new byte[count];
            for (int i = 0; i < count; i++) {
                int label = (int) random.nextLong(3);
                labels[i] = (byte) label;
                for (int p = 0; p < SIDE * SIDE; p++) {
                    int row = p / SIDE;
                    double v = (row / 2 == label ? 160 : 40) + 50 * random.nextGaussian();
                    pixels[i * SIDE * SIDE + p] = (byte) Math.max(0, Math.min(255, (int) v));
                }
            }
            write(dir.resolve(split + "-images-idx3-ubyte.gz"), idx(new int[] {count, SIDE, SIDE}, pixels));
            write(dir.resolve(split + "-labels-idx1-ubyte.gz"), idx(new int[] {count}, labels));
        }
    }

    private static byte[] idx(int[] shape, byte[] payload) {
        ByteBuffer b = ByteBuffer.allocate(4 + 4 * shape.length + payload.length);
        b.put((byte) 0).put((byte) 0).put((byte) 0x08).put((byte) shape.length);
        for (int d : shape) {
            b.putInt(d);
        }
        return b.put(payload).array();
    }

    private static void write(Path file, byte[] content) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (GZIPOutputStream gz = new GZIPOutputStream(bytes)) {
            gz.write(content);
        }
        Files.write(file, bytes.toByteArray());
    }
}

