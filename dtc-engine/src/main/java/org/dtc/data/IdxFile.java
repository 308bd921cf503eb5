package org.dtc.data;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipException;

/**
 * One IDX file (the format of MNIST and Fashion-MNIST): a big-endian header of two zero bytes,
 * an element type, a dimension count and the dimensions, then the elements. Gzip'd files are
 * recognised by their content, not their name. Offsets in error messages count bytes of the
 * uncompressed content.
 */
public record IdxFile(Path path, IdxType type, int[] shape, byte[] content, int dataOffset) {
    private static final int GZIP_MAGIC = 0x1f8b;

    /** Number of elements: the product of the dimensions. */
    public long elements() {
        long n = 1;
        for (int d : shape) {
            n *= d;
        }
        return n;
    }

    /** Element i as an unsigned byte (for {@link IdxType#UNSIGNED_BYTE} files). */
    public int unsignedByte(long i) {
        return content[dataOffset + (int) i] & 0xff;
    }

    /** Element i converted to double, whatever the element type. */
    public double value(long i) {
        ByteBuffer b = ByteBuffer.wrap(content).order(ByteOrder.BIG_ENDIAN);
        int at = dataOffset + (int) (i * type.bytes());
        return switch (type) {
            case UNSIGNED_BYTE -> content[at] & 0xff;
            case SIGNED_BYTE -> content[at];
            case SHORT -> b.getShort(at);
            case INT -> b.getInt(at);
            case FLOAT -> b.getFloat(at);
            case DOUBLE -> b.getDouble(at);
        };
    }

    /** Reads and validates a file, gzip'd or raw. */
    public static IdxFile read(Path path) throws IOException {
        return parse(path, readContent(path, DataFile.unknownContentLimit()));
    }

    /**
     * The uncompressed bytes of a file, gunzipped when it starts with the gzip magic; content
     * longer than {@code limit} bytes is refused before it is all read (a gzip bomb, or not the
     * file it should be).
     */
    static byte[] readContent(Path path, long limit) throws IOException {
        try (InputStream raw = new BufferedInputStream(Files.newInputStream(path), 1 << 16)) {
            raw.mark(2);
            int magic = (raw.read() << 8) | raw.read();
            raw.reset();
            if (magic != GZIP_MAGIC) {
                return readAtMost(raw, path, limit, "is");
            }
            try (InputStream in = new GZIPInputStream(raw, 1 << 16)) {
                return readAtMost(in, path, limit, "decompresses to");
            } catch (ZipException | java.io.EOFException e) {
                throw new DataException(path + ": not a valid gzip stream (" + e.getMessage() + ")");
            }
        }
    }

    private static byte[] readAtMost(InputStream in, Path path, long limit, String verb) throws IOException {
        byte[] content = in.readNBytes((int) Math.min(limit, Integer.MAX_VALUE - 8));
        if (in.read() >= 0) {
            throw new DataException(path + " " + verb + " more than " + limit + " bytes, more than its content can be");
        }
        return content;
    }

    /** Validates the header of already loaded content against its length. */
    static IdxFile parse(Path path, byte[] content) {
        if (content.length < 4) {
            throw new DataException(path + ": truncated at byte " + content.length + ": an IDX header needs 4 bytes");
        }
        if (content[0] != 0 || content[1] != 0) {
            throw new DataException(String.format("%s: byte 0: magic number 0x%02X%02X%02X%02X is not an IDX magic "
                    + "(0x0000, then a type and a dimension count)", path, content[0], content[1], content[2], content[3]));
        }
        IdxType type = IdxType.of(content[2] & 0xff);
        if (type == null) {
            throw new DataException(String.format("%s: byte 2: element type 0x%02X is not one IDX defines (%s)",
                    path, content[2] & 0xff, IdxType.known()));
        }
        int dims = content[3] & 0xff;
        int headerEnd = 4 + 4 * dims;
        if (dims == 0) {
            throw new DataException(path + ": byte 3: an IDX file needs at least one dimension");
        }
        if (content.length < headerEnd) {
            throw new DataException(path + ": truncated at byte " + content.length + ": the header of " + dims
                    + " dimensions needs " + headerEnd + " bytes");
        }
        ByteBuffer b = ByteBuffer.wrap(content).order(ByteOrder.BIG_ENDIAN);
        int[] shape = new int[dims];
        long elements = 1;
        for (int d = 0; d < dims; d++) {
            shape[d] = b.getInt(4 + 4 * d);
            if (shape[d] < 0) {
                throw new DataException(path + ": byte " + (4 + 4 * d) + ": dimension " + d + " is negative ("
                        + shape[d] + ")");
            }
            elements = multiplyOrNegative(elements, shape[d]);
        }
        long expected = elements < 0 ? -1 : multiplyOrNegative(elements, type.bytes());
        if (expected < 0 || expected > Integer.MAX_VALUE - 8 - headerEnd) {
            throw new DataException(path + ": the header promises " + describe(shape, type) + ", more than one file "
                    + "can hold (" + (Integer.MAX_VALUE - 8) + " bytes)");
        }
        expected += headerEnd;
        if (content.length < expected) {
            throw new DataException(path + ": truncated at byte " + content.length + ": a "
                    + describe(shape, type) + " file needs " + expected + " bytes");
        }
        if (content.length > expected) {
            throw new DataException(path + ": byte " + expected + ": the header promises " + describe(shape, type)
                    + " (" + expected + " bytes) but the file has " + content.length + " bytes");
        }
        return new IdxFile(path, type, shape, content, headerEnd);
    }

    /** a * b for non-negative a and b, or -1 where the product passes a long. */
    private static long multiplyOrNegative(long a, long b) {
        try {
            return Math.multiplyExact(a, b);
        } catch (ArithmeticException overflow) {
            return -1;
        }
    }

    private static String describe(int[] shape, IdxType type) {
        StringBuilder s = new StringBuilder();
        for (int d : shape) {
            s.append(s.isEmpty() ? "" : " x ").append(d);
        }
        return s + " " + type.name().toLowerCase().replace('_', ' ');
    }

    @Override
    public String toString() {
        return path + ": " + describe(shape, type);
    }
}
