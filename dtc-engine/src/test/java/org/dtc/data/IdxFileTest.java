package org.dtc.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class IdxFileTest {
    @TempDir
    Path dir;

    @Test
    void readsRawAndGzippedFilesAlike() throws Exception {
        Path raw = IdxFixtures.write(dir, "images", IdxFixtures.images());
        Path gz = IdxFixtures.write(dir, "images.gz", IdxFixtures.gzip(IdxFixtures.images()));
        for (Path p : new Path[] {raw, gz}) {
            IdxFile f = IdxFile.read(p);
            assertThat(f.type()).isEqualTo(IdxType.UNSIGNED_BYTE);
            assertThat(f.shape()).containsExactly(10, 3, 2);
            assertThat(f.elements()).isEqualTo(60);
            assertThat(f.unsignedByte(7)).isEqualTo((37 * 1 + 11 * 1) % 256);
            assertThat(f.value(59)).isEqualTo((37 * 9 + 11 * 5) % 256);
        }
    }

    @Test
    void readsEveryElementType() throws Exception {
        ByteBuffer b = ByteBuffer.allocate(8);
        assertThat(read(0x08, new byte[] {(byte) 200}).value(0)).isEqualTo(200);
        assertThat(read(0x09, new byte[] {(byte) 200}).value(0)).isEqualTo(-56);
        assertThat(read(0x0B, b.clear().putShort((short) -1234).array(), 2).value(0)).isEqualTo(-1234);
        assertThat(read(0x0C, b.clear().putInt(-123456789).array(), 4).value(0)).isEqualTo(-123456789);
        assertThat(read(0x0D, b.clear().putFloat(1.5e-3f).array(), 4).value(0)).isEqualTo(1.5e-3f);
        assertThat(read(0x0E, b.clear().putDouble(-2.25e100).array(), 8).value(0)).isEqualTo(-2.25e100);
    }

    private IdxFile read(int type, byte[] payload) throws Exception {
        return read(type, payload, payload.length);
    }

    private IdxFile read(int type, byte[] payload, int size) throws Exception {
        return IdxFile.read(IdxFixtures.write(dir, "t" + type, IdxFixtures.idx(type, new int[] {1},
                Arrays.copyOf(payload, size))));
    }

    @Test
    void wrongMagicNamesTheFileAndByte() {
        byte[] content = IdxFixtures.images();
        content[1] = 7;
        Path p = IdxFixtures.write(dir, "bad-magic", content);
        assertThatThrownBy(() -> IdxFile.read(p)).isInstanceOf(DataException.class)
                .hasMessage(p + ": byte 0: magic number 0x00070803 is not an IDX magic (0x0000, then a type and a "
                        + "dimension count)");
    }

    @Test
    void unsupportedTypeListsTheKnownOnes() {
        byte[] content = IdxFixtures.images();
        content[2] = 0x0A;
        Path p = IdxFixtures.write(dir, "bad-type.gz", IdxFixtures.gzip(content));
        assertThatThrownBy(() -> IdxFile.read(p))
                .hasMessageStartingWith(p + ": byte 2: element type 0x0A is not one IDX defines")
                .hasMessageContaining("0x08 unsigned_byte").hasMessageContaining("0x0E double");
    }

    @Test
    void dimensionsThatPromiseLessThanTheFileHoldsAreRefused() {
        byte[] content = Arrays.copyOf(IdxFixtures.images(), IdxFixtures.images().length + 3);
        Path p = IdxFixtures.write(dir, "long", content);
        assertThatThrownBy(() -> IdxFile.read(p))
                .hasMessage(p + ": byte 76: the header promises 10 x 3 x 2 unsigned byte (76 bytes) but the file has "
                        + "79 bytes");
    }

    @Test
    void dimensionsWhoseProductPassesWhatAFileCanHoldAreRefused() {
        // 2^31 x 2^31 x 2^31 bytes: the product passes a long; 2^20 x 2^20 bytes passes an array.
        for (int[] shape : new int[][] {{1 << 31 - 1, Integer.MAX_VALUE, Integer.MAX_VALUE}, {1 << 20, 1 << 20}}) {
            java.nio.ByteBuffer b = java.nio.ByteBuffer.allocate(4 + 4 * shape.length + 16);
            b.put((byte) 0).put((byte) 0).put((byte) 0x08).put((byte) shape.length);
            for (int d : shape) {
                b.putInt(d);
            }
            Path p = IdxFixtures.write(dir, "huge", b.array());
            assertThatThrownBy(() -> IdxFile.read(p)).hasMessageStartingWith(p + ": the header promises ")
                    .hasMessageEndingWith(", more than one file can hold (2147483639 bytes)");
        }
    }

    @Test
    void truncatedDataAndHeadersAreRefused() {
        byte[] content = IdxFixtures.images();
        Path data = IdxFixtures.write(dir, "short.gz", IdxFixtures.gzip(Arrays.copyOf(content, 50)));
        assertThatThrownBy(() -> IdxFile.read(data))
                .hasMessage(data + ": truncated at byte 50: a 10 x 3 x 2 unsigned byte file needs 76 bytes");
        Path header = IdxFixtures.write(dir, "header", Arrays.copyOf(content, 9));
        assertThatThrownBy(() -> IdxFile.read(header))
                .hasMessage(header + ": truncated at byte 9: the header of 3 dimensions needs 16 bytes");
        Path tiny = IdxFixtures.write(dir, "tiny", new byte[] {0, 0});
        assertThatThrownBy(() -> IdxFile.read(tiny)).hasMessage(tiny + ": truncated at byte 2: an IDX header needs 4 bytes");
    }

    @Test
    void brokenGzipIsNamed() {
        byte[] gz = IdxFixtures.gzip(IdxFixtures.images());
        Path p = IdxFixtures.write(dir, "cut.gz", Arrays.copyOf(gz, gz.length - 12));
        assertThatThrownBy(() -> IdxFile.read(p)).isInstanceOf(DataException.class)
                .hasMessageStartingWith(p + ": not a valid gzip stream");
    }
}
