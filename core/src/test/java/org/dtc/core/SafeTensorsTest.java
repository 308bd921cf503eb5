package org.dtc.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * safetensors files against PyTorch's and the safetensors library's own (src-test-data/safetensors,
 * written and read there by generate.py): every value read exactly, dtc's bytes read back by
 * safetensors as written, and every malformed file refused by name.
 */
class SafeTensorsTest {
    @TempDir
    Path dir;

    /** tensors.txt's lines of one file: name, dtype, shape and the exact values. */
    private static Map<String, String[]> expected(String fixture, String file) throws IOException {
        Map<String, String[]> m = new LinkedHashMap<>();
        for (String line : Files.readAllLines(TestData.path("safetensors/" + fixture))) {
            String[] f = line.split(" ");
            if (f[0].equals(file)) {
                m.put(f[1], f);
            }
        }
        return m;
    }

    private static final Map<String, String> DTYPES = Map.of("float32", "F32", "float64", "F64", "float16", "F16",
            "bfloat16", "BF16", "int64", "I64", "int32", "I32", "uint8", "U8");

    private static void assertSame(SafeTensors.Tensor t, String[] f) {
        assertThat(t.dtype()).as(t.name()).isEqualTo(DTYPES.get(f[2]));
        StringBuilder shape = new StringBuilder();
        for (long d : t.shape()) {
            shape.append(shape.isEmpty() ? "" : "x").append(d);
        }
        assertThat(shape.isEmpty() ? "scalar" : shape.toString()).as(t.name()).isEqualTo(f[3]);
        assertThat(t.values()).as(t.name()).hasSize(f.length - 4);
        for (int i = 0; i < t.values().length; i++) {
            assertThat(t.values()[i]).as(t.name() + "[" + i + "]").isEqualTo(Double.parseDouble(f[4 + i]));
        }
    }

    @Test
    void readsWhatPyTorchWritesExactly() throws IOException {
        for (String file : List.of("linear", "norms", "dtypes")) {
            SafeTensors.Contents c = SafeTensors.read(TestData.path("safetensors/" + file + ".safetensors"));
            Map<String, String[]> expected = expected("tensors.txt", file);
            assertThat(c.tensors()).extracting(SafeTensors.Tensor::name).as(file)
                    .containsExactlyInAnyOrderElementsOf(expected.keySet());
            for (SafeTensors.Tensor t : c.tensors()) {
                assertSame(t, expected.get(t.name()));
            }
        }
        assertThat(SafeTensors.read(TestData.path("safetensors/dtypes.safetensors")).metadata())
                .containsExactlyInAnyOrderEntriesOf(Map.of("format", "pt", "note", "dtc fixture"));
    }

    private static List<SafeTensors.Tensor> written() {
        return List.of(
                SafeTensors.Tensor.f32("0.weight", new long[] {2, 3}, new float[] {0.5f, -1.25f, 3e-8f, 1e30f, -0f, 0.1f}),
                SafeTensors.Tensor.f32("0.bias", new long[] {2}, new float[] {7f, -0.375f}),
                new SafeTensors.Tensor("1.num_batches_tracked", "I64", new long[0], new double[] {123456789}));
    }

