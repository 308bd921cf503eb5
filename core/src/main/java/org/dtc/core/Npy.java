package org.dtc.core;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * numpy's {@code .npy} files of float32 or float64 in C order, so that problems and results
 * move between this engine and numpy. Reads format versions 1 to 3 in either byte order; writes
 * version 1.0, little-endian, through a temporary file renamed into place.
 */
public final class Npy {
    private static final byte[] MAGIC = {(byte) 0x93, 'N', 'U', 'M', 'P', 'Y'};
    private static final Pattern DESCR = Pattern.compile("'descr'\\s*:\\s*'([<>=|])([a-z])(\\d+)'");
    private static final Pattern FORTRAN = Pattern.compile("'fortran_order'\\s*:\\s*(True|False)");
    private static final Pattern SHAPE = Pattern.compile("'shape'\\s*:\\s*\\(([^)]*)\\)");

    private Npy() {}

    /** An array read from a file: its shape and its values, widened to double. */
    public record Array(int[] shape, double[] data) {
        /** Number of rows of a 2-D array, or the length of a 1-D one. */
        public int rows() {
            return shape.length == 0 ? 1 : shape[0];
        }

        /** Columns of a 2-D array; 1 for a 1-D one. */
        public int cols() {
            return shape.length < 2 ? 1 : shape[1];
        }
    }

    /** Reads a float32 or float64 array in C order; errors name the file and the problem. */
    public static Array read(Path path) throws IOException {
        byte[] bytes = Files.readAllBytes(path);
        ByteBuffer b = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
        if (bytes.length < 10 || !Arrays.equals(Arrays.copyOf(bytes, 6), MAGIC)) {
            throw new IOException(path + ": not a .npy file (no \\x93NUMPY magic at byte 0)");
        }
        int major = bytes[6];
        int headerLength;
        int headerStart;
        if (major == 1) {
            headerLength = Short.toUnsignedInt(b.getShort(8));
            headerStart = 10;
        } else if (major == 2 || major == 3) {
            headerLength = b.getInt(8);
            headerStart = 12;
        } else {
            throw new IOException(path + ": byte 6: .npy format version " + major + " is not one of 1, 2, 3");
        }
        if (headerStart + (long) headerLength > bytes.length) {
            throw new IOException(path + ": truncated in its header (" + bytes.length + " bytes)");
        }
        String header = new String(bytes, headerStart, headerLength, StandardCharsets.UTF_8);
        Matcher descr = DESCR.matcher(header);
        Matcher fortran = FORTRAN.matcher(header);
        Matcher shapeMatch = SHAPE.matcher(header);
        if (!descr.find() || !fortran.find() || !shapeMatch.find()) {
            throw new IOException(path + ": unreadable .npy header " + header.strip());
        }
        String kind = descr.group(2);
        int width = Integer.parseInt(descr.group(3));
        if (!kind.equals("f") || (width != 4 && width != 8)) {
            throw new IOException(path + ": element type '" + descr.group(1) + kind + width
                    + "' is not float32 or float64");
        }
        if (fortran.group(1).equals("True")) {
            throw new IOException(path + ": Fortran-ordered arrays are not supported; save with C order");
        }
        int[] shape = parseShape(path, shapeMatch.group(1));
        long count = 1;
        try {
            for (int d : shape) {
                count = Math.multiplyExact(count, d);
            }
            Math.multiplyExact(count, width);
        } catch (ArithmeticException overflow) {
            count = -1;
        }
        int dataStart = headerStart + headerLength;
        if (count < 0 || count > (Integer.MAX_VALUE - 8) / width) {
            throw new IOException(path + ": shape " + Arrays.toString(shape) + " holds more values than one array can");
        }
        long needed = dataStart + count * width;
        if (needed != bytes.length) {
            throw new IOException(path + ": shape " + Arrays.toString(shape) + " of " + width + "-byte floats needs "
                    + needed + " bytes, the file has " + bytes.length);
        }
        b.order(descr.group(1).equals(">") ? ByteOrder.BIG_ENDIAN : ByteOrder.LITTLE_ENDIAN);
        double[] data = new double[(int) count];
        for (int i = 0; i < data.length; i++) {
            data[i] = width == 8 ? b.getDouble(dataStart + 8 * i) : b.getFloat(dataStart + 4 * i);
        }
        return new Array(shape, data);
    }

    private static int[] parseShape(Path path, String text) throws IOException {
        String[] parts = text.split(",");
        int[] shape = new int[parts.length];
        int n = 0;
        for (String p : parts) {
            if (!p.isBlank()) {
                try {
                    shape[n] = Integer.parseInt(p.strip());
                    if (shape[n++] < 0) {
                        throw new IOException(path + ": shape (" + text + ") has a negative dimension");
                    }
                } catch (NumberFormatException e) {
                    throw new IOException(path + ": shape (" + text + ") is not a list of integers");
                }
            }
        }
        return Arrays.copyOf(shape, n);
    }

    /** Writes float64 values of the given shape. */
    public static void write(Path path, int[] shape, double[] data) throws IOException {
        ByteBuffer body = ByteBuffer.allocate(8 * data.length).order(ByteOrder.LITTLE_ENDIAN);
        for (double v : data) {
            body.putDouble(v);
        }
        write(path, "<f8", shape, data.length, body.array());
    }

    /** Writes float32 values of the given shape. */
    public static void write(Path path, int[] shape, float[] data) throws IOException {
        ByteBuffer body = ByteBuffer.allocate(4 * data.length).order(ByteOrder.LITTLE_ENDIAN);
        for (float v : data) {
            body.putFloat(v);
        }
        write(path, "<f4", shape, data.length, body.array());
    }

    private static void write(Path path, String descr, int[] shape, int count, byte[] body) throws IOException {
        long product = 1;
        for (int d : shape) {
            product *= d;
        }
        if (product != count) {
            throw new IllegalArgumentException("shape " + Arrays.toString(shape) + " holds " + product + " values, not "
                    + count);
        }
        String header = "{'descr': '" + descr + "', 'fortran_order': False, 'shape': (" + shapeText(shape) + "), }";
        // Pad with spaces so that the data starts on a 64-byte boundary, newline last.
        int total = 10 + header.length() + 1;
        int padded = (total + 63) / 64 * 64;
        header = header + " ".repeat(padded - total) + "\n";
        ByteBuffer out = ByteBuffer.allocate(10 + header.length() + body.length).order(ByteOrder.LITTLE_ENDIAN);
        out.put(MAGIC).put((byte) 1).put((byte) 0).putShort((short) header.length());
        out.put(header.getBytes(StandardCharsets.US_ASCII)).put(body);
        AtomicFile.write(path, out.array());
    }

    /** numpy's tuple text: "3," for one dimension, "2, 3" for two. */
    private static String shapeText(int[] shape) {
        if (shape.length == 1) {
            return shape[0] + ",";
        }
        StringBuilder s = new StringBuilder();
        for (int i = 0; i < shape.length; i++) {
            s.append(i == 0 ? "" : ", ").append(shape[i]);
        }
        return s.toString();
    }
}
