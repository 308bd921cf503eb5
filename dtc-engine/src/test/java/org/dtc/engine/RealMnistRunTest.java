package org.dtc.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.dtc.data.DataFolder;
import org.dtc.data.DatasetSpec;
import org.dtc.data.TrainTest;
import org.dtc.nn.NetworkSpec;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * A short schedule on the real MNIST beside the repository (../shared/data/mnist, present in CI):
 * 784-128-10, 30 batches per cycle, 3 cycles, every strategy. Skipped, visibly, without the data.
 */
class RealMnistRunTest {
    @Test
    void aShortRunOfEachStrategyLearnsAndShrinks() {
        Path dir = Path.of("").toAbsolutePath().getParent().resolveSibling("shared").resolve("data/mnist");
        if (!Files.isDirectory(dir)) {
            System.err.println("SKIPPED: " + dir + " is absent, so the MNIST run does not run");
        }
        Assumptions.assumeTrue(Files.isDirectory(dir), dir + " is absent");
        TrainTest data = new DataFolder(DatasetSpec.MNIST, dir).load(DatasetSpec.MNIST.normalization());
        EngineConfig config = EngineConfig.reference().withNetwork(NetworkSpec.parse("784-128-10"))
                .withSchedule(30, 512, 3);
        for (String name : List.of("dtc", "random", "magnitude")) {
            List<CycleRecord> records = Experiment.run(RunRequest.of(config, data, PruningStrategy.named(name),
                    42424242)).records();
            assertThat(records).extracting(CycleRecord::hiddenText).as(name).containsExactly("115", "103", "92");
            for (CycleRecord r : records) {
                // 15,360 images a cycle: a small network is well past 80% and short of perfect.
                assertThat(r.accuracy()).as(name + " cycle " + r.cycle()).isBetween(0.8, 0.995);
                assertThat(r.gibbsNext()).as(name).isPositive();
            }
        }
    }
}
