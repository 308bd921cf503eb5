package org.dtc.example;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import org.dtc.data.TrainTest;
import org.dtc.engine.EngineConfig;
import org.dtc.engine.ModelTraining;
import org.dtc.engine.PruningStrategy;
import org.dtc.fixtures.Blobs;
import org.dtc.model.ModelFile;
import org.dtc.nn.Mlp;
import org.dtc.nn.NetworkSpec;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The README's "Your own model" from Java, compiled and run by the build so that it stays true:
 * a model file in, pruned, a smaller model file out.
 */
class ModelExampleTest {
    @Test
    void loadPruneSave(@TempDir Path dir) throws IOException {
        TrainTest data = Blobs.data();
        Path dense = dir.resolve("dense.safetensors");
        ModelFile.write(dense, ModelTraining.train(EngineConfig.paper().withNetwork(NetworkSpec.parse("20-64-3")),
                data, 1, 50, b -> { }));
        Path small = dir.resolve("small.safetensors");

        // The README's lines, with the blobs in place of MNIST.
        Mlp.State model = ModelFile.read(dense);                      // PyTorch's nn.Sequential, or dtc's
        EngineConfig config = EngineConfig.paper().withNetwork(model.spec());
        ModelTraining.Pruned pruned = ModelTraining.prune(config, data, model, PruningStrategy.named("dtc"),
                new int[] {16}, false, 20, 42424242, step -> System.out.println(step));
        ModelFile.write(small, pruned.model());

        assertThat(ModelFile.read(small).spec().widths()).isEqualTo("20-16-3");
        assertThat(pruned.steps().get(pruned.steps().size() - 1).accuracy()).isGreaterThan(0.5);
    }
}
