package org.dtc.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.dtc.data.TrainTest;
import org.dtc.fixtures.Blobs;
import org.dtc.model.ModelFile;
import org.dtc.nn.Evaluation;
import org.dtc.nn.Mlp;
import org.dtc.nn.NetworkSpec;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Models trained, pruned, saved and read back on synthetic blobs: the same bits before and after the file. */
class ModelTrainingTest {
    private static final TrainTest DATA = Blobs.data();

    private static EngineConfig config(String arch) {
        return EngineConfig.paper().withNetwork(NetworkSpec.parse(arch).withInputNorm(true).withHiddenNorm(true))
                .withTraining(t -> t.withBatchSize(32).withEvalBatchSize(64).withBatchesPerCycle(10));
    }

    private static Evaluation evaluate(Mlp.State state) {
        return Mlp.restore(state, 64).evaluate(DATA.test().inputs(), DATA.test().labels(), DATA.test().count(), 64);
    }

    @Test
    void aTrainedModelReadBackEvaluatesToTheBit(@TempDir Path dir) throws IOException {
        List<Integer> progress = new ArrayList<>();
        Mlp.State trained = ModelTraining.train(config("20-32-3"), DATA, 7, 40, progress::add);
        assertThat(progress).hasSize(40).endsWith(40);
        Path file = dir.resolve("m.safetensors");
        ModelFile.write(file, trained);
        Mlp.State back = ModelFile.read(file);
        assertThat(back.params()).isEqualTo(trained.params());
        assertThat(evaluate(back)).usingRecursiveComparison().isEqualTo(evaluate(trained));
        // Three classes: 40 batches take it far past guessing.
        assertThat(evaluate(back).accuracy()).isGreaterThan(0.6);
    }

    @Test
    void pruningReachesTheTargetStepByStepOrAtOnceAndSurvivesTheFile(@TempDir Path dir) throws IOException {
        EngineConfig config = config("20-32-16-3");
        Mlp.State trained = ModelTraining.train(config, DATA, 7, 40, b -> { });
        for (String criterion : List.of("dtc", "taylor", "bn-scale")) {
            ModelTraining.Pruned iterative = ModelTraining.prune(config, DATA, trained, PruningStrategy.named(criterion),
                    new int[] {12, 10}, false, 5, 3, s -> { });
            // 32 -> 28, 25, 22, 19, 17, 15, 13, 12 and 16 -> 14, 12, 10, stopping at each target.
            assertThat(iterative.steps()).hasSize(8);
            assertThat(iterative.steps().get(0).hidden()).containsExactly(28, 14);
            assertThat(iterative.steps().get(3).hidden()).containsExactly(19, 10);
            assertThat(iterative.model().spec().sizes()).containsExactly(20, 12, 10, 3);
            ModelTraining.Pruned once = ModelTraining.prune(config, DATA, trained, PruningStrategy.named(criterion),
                    new int[] {12, 10}, true, 5, 3, s -> { });
            assertThat(once.steps()).hasSize(1);
            assertThat(once.model().spec().sizes()).containsExactly(20, 12, 10, 3);
            Path file = dir.resolve(criterion + ".safetensors");
            ModelFile.write(file, iterative.model());
            Mlp a = Mlp.restore(iterative.model(), 64);
            Mlp b = Mlp.restore(ModelFile.read(file), 64);
            a.forward(DATA.test().inputs(), 0, 64, false);
            b.forward(DATA.test().inputs(), 0, 64, false);
            assertThat(b.logits()).isEqualTo(a.logits());
            assertThat(evaluate(iterative.model()).accuracy()).as(criterion).isGreaterThan(0.5);
        }
        assertThatThrownBy(() -> ModelTraining.prune(config, DATA, trained, PruningStrategy.named("dtc"),
                new int[] {40, 10}, false, 5, 3, s -> { })).hasMessage("hidden layer 0 has 32 units; it cannot be "
                + "pruned to 40");
        assertThatThrownBy(() -> ModelTraining.prune(config, DATA, trained, PruningStrategy.named("dtc"),
                new int[] {10}, false, 5, 3, s -> { })).hasMessage("1 target widths for 2 hidden layers");
    }
}
