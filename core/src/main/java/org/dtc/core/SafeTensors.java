package org.dtc.core;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The safetensors format (Hugging Face's, what PyTorch users save state_dicts in): an unsigned
 * 64-bit little-endian header length N, N bytes of JSON ({@code "name": {"dtype", "shape",
 * "data_offsets": [begin, end]}} per tensor, and an optional {@code "__metadata__"} of strings),
 * then the tensors' raw little-endian row-major bytes, offsets counted from the end of the
 * header. Reads F32, F64, F16 and BF16 (as their exact double values) and the integer types
 * I64, I32, I16, I8, U8 (such as batch norm's {@code num_batches_tracked}); writes F32 and I64.
 * Everything is checked as the format's own reader checks it: the header against the file and a
 * size limit, every tensor's dtype, shape and byte count, and offsets that lie inside the data,
 * do not overlap, and leave no byte unused.
 */
public final class SafeTensors {
    /** The format's own limit on the header (the safetensors library refuses larger ones). */
    public static final long MAX_HEADER_BYTES = 100_000_000;
    private static final String METADATA = "__metadata__";

    private SafeTensors() {}

    /** A tensor: its name, dtype (as the format spells it), shape and values in row-major order. */
    public record Tensor(String name, String dtype, long[] shape, double[] values) {
        /** A float32 tensor of the given shape. */
        public static Tensor f32(String name, long[] shape, float[] values) {
            double[] v = new double[values.length];
            for (int i = 0; i < v.length; i++) {
                v[i] = values[i];
            }
            return new Tensor(name, "F32", shape, v);
        }

        /** The values as floats (exact for F32, F16 and BF16). */
        public float[] floats() {
            float[] f = new float[values.length];
            for (int i = 0; i < f.length; i++) {
                f[i] = (float) values[i];
            }
            return f;
        }
    }

    /** A file's tensors, in the order of their data, and its metadata. */
    public record Contents(List<Tensor> tensors, Map<String, String> metadata) {
        /** The tensor of that name, or null. */
        public Tensor get(String name) {
            for (Tensor t : tensors) {
                if (t.name().equals(name)) {
                    return t;
                }
            }
            return null;
        }
    }

    private record Entry(String name, String dtype, long[] shape, long begin, long end) {}

    /** Bytes per element of the dtypes read; null for the others. */
    private static Integer width(String dtype) {
        return switch (dtype) {
            case "F64", "I64" -> 8;
            case "F32", "I32" -> 4;
            case "F16", "BF16", "I16" -> 2;
            case "I8", "U8" -> 1;
            default -> null;
        };
    }

    /** Reads a file; a bad one is refused with an IOException naming the file and, where it is one, the tensor. */
    public static Contents read(Path path) throws IOException {
        byte[] bytes = Files.readAllBytes(path);
        if (bytes.length < 8) {
            throw new IOException(path + ": " + bytes.length + " bytes, too short for a safetensors file (8-byte "
                    + "header length first)");
        }
        ByteBuffer b = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
        long headerLength = b.getLong(0);
        if (headerLength < 0 || headerLength > MAX_HEADER_BYTES) {
            throw new IOException(path + ": header length " + Long.toUnsignedString(headerLength) + " is beyond the "
                    + "format's limit of " + MAX_HEADER_BYTES + " bytes: not a safetensors file, or a damaged one");
        }
        if (8 + headerLength > bytes.length) {
            throw new IOException(path + ": header length " + headerLength + " runs past the end of the file ("
                    + bytes.length + " bytes): truncated, or not a safetensors file");
        }
        String headerText = new String(bytes, 8, (int) headerLength, StandardCharsets.UTF_8);
        Object parsed;
        try {
            parsed = Json.parse(headerText.stripTrailing());
        } catch (IllegalArgumentException e) {
            throw new IOException(path + ": the header is not JSON (" + e.getMessage() + ")");
        }
        if (!(parsed instanceof Map<?, ?> header)) {
            throw new IOException(path + ": the header is not a JSON object");
        }
        long dataStart = 8 + headerLength;
        long dataLength = bytes.length - dataStart;
        Map<String, String> metadata = new LinkedHashMap<>();
        List<Entry> entries = new ArrayList<>();
        for (Map.Entry<?, ?> e : header.entrySet()) {
            String name = (String) e.getKey();
            if (name.equals(METADATA)) {
                metadata = metadata(path, e.getValue());
                continue;
            }
            entries.add(entry(path, name, e.getValue(), dataLength));
        }
        entries.sort(Comparator.comparingLong(Entry::begin).thenComparingLong(Entry::end));
        long covered = 0;
        for (Entry entry : entries) {
            if (entry.begin() != covered) {
                throw new IOException(path + ": tensor '" + entry.name() + "' starts at data byte " + entry.begin()
                        + (entry.begin() < covered ? ", inside the tensor before it (they overlap)"
                        : ", leaving bytes " + covered + ".." + (entry.begin() - 1) + " unused (the format allows no gaps)"));
            }
            covered = entry.end();
        }
        if (covered != dataLength) {
            throw new IOException(path + ": the tensors cover " + covered + " of the " + dataLength + " data bytes; "
                    + "the rest is unused (the format allows no gaps)");
        }
        List<Tensor> tensors = new ArrayList<>();
        for (Entry entry : entries) {
            tensors.add(new Tensor(entry.name(), entry.dtype(), entry.shape(),
                    values(b, (int) (dataStart + entry.begin()), entry.dtype(), (int) ((entry.end() - entry.begin())
                            / width(entry.dtype())))));
        }
        return new Contents(List.copyOf(tensors), Map.copyOf(metadata));
    }

    private static Map<String, String> metadata(Path path, Object value) throws IOException {
        if (!(value instanceof Map<?, ?> m)) {
            throw new IOException(path + ": __metadata__ is not an object of strings");
        }
        Map<String, String> out = new LinkedHashMap<>();
        for (Map.Entry<?, ?> e : m.entrySet()) {
            if (!(e.getValue() instanceof String s)) {
                throw new IOException(path + ": __metadata__ entry '" + e.getKey() + "' is not a string");
            }
            out.put((String) e.getKey(), s);
        }
        return out;
    }

    private static Entry entry(Path path, String name, Object value, long dataLength) throws IOException {
        String where = path + ": tensor '" + name + "'";
        if (!(value instanceof Map<?, ?> m) || !(m.get("dtype") instanceof String dtype)
                || !(m.get("shape") instanceof List<?> shapeList) || !(m.get("data_offsets") instanceof List<?> offsets)) {
            throw new IOException(where + ": expected an object with dtype, shape and data_offsets");
        }
        Integer width = width(dtype);
        if (width == null) {
            throw new IOException(where + ": dtype " + dtype + " is not one dtc reads (F32, F64, F16, BF16, I64, I32, "
                    + "I16, I8, U8)");
        }
        long[] shape = new long[shapeList.size()];
        long count = 1;
        for (int i = 0; i < shape.length; i++) {
            if (!(shapeList.get(i) instanceof Long d) || d < 0) {
                throw new IOException(where + ": shape " + shapeList + " has an entry that is not a size");
            }
            shape[i] = d;
            try {
                count = Math.multiplyExact(count, d);
            } catch (ArithmeticException e) {
                throw new IOException(where + ": shape " + shapeList + " has more elements than a long counts");
            }
        }
        if (offsets.size() != 2 || !(offsets.get(0) instanceof Long begin) || !(offsets.get(1) instanceof Long end)
                || begin < 0 || end < begin) {
            throw new IOException(where + ": data_offsets " + offsets + " are not [begin, end] with begin <= end");
        }
        if (end > dataLength) {
            throw new IOException(where + ": data_offsets " + offsets + " run past the data (" + dataLength
                    + " bytes): truncated file");
        }
        if (count > Integer.MAX_VALUE || count * width != end - begin) {
            throw new IOException(where + ": shape " + Arrays.toString(shape) + " of " + dtype + " needs " + count
                    + " x " + width + " bytes, its offsets hold " + (end - begin));
        }
        return new Entry(name, dtype, shape, begin, end);
    }

    private static double[] values(ByteBuffer b, int at, String dtype, int count) {
        double[] v = new double[count];
        for (int i = 0; i < count; i++) {
            v[i] = switch (dtype) {
                case "F64" -> b.getDouble(at + 8 * i);
                case "F32" -> b.getFloat(at + 4 * i);
                case "F16" -> Float.float16ToFloat(b.getShort(at + 2 * i));
                case "BF16" -> Float.intBitsToFloat(Short.toUnsignedInt(b.getShort(at + 2 * i)) << 16);
                case "I64" -> b.getLong(at + 8 * i);
                case "I32" -> b.getInt(at + 4 * i);
                case "I16" -> b.getShort(at + 2 * i);
                case "I8" -> b.get(at + i);
                case "U8" -> Byte.toUnsignedInt(b.get(at + i));
                default -> throw new IllegalStateException(dtype);
            };
        }
        return v;
    }

    /**
     * Writes the tensors (F32 or I64) and metadata, whole or not at all: the header padded with
     * spaces to a multiple of 8 bytes, the I64 tensors first so that every tensor lies at a
     * multiple of its width, each group in the order given.
     */
    public static void write(Path path, List<Tensor> tensors, Map<String, String> metadata) throws IOException {
        AtomicFile.write(path, bytes(tensors, metadata));
    }

    /** The bytes {@link #write} writes. */
    public static byte[] bytes(List<Tensor> tensors, Map<String, String> metadata) {
        List<Tensor> ordered = new ArrayList<>();
        tensors.stream().filter(t -> t.dtype().equals("I64")).forEach(ordered::add);
        tensors.stream().filter(t -> t.dtype().equals("F32")).forEach(ordered::add);
        if (ordered.size() != tensors.size()) {
            throw new IllegalArgumentException("dtc writes F32 and I64 tensors only");
        }
        Map<String, Object> header = new LinkedHashMap<>();
        if (!metadata.isEmpty()) {
            header.put(METADATA, new LinkedHashMap<>(metadata));
        }
        long offset = 0;
        for (Tensor t : ordered) {
            long count = 1;
            for (long d : t.shape()) {
                count = Math.multiplyExact(count, d);
            }
            if (count != t.values().length) {
                throw new IllegalArgumentException("tensor '" + t.name() + "': shape " + Arrays.toString(t.shape())
                        + " holds " + count + " values, not " + t.values().length);
            }
            long end = offset + count * width(t.dtype());
            Map<String, Object> entry = new LinkedHashMap<>();
            entry.put("dtype", t.dtype());
            entry.put("shape", t.shape());
            entry.put("data_offsets", new long[] {offset, end});
            if (header.put(t.name(), entry) != null || t.name().equals(METADATA)) {
                throw new IllegalArgumentException("tensor name '" + t.name() + "' is given twice or reserved");
            }
            offset = end;
        }
        byte[] json = Json.line(header).strip().getBytes(StandardCharsets.UTF_8);
        int padded = (json.length + 7) / 8 * 8;
        ByteBuffer b = ByteBuffer.allocate(Math.toIntExact(8 + padded + offset)).order(ByteOrder.LITTLE_ENDIAN);
        b.putLong(padded).put(json);
        for (int i = json.length; i < padded; i++) {
            b.put((byte) ' ');
        }
        for (Tensor t : ordered) {
            for (double v : t.values()) {
                if (t.dtype().equals("I64")) {
                    b.putLong((long) v);
                } else {
                    b.putFloat((float) v);
                }
            }
        }
        return b.array();
    }
}
