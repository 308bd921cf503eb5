package org.dtc.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.zip.Deflater;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DataFolderTest {
    private static final DatasetSpec TINY = IdxFixtures.spec(List.of("http://127.0.0.1:9/"));

    @TempDir
    Path dir;

    @Test
    void loadsBothSplitsAfterVerifyingThem() {
        IdxFixtures.writeAll(dir);
        TrainTest data = new DataFolder(TINY, dir).load(TINY.normalization());
        assertThat(data.train().count()).isEqualTo(10);
        assertThat(data.test().features()).isEqualTo(6);
        assertThat(data.train().inputs()[0]).isEqualTo((0f / 255f - 0.5f) / 0.25f);
        assertThat(new DataFolder(TINY, dir).verify()).isEmpty();
    }

    @Test
    void splitsOfOtherImageSizesAreRefused() {
        IdxFixtures.write(dir, "train-images-idx3-ubyte", IdxFixtures.images());
        IdxFixtures.write(dir, "train-labels-idx1-ubyte", IdxFixtures.labels());
        // The same pixels as 2 x 3 images instead of 3 x 2.
        byte[] turned = IdxFixtures.images();
        java.nio.ByteBuffer.wrap(turned).putInt(8, 2).putInt(12, 3);
        IdxFixtures.write(dir, "t10k-images-idx3-ubyte", turned);
        IdxFixtures.write(dir, "t10k-labels-idx1-ubyte", IdxFixtures.labels());
        assertThatThrownBy(() -> new DataFolder(DatasetSpec.CUSTOM, dir).load(DatasetSpec.CUSTOM.normalization()))
                .isInstanceOf(DataException.class)
                .hasMessage(dir.resolve("t10k-images-idx3-ubyte") + " holds 2 x 3 images, "
                        + dir.resolve("train-images-idx3-ubyte") + " 3 x 2: the splits must agree");
    }

    @Test
    void aFolderOrALinkLoopInPlaceOfAFileIsNamedAsSuch() throws Exception {
        IdxFixtures.writeAll(dir);
        Path labels = dir.resolve("train-labels-idx1-ubyte.gz");
        java.nio.file.Files.delete(labels);
        java.nio.file.Files.createDirectory(labels);
        String folder = labels + " is a folder, not a data file";
        assertThatThrownBy(() -> new DataFolder(TINY, dir).load(Normalization.NONE)).hasMessage(folder);
        assertThat(new DataFolder(TINY, dir).verify()).containsExactly(folder);
        assertThatThrownBy(() -> new DataLocator(java.util.Map.of()).locate(TINY, dir)).hasMessage(folder);
        java.nio.file.Files.delete(labels);
        java.nio.file.Files.createSymbolicLink(labels, dir.resolve("other"));
        java.nio.file.Files.createSymbolicLink(dir.resolve("other"), labels);
        String loop = labels + " is a symbolic link that leads nowhere (a loop, or its target is gone)";
        assertThatThrownBy(() -> new DataFolder(TINY, dir).load(Normalization.NONE)).hasMessage(loop);
        assertThat(new DataFolder(TINY, dir).verify()).containsExactly(loop);
    }

    @Test
    void aSplitWithoutImagesIsRefused() {
        IdxFixtures.write(dir, "train-images-idx3-ubyte", IdxFixtures.images());
        IdxFixtures.write(dir, "train-labels-idx1-ubyte", IdxFixtures.labels());
        // 0 images of 3 x 2, 0 labels: well-formed, and nothing to test on.
        IdxFixtures.write(dir, "t10k-images-idx3-ubyte", IdxFixtures.idx(0x08, new int[] {0, 3, 2}, new byte[0]));
        IdxFixtures.write(dir, "t10k-labels-idx1-ubyte", IdxFixtures.idx(0x08, new int[] {0}, new byte[0]));
        assertThatThrownBy(() -> new DataFolder(DatasetSpec.CUSTOM, dir).load(DatasetSpec.CUSTOM.normalization()))
                .hasMessage(dir.resolve("t10k-images-idx3-ubyte") + " holds no images: a split without samples can "
                        + "be neither trained on nor tested");
    }

    @Test
    void customLabelsMayGoBeyondTen() {
        IdxFixtures.write(dir, "train-images-idx3-ubyte", IdxFixtures.images());
        byte[] labels = IdxFixtures.labels();
        labels[labels.length - 1] = 25;
        IdxFixtures.write(dir, "train-labels-idx1-ubyte", labels);
        IdxFixtures.write(dir, "t10k-images-idx3-ubyte", IdxFixtures.images());
        IdxFixtures.write(dir, "t10k-labels-idx1-ubyte", IdxFixtures.labels());
        TrainTest data = new DataFolder(DatasetSpec.CUSTOM, dir).load(DatasetSpec.CUSTOM.normalization());
        assertThat(data.train().labels()[IdxFixtures.COUNT - 1]).isEqualTo(25);
        // A known dataset keeps its ten classes.
        assertThat(DatasetSpec.MNIST.classes()).isEqualTo(10);
    }

    @Test
    void uncompressedAndRecompressedCopiesVerifyToo() {
        IdxFixtures.write(dir, "train-images-idx3-ubyte", IdxFixtures.images());
        IdxFixtures.write(dir, "train-labels-idx1-ubyte.gz", IdxFixtures.gzip(IdxFixtures.labels(), Deflater.BEST_SPEED));
        IdxFixtures.write(dir, "t10k-images-idx3-ubyte.gz", IdxFixtures.gzip(IdxFixtures.images(), Deflater.BEST_COMPRESSION));
        IdxFixtures.write(dir, "t10k-labels-idx1-ubyte", IdxFixtures.labels());
        assertThat(new DataFolder(TINY, dir).verify()).isEmpty();
    }

    @Test
    void aFileWithOtherContentFailsItsChecksum() {
        IdxFixtures.writeAll(dir);
        byte[] other = IdxFixtures.labels();
        other[other.length - 1] = 1;
        Path p = IdxFixtures.write(dir, "t10k-labels-idx1-ubyte.gz", IdxFixtures.gzip(other));
        assertThatThrownBy(() -> new DataFolder(TINY, dir).load(Normalization.NONE))
                .hasMessageStartingWith(p + ": SHA-256 of the uncompressed content is ")
                .hasMessageEndingWith("tiny's t10k-labels-idx1-ubyte has " + TINY.testLabels().sha256());
        assertThat(new DataFolder(TINY, dir).verify()).hasSize(1);
    }

    @Test
    void aGzipBombIsRefusedOnceItOutgrowsTheFilesContent() {
        IdxFixtures.writeAll(dir);
        // 256 MiB of zeros in a quarter of a megabyte: read whole, it would be 256 MiB of heap.
        byte[] zeros = new byte[1 << 20];
        java.io.ByteArrayOutputStream bomb = new java.io.ByteArrayOutputStream();
        try (java.util.zip.GZIPOutputStream gz = new java.util.zip.GZIPOutputStream(bomb)) {
            for (int i = 0; i < 256; i++) {
                gz.write(zeros);
            }
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        Path file = dir.resolve("train-images-idx3-ubyte.gz");
        IdxFixtures.write(dir, "train-images-idx3-ubyte.gz", bomb.toByteArray());
        String expected = file + " decompresses to more than " + IdxFixtures.images().length
                + " bytes, more than its content can be";
        assertThatThrownBy(() -> new DataFolder(TINY, dir).load(Normalization.NONE)).hasMessage(expected);
        assertThat(new DataFolder(TINY, dir).verify()).containsExactly(expected);
    }

    @Test
    void missingFilesAreListed() {
        IdxFixtures.write(dir, "train-images-idx3-ubyte.gz", IdxFixtures.gzip(IdxFixtures.images()));
        assertThatThrownBy(() -> new DataFolder(TINY, dir).load(Normalization.NONE))
                .hasMessage(dir + " lacks the tiny files train-labels-idx1-ubyte.gz, t10k-images-idx3-ubyte.gz, "
                        + "t10k-labels-idx1-ubyte.gz");
        assertThat(new DataFolder(TINY, dir).verify()).containsExactly(
                dir.resolve("train-labels-idx1-ubyte.gz") + ": missing",
                dir.resolve("t10k-images-idx3-ubyte.gz") + ": missing",
                dir.resolve("t10k-labels-idx1-ubyte.gz") + ": missing");
    }

    @Test
    void theLocatorSearchesInTheDocumentedOrder() throws Exception {
        Path env = Files.createDirectories(dir.resolve("env").resolve("tiny"));
        Path cache = Files.createDirectories(dir.resolve("xdg").resolve("dtc").resolve("tiny"));
        DataLocator locator = new DataLocator(Map.of("DTC_DATA", dir.resolve("env").toString(),
                "XDG_CACHE_HOME", dir.resolve("xdg").toString()));
        assertThat(locator.searchOrder(TINY)).containsExactly(dir.resolve("env"), env, cache);
        assertThat(locator.locate(TINY, null)).isEmpty();

        IdxFixtures.writeAll(cache);
        assertThat(locator.locate(TINY, null)).hasValueSatisfying(f -> assertThat(f.dir()).isEqualTo(cache));
        IdxFixtures.writeAll(env);
        assertThat(locator.locate(TINY, null)).hasValueSatisfying(f -> assertThat(f.dir()).isEqualTo(env));

        Path given = Files.createDirectories(dir.resolve("given"));
        assertThatThrownBy(() -> locator.locate(TINY, given))
                .hasMessageStartingWith(given + " does not hold the tiny files (missing train-images-idx3-ubyte.gz, ")
                .hasMessageEndingWith("get them with 'dtc data download --dataset tiny --dir " + given + "'");
        IdxFixtures.writeAll(given);
        assertThat(locator.locate(TINY, given)).hasValueSatisfying(f -> assertThat(f.dir()).isEqualTo(given));
    }

    @Test
    void theCacheDefaultsToHomeAndFashionMnistAlsoLooksWhereDebianInstallsIt() {
        DataLocator locator = new DataLocator(Map.of("HOME", "/home/someone"));
        assertThat(locator.cacheFolder(DatasetSpec.MNIST)).isEqualTo(Path.of("/home/someone/.cache/dtc/mnist"));
        assertThat(locator.searchOrder(DatasetSpec.FASHION_MNIST)).containsExactly(
                Path.of("/home/someone/.cache/dtc/fashion-mnist"), Path.of("/usr/share/datasets/fashion-mnist"));
        assertThatThrownBy(() -> DatasetSpec.named("cifar")).hasMessage("unknown dataset 'cifar': known are mnist, fashion-mnist, custom");
    }
}