    @Test
    void writesTheBytesSafetensorsReadBackAsWritten() throws IOException {
        Map<String, String> metadata = Map.of("dtc.arch", "3-2");
        byte[] bytes = SafeTensors.bytes(written(), metadata);
        // The bytes generate.py read with safetensors' own reader (a change here re-runs the script).
        assertThat(bytes).isEqualTo(Files.readAllBytes(TestData.path("safetensors/dtc-written.safetensors")));
        Map<String, String[]> read = expected("dtc-written.txt", "dtc-written");
        for (SafeTensors.Tensor t : written()) {
            assertSame(t, read.get(t.name()));
        }
        assertThat(Files.readAllLines(TestData.path("safetensors/dtc-written.txt"))).contains("metadata dtc.arch 3-2");
        // The header is padded to 8 bytes, and every tensor lies at a multiple of its width.
        assertThat(ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN).getLong(0) % 8).isZero();
        Path file = dir.resolve("w.safetensors");
        SafeTensors.write(file, written(), metadata);
        SafeTensors.Contents back = SafeTensors.read(file);
        assertThat(back.metadata()).isEqualTo(metadata);
        for (SafeTensors.Tensor t : written()) {
            assertThat(back.get(t.name()).values()).isEqualTo(t.values());
            assertThat(back.get(t.name()).shape()).isEqualTo(t.shape());
        }
    }

    /** A file of a header and data bytes as given. */
    private Path file(String header, int dataBytes) throws IOException {
        byte[] json = header.getBytes(StandardCharsets.UTF_8);
        ByteBuffer b = ByteBuffer.allocate(8 + json.length + dataBytes).order(ByteOrder.LITTLE_ENDIAN);
        b.putLong(json.length).put(json);
        Path p = dir.resolve("bad.safetensors");
        Files.write(p, b.array());
        return p;
    }

    private static String tensor(String name, String dtype, String shape, long begin, long end) {
        return "\"" + name + "\":{\"dtype\":\"" + dtype + "\",\"shape\":" + shape + ",\"data_offsets\":[" + begin + ","
                + end + "]}";
    }

    @Test
    void malformedFilesAreRefusedByFileAndTensor() throws IOException {
        Path good = TestData.path("safetensors/linear.safetensors");
        byte[] bytes = Files.readAllBytes(good);
        Path truncated = dir.resolve("truncated.safetensors");
        Files.write(truncated, java.util.Arrays.copyOf(bytes, bytes.length - 3));
        assertThatThrownBy(() -> SafeTensors.read(truncated)).hasMessageContaining(truncated.toString())
                .hasMessageContaining("run past the data").hasMessageContaining("truncated file");
        Path headerOnly = dir.resolve("header.safetensors");
        Files.write(headerOnly, java.util.Arrays.copyOf(bytes, 40));
        assertThatThrownBy(() -> SafeTensors.read(headerOnly)).hasMessageContaining("runs past the end of the file");
        Path tiny = dir.resolve("tiny.safetensors");
        Files.write(tiny, new byte[] {1, 2, 3});
        assertThatThrownBy(() -> SafeTensors.read(tiny)).hasMessageContaining("too short");
        Path huge = dir.resolve("huge.safetensors");
        Files.write(huge, ByteBuffer.allocate(16).order(ByteOrder.LITTLE_ENDIAN).putLong(-1).array());
        assertThatThrownBy(() -> SafeTensors.read(huge)).hasMessageContaining("18446744073709551615")
                .hasMessageContaining("limit");

        assertThatThrownBy(() -> SafeTensors.read(file("{" + tensor("a", "F32", "[2]", 0, 8) + ","
                + tensor("b", "F32", "[2]", 4, 12) + "}", 12))).hasMessageContaining("tensor 'b'")
                .hasMessageContaining("overlap");
        assertThatThrownBy(() -> SafeTensors.read(file("{" + tensor("a", "F32", "[1]", 0, 4) + ","
                + tensor("b", "F32", "[1]", 8, 12) + "}", 12))).hasMessageContaining("tensor 'b'")
                .hasMessageContaining("unused");
        assertThatThrownBy(() -> SafeTensors.read(file("{" + tensor("a", "F32", "[1]", 0, 4) + "}", 8)))
                .hasMessageContaining("cover 4 of the 8 data bytes");
        assertThatThrownBy(() -> SafeTensors.read(file("{" + tensor("w", "C64", "[1]", 0, 8) + "}", 8)))
                .hasMessageContaining("tensor 'w': dtype C64 is not one dtc reads");
        assertThatThrownBy(() -> SafeTensors.read(file("{" + tensor("w", "F32", "[2,3]", 0, 20) + "}", 20)))
                .hasMessageContaining("tensor 'w': shape [2, 3] of F32 needs 6 x 4 bytes, its offsets hold 20");
        assertThatThrownBy(() -> SafeTensors.read(file("{" + tensor("w", "F32", "[-1]", 0, 4) + "}", 4)))
                .hasMessageContaining("tensor 'w'").hasMessageContaining("not a size");
        assertThatThrownBy(() -> SafeTensors.read(file("{" + tensor("w", "F32", "[4611686018427387904,4]", 0, 4)
                + "}", 4))).hasMessageContaining("more elements than a long counts");
        assertThatThrownBy(() -> SafeTensors.read(file("{\"w\": 3", 0))).hasMessageContaining("the header is not JSON");
        assertThatThrownBy(() -> SafeTensors.read(file("{\"__metadata__\":{\"k\":1}}", 0)))
                .hasMessageContaining("__metadata__ entry 'k' is not a string");
    }
}
