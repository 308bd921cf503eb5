package org.dtc.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** .npy files against files numpy wrote (src-test-data/npy, written by generate.py there). */
class NpyTest {
    private static final double[] M = {-0.25, 1 / 7.0 - 0.25, 2 / 7.0 - 0.25, 3 / 7.0 - 0.25, 4 / 7.0 - 0.25,
        5 / 7.0 - 0.25};

    @TempDir
    Path dir;

    @Test
    void readsWhatNumpyWrote() throws IOException {
        for (String name : new String[] {"f8_2x3.npy", "f8_big_endian_2x3.npy", "f8_v2_2x3.npy"}) {
            Npy.Array a = Npy.read(TestData.path("npy/" + name));
            assertThat(a.shape()).as(name).containsExactly(2, 3);
            assertThat(a.rows()).isEqualTo(2);
            assertThat(a.cols()).isEqualTo(3);
            assertThat(a.data()).as(name).containsExactly(M);
        }
        Npy.Array f4 = Npy.read(TestData.path("npy/f4_5.npy"));
        assertThat(f4.shape()).containsExactly(5);
        for (int i = 0; i < 5; i++) {
            assertThat(f4.data()[i]).isEqualTo((double) (((float) i - 2.5f) / 3f));
        }
    }

    @Test
    void writesTheBytesNumpyWrites() throws IOException {
        Path ours = dir.resolve("m.npy");
        Npy.write(ours, new int[] {2, 3}, M);
        assertThat(Files.readAllBytes(ours)).isEqualTo(Files.readAllBytes(TestData.path("npy/f8_2x3.npy")));
        float[] v = new float[5];
        for (int i = 0; i < 5; i++) {
            v[i] = ((float) i - 2.5f) / 3f;
        }
        Path f4 = dir.resolve("v.npy");
        Npy.write(f4, new int[] {5}, v);
        assertThat(Files.readAllBytes(f4)).isEqualTo(Files.readAllBytes(TestData.path("npy/f4_5.npy")));
        try (var listing = Files.list(dir)) {
            assertThat(listing.map(p -> p.getFileName().toString())).containsExactlyInAnyOrder("m.npy", "v.npy");
        }
    }

    @Test
    void refusesWhatItCannotRead() throws IOException {
        Path fortran = TestData.path("npy/f8_fortran_2x3.npy");
        assertThatThrownBy(() -> Npy.read(fortran)).hasMessage(fortran + ": Fortran-ordered arrays are not supported; "
                + "save with C order");
        Path ints = TestData.path("npy/i4_3.npy");
        assertThatThrownBy(() -> Npy.read(ints)).hasMessage(ints + ": element type '<i4' is not float32 or float64");
        Path junk = Files.write(dir.resolve("junk.npy"), new byte[] {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11});
        assertThatThrownBy(() -> Npy.read(junk)).hasMessage(junk + ": not a .npy file (no \\x93NUMPY magic at byte 0)");
        byte[] cut = Files.readAllBytes(TestData.path("npy/f8_2x3.npy"));
        Path truncated = Files.write(dir.resolve("cut.npy"), java.util.Arrays.copyOf(cut, cut.length - 8));
        assertThatThrownBy(() -> Npy.read(truncated)).hasMessage(truncated + ": shape [2, 3] of 8-byte floats needs "
                + "176 bytes, the file has 168");
        assertThatThrownBy(() -> Npy.write(dir.resolve("bad.npy"), new int[] {2, 2}, new double[3]))
                .hasMessage("shape [2, 2] holds 4 values, not 3");
        // Shapes whose product passes a long, or an array, or is negative: refused from the header alone.
        String good = new String(cut, 10, cut.length - 10 - 48, java.nio.charset.StandardCharsets.ISO_8859_1);
        String[][] shapes = {{"(4294967296, 4294967296, 8)", "[4294967296"}, {"(100000, 100000)", "[100000, 100000]"},
            {"(-2, -3)", "(-2, -3)"}};
        for (String[] shape : shapes) {
            String header = good.replace("(2, 3)", shape[0]);
            byte[] bytes = java.util.Arrays.copyOf(cut, 10 + header.length());
            System.arraycopy(header.getBytes(java.nio.charset.StandardCharsets.ISO_8859_1), 0, bytes, 10,
                    header.length());
            bytes[8] = (byte) header.length();
            Path huge = Files.write(dir.resolve("huge.npy"), bytes);
            assertThatThrownBy(() -> Npy.read(huge)).as(shape[0]).isInstanceOf(IOException.class)
                    .hasMessageStartingWith(huge + ": shape ");
        }
    }
}
