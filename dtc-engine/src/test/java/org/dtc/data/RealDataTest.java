package org.dtc.data;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * The real files in ../shared/data beside the repository (present in CI, never committed):
 * counts, shapes, label histograms, checksums. Skipped, visibly, where the folder is absent.
 */
class RealDataTest {
    /** shared/ lies beside the repository root; tests run in the module folder. */
    static Path shared(String dataset) {
        Path dir = Path.of("").toAbsolutePath().getParent().resolveSibling("shared").resolve("data").resolve(dataset);
        if (!Files.isDirectory(dir)) {
            System.err.println("SKIPPED: " + dir + " is absent, so the " + dataset + " integration test does not run");
        }
        Assumptions.assumeTrue(Files.isDirectory(dir), dir + " is absent");
        return dir;
    }

    @Test
    void mnist() {
        TrainTest data = new DataFolder(DatasetSpec.MNIST, shared("mnist")).load(DatasetSpec.MNIST.normalization());
        check(data.train(), 60000, 5923, 6742, 5958, 6131, 5842, 5421, 5918, 6265, 5851, 5949);
        check(data.test(), 10000, 980, 1135, 1032, 1010, 982, 892, 958, 1028, 974, 1009);
        // Pixel 0 is background: (0 - 0.1307) / 0.3081 in float.
        assertThat(data.train().inputs()[0]).isEqualTo((0f - 0.1307f) / 0.3081f);
    }

    @Test
    void fashionMnist() {
        TrainTest data = new DataFolder(DatasetSpec.FASHION_MNIST, shared("fashion-mnist"))
                .load(DatasetSpec.FASHION_MNIST.normalization());
        check(data.train(), 60000, 6000, 6000, 6000, 6000, 6000, 6000, 6000, 6000, 6000, 6000);
        check(data.test(), 10000, 1000, 1000, 1000, 1000, 1000, 1000, 1000, 1000, 1000, 1000);
    }

    @Test
    void fashionMnistConstantsAreThoseOfItsTrainingPixels() {
        Dataset train = new DataFolder(DatasetSpec.FASHION_MNIST, shared("fashion-mnist"))
                .load(Normalization.NONE).train();
        double sum = 0;
        double squares = 0;
        for (float x : train.inputs()) {
            sum += x;
            squares += (double) x * x;
        }
        int n = train.inputs().length;
        double mean = sum / n;
        double std = Math.sqrt(squares / n - mean * mean);
        // The spec rounds to four places: 0.28604 and 0.35302.
        assertThat(Math.abs(mean - DatasetSpec.FASHION_MNIST.mean())).isLessThan(5e-5);
        assertThat(Math.abs(std - DatasetSpec.FASHION_MNIST.std())).isLessThan(5e-5);
    }

    private static void check(Dataset d, int count, int... histogram) {
        assertThat(d.count()).isEqualTo(count);
        assertThat(d.height()).isEqualTo(28);
        assertThat(d.width()).isEqualTo(28);
        assertThat(d.inputs()).hasSize(count * 784);
        assertThat(d.labelHistogram()).containsExactly(histogram);
    }
}
