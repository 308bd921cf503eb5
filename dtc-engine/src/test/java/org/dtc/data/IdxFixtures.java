package org.dtc.data;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.zip.Deflater;
import java.util.zip.GZIPOutputStream;

/** Small IDX files made by the tests themselves, and a dataset spec whose checksums fit them. */
final class IdxFixtures {
    static final int COUNT = 10;
    static final int HEIGHT = 3;
    static final int WIDTH = 2;

    private IdxFixtures() {}

    /** The bytes of an IDX file: header for the type code and shape, then the payload. */
    static byte[] idx(int typeCode, int[] shape, byte[] payload) {
        ByteBuffer b = ByteBuffer.allocate(4 + 4 * shape.length + payload.length);
        b.put((byte) 0).put((byte) 0).put((byte) typeCode).put((byte) shape.length);
        for (int d : shape) {
            b.putInt(d);
        }
        b.put(payload);
        return b.array();
    }

    /** COUNT images of HEIGHT x WIDTH pixels, pixel j of image i = (37 i + 11 j) mod 256. */
    static byte[] images() {
        byte[] px = new byte[COUNT * HEIGHT * WIDTH];
        for (int i = 0; i < COUNT; i++) {
            for (int j = 0; j < HEIGHT * WIDTH; j++) {
                px[i * HEIGHT * WIDTH + j] = (byte) ((37 * i + 11 * j) % 256);
            }
        }
        return idx(0x08, new int[] {COUNT, HEIGHT, WIDTH}, px);
    }

    /** COUNT labels, label i = (3 i) mod 10. */
    static byte[] labels() {
        byte[] y = new byte[COUNT];
        for (int i = 0; i < COUNT; i++) {
            y[i] = (byte) (3 * i % 10);
        }
        return idx(0x08, new int[] {COUNT}, y);
    }

    static byte[] gzip(byte[] content, int level) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (GZIPOutputStream out = new GZIPOutputStream(bytes) {
            {
                def.setLevel(level);
            }
        }) {
            out.write(content);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    static byte[] gzip(byte[] content) {
        return gzip(content, Deflater.DEFAULT_COMPRESSION);
    }

    static Path write(Path dir, String name, byte[] content) {
        try {
            return Files.write(dir.resolve(name), content);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A two-split dataset of these images and labels (test = train), served from {@code mirrors}. */
    static DatasetSpec spec(List<String> mirrors) {
        String imageSum = Checksums.sha256(images());
        String labelSum = Checksums.sha256(labels());
        return new DatasetSpec("tiny",
                new DataFile("train-images-idx3-ubyte", imageSum, images().length),
                new DataFile("train-labels-idx1-ubyte", labelSum, labels().length),
                new DataFile("t10k-images-idx3-ubyte", imageSum, images().length),
                new DataFile("t10k-labels-idx1-ubyte", labelSum, labels().length),
                0.5, 0.25, mirrors, List.of());
    }

    /** The spec's four files, gzip'd, in dir. */
    static void writeAll(Path dir) {
        write(dir, "train-images-idx3-ubyte.gz", gzip(images()));
        write(dir, "train-labels-idx1-ubyte.gz", gzip(labels()));
        write(dir, "t10k-images-idx3-ubyte.gz", gzip(images()));
        write(dir, "t10k-labels-idx1-ubyte.gz", gzip(labels()));
    }
}
