package org.dtc.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.Arrays;
import org.dtc.core.ColumnPanels;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DatasetTest {
    @TempDir
    Path dir;

    @Test
    void imagesBecomeNormalisedRowsInFloatArithmetic() throws Exception {
        IdxFile images = IdxFile.read(IdxFixtures.write(dir, "i", IdxFixtures.images()));
        IdxFile labels = IdxFile.read(IdxFixtures.write(dir, "l", IdxFixtures.labels()));
        Normalization norm = new Normalization(0.1307, 0.3081);
        Dataset d = Dataset.fromIdx(images, labels, 10, norm);
        assertThat(d.count()).isEqualTo(10);
        assertThat(d.features()).isEqualTo(6);
        for (int i = 0; i < 10; i++) {
            assertThat(d.labels()[i]).isEqualTo(3 * i % 10);
            for (int j = 0; j < 6; j++) {
                int pixel = (37 * i + 11 * j) % 256;
                // torchvision: ToTensor divides by 255 in float32, Normalize subtracts and divides in float32.
                float expected = ((float) pixel / 255f - 0.1307f) / 0.3081f;
                assertThat(d.inputs()[i * 6 + j]).isEqualTo(expected);
            }
        }
        assertThat(d.labelHistogram()).containsExactly(1, 1, 1, 1, 1, 1, 1, 1, 1, 1);
        assertThat(Normalization.NONE.apply(255)).isEqualTo(1f);
    }

    @Test
    void countsThatDisagreeAreRefused() throws Exception {
        IdxFile images = IdxFile.read(IdxFixtures.write(dir, "i", IdxFixtures.images()));
        Path l = IdxFixtures.write(dir, "l", IdxFixtures.idx(0x08, new int[] {9}, new byte[9]));
        IdxFile labels = IdxFile.read(l);
        assertThatThrownBy(() -> Dataset.fromIdx(images, labels, 10, Normalization.NONE))
                .hasMessage(dir.resolve("i") + " has 10 images but " + l + " has 9 labels");
    }

    @Test
    void labelsOutsideTheClassesNameTheirByte() throws Exception {
        IdxFile images = IdxFile.read(IdxFixtures.write(dir, "i", IdxFixtures.images()));
        byte[] y = new byte[10];
        y[4] = 10;
        Path l = IdxFixtures.write(dir, "l", IdxFixtures.idx(0x08, new int[] {10}, y));
        IdxFile labels = IdxFile.read(l);
        assertThatThrownBy(() -> Dataset.fromIdx(images, labels, 10, Normalization.NONE))
                .hasMessage(l + ": byte 12: label 10 of image 4 is outside 0..9");
    }

    @Test
    void wrongKindsOfFileAreNamed() throws Exception {
        IdxFile images = IdxFile.read(IdxFixtures.write(dir, "i", IdxFixtures.images()));
        IdxFile labels = IdxFile.read(IdxFixtures.write(dir, "l", IdxFixtures.labels()));
        assertThatThrownBy(() -> Dataset.fromIdx(labels, labels, 10, Normalization.NONE))
                .hasMessage(dir.resolve("l") + ": expected images (a 3-dimensional file of unsigned bytes), found 1 "
                        + "dimensions of unsigned_byte");
        assertThatThrownBy(() -> Dataset.fromIdx(images, images, 10, Normalization.NONE))
                .hasMessageContaining("expected labels");
        assertThatThrownBy(() -> new Normalization(0, 0)).hasMessageContaining("positive std");
    }

    @Test
    void sequentialBatchesAreViewsInFileOrderAndWrapAround() throws Exception {
        Dataset d = tiny();
        Batches batches = new Batches(d, 4, BatchOrder.SEQUENTIAL, 0);
        assertThat(batches.perEpoch()).isEqualTo(3);
        int[] sizes = new int[5];
        for (int b = 0; b < 5; b++) {
            Batch batch = batches.next();
            sizes[b] = batch.size();
            assertThat(batch.inputs()).isSameAs(d.inputs());
            assertThat(batch.inputOffset()).isEqualTo((b % 3) * 4 * d.features());
            assertThat(batch.label(0)).isEqualTo(d.labels()[(b % 3) * 4]);
            assertThat(batch.epoch()).isEqualTo(b / 3);
            assertThat(batch.index()).isEqualTo(b % 3);
        }
        assertThat(sizes).containsExactly(4, 4, 2, 4, 4);
        batches.restart();
        assertThat(batches.next().inputOffset()).isZero();
    }

    @Test
    void sequentialBatchesCarryTheirRowsAsColumnPanelsShuffledOnesNone() throws Exception {
        Dataset d = tiny();
        Batches batches = new Batches(d, 4, BatchOrder.SEQUENTIAL, 0);
        for (int b = 0; b < 4; b++) {
            Batch batch = batches.next();
            int size = batch.size();
            float[] expected = new float[Math.toIntExact(ColumnPanels.size(size, d.features()))];
            ColumnPanels.pack(d.inputs(), batch.inputOffset(), d.features(), size, d.features(), expected, 0);
            float[] actual = Arrays.copyOfRange(batch.panels(), batch.panelsOffset(),
                    batch.panelsOffset() + expected.length);
            assertThat(actual).as("batch %d of %d rows", b, size).isEqualTo(expected);
        }
        assertThat(new Batches(d, 4, BatchOrder.SEQUENTIAL, 0).next().panels()).as("shared by the dataset's batches")
                .isSameAs(batches.next().panels());
        assertThat(new Batches(d, 3, BatchOrder.SHUFFLED, 1).next().panels()).isNull();
    }

    @Test
    void shuffledBatchesVisitEverySampleOncePerEpochReproducibly() throws Exception {
        Dataset d = tiny();
        Batches a = new Batches(d, 3, BatchOrder.SHUFFLED, 99);
        Batches b = new Batches(d, 3, BatchOrder.SHUFFLED, 99);
        int[][] epochs = new int[2][10];
        float[] buffer = null;
        for (int e = 0; e < 2; e++) {
            int seen = 0;
            for (int k = 0; k < a.perEpoch(); k++) {
                Batch x = a.next();
                Batch y = b.next();
                buffer = buffer == null ? x.inputs() : buffer;
                assertThat(x.inputs()).as("reused buffer").isSameAs(buffer);
                for (int i = 0; i < x.size(); i++) {
                    assertThat(x.label(i)).isEqualTo(y.label(i));
                    float[] row = Arrays.copyOfRange(x.inputs(), i * 6, i * 6 + 6);
                    int sample = sampleOf(d, row);
                    assertThat(d.labels()[sample]).isEqualTo(x.label(i));
                    epochs[e][seen++] = sample;
                }
            }
            assertThat(epochs[e]).containsExactlyInAnyOrder(0, 1, 2, 3, 4, 5, 6, 7, 8, 9);
        }
        assertThat(epochs[0]).isNotEqualTo(epochs[1]);
        a.restart();
        float[] first = Arrays.copyOf(a.next().inputs(), 6);
        assertThat(sampleOf(d, first)).isEqualTo(epochs[0][0]);
    }

    private Dataset tiny() throws Exception {
        return Dataset.fromIdx(IdxFile.read(IdxFixtures.write(dir, "i", IdxFixtures.images())),
                IdxFile.read(IdxFixtures.write(dir, "l", IdxFixtures.labels())), 10, Normalization.NONE);
    }

    private static int sampleOf(Dataset d, float[] row) {
        for (int s = 0; s < d.count(); s++) {
            if (Arrays.equals(Arrays.copyOfRange(d.inputs(), s * 6, s * 6 + 6), row)) {
                return s;
            }
        }
        throw new AssertionError("row not in the dataset");
    }
}
