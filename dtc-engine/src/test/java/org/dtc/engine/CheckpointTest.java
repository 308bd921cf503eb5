package org.dtc.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.dtc.nn.NetworkSpec;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A run stopped after any cycle and resumed from its checkpoint ends exactly as one never stopped. */
class CheckpointTest {
    @TempDir
    Path dir;

    private static EngineConfig config(EngineConfig preset) {
        return preset.withNetwork(NetworkSpec.parse("20-32-16-3").withInputNorm(preset.network().inputNorm()))
                .withSchedule(25, 32, 5).withEvalBatchSize(64).withStop(4, 0.1);
    }

    @Test
    void resumingAfterACrashGivesTheUninterruptedResults() throws Exception {
        for (EngineConfig preset : List.of(EngineConfig.reference(), EngineConfig.paper())) {
            EngineConfig config = config(preset);
            for (String name : List.of("dtc", "random")) {
                List<CycleRecord> whole = Experiment.run(config, ExperimentTest.blobs(), PruningStrategy.named(name), 5,
                        r -> { }).records();
                Path file = dir.resolve(name + ".ckpt");
                List<Checkpoint> saved = new ArrayList<>();
                // A crash during cycle 3: the listener of cycle 2 throws before its checkpoint is written.
                assertThatThrownBy(() -> Experiment.run(config, ExperimentTest.blobs(), PruningStrategy.named(name), 5,
                        r -> {
                            if (r.cycle() == 2) {
                                throw new IllegalStateException("killed");
                            }
                        }, null, c -> {
                            saved.add(c);
                            try {
                                c.write(file);
                            } catch (java.io.IOException e) {
                                throw new java.io.UncheckedIOException(e);
                            }
                        })).hasMessage("killed");
                assertThat(saved).hasSize(2);
                Checkpoint from = Checkpoint.read(file);
                assertThat(from.nextCycle()).isEqualTo(2);
                // Adam's moments are kept only where the next cycle goes on with them.
                assertThat(from.adam() == null).isEqualTo(config.resetOptimizerEachCycle());
                List<CycleRecord> resumed = Experiment.run(config, ExperimentTest.blobs(), PruningStrategy.named(name), 5,
                        r -> { }, from, c -> { }).records();
                assertThat(resumed).hasSameSizeAs(whole);
                for (int i = 0; i < whole.size(); i++) {
                    String what = preset.network() + " " + name + " cycle " + i;
                    assertThat(resumed.get(i).accuracy()).as(what).isEqualTo(whole.get(i).accuracy());
                    assertThat(resumed.get(i).loss()).as(what).isEqualTo(whole.get(i).loss());
                    assertThat(resumed.get(i).hidden()).as(what).isEqualTo(whole.get(i).hidden());
                    assertThat(resumed.get(i).gibbsNext()).as(what).isEqualTo(whole.get(i).gibbsNext());
                }
            }
        }
    }

    @Test
    void aDamagedCheckpointIsNamedWithWhatToDo() throws Exception {
        EngineConfig config = config(EngineConfig.reference());
        List<Checkpoint> saved = new ArrayList<>();
        Experiment.run(config, ExperimentTest.blobs(), new MagnitudeStrategy(), 1, r -> { }, null, saved::add);
        Path file = dir.resolve("magnitude.ckpt");
        saved.get(0).write(file);
        byte[] whole = java.nio.file.Files.readAllBytes(file);
        java.nio.file.Files.write(file, java.util.Arrays.copyOf(whole, whole.length / 2));
        assertThatThrownBy(() -> Checkpoint.read(file))
                .hasMessageStartingWith(file + " is damaged or not a checkpoint (EOFException")
                .hasMessageEndingWith("; delete it to start that run afresh");
        java.nio.file.Files.writeString(file, "garbage");
        assertThatThrownBy(() -> Checkpoint.read(file))
                .hasMessageStartingWith(file + " is damaged or not a checkpoint (StreamCorruptedException");
    }

    @Test
    void aCheckpointOfOtherSettingsIsRefused() throws Exception {
        EngineConfig config = config(EngineConfig.reference());
        List<Checkpoint> saved = new ArrayList<>();
        Experiment.run(config, ExperimentTest.blobs(), new MagnitudeStrategy(), 1, r -> { }, null, saved::add);
        assertThatThrownBy(() -> Experiment.run(config.withSolver("fista", 0.3), ExperimentTest.blobs(),
                new MagnitudeStrategy(), 1, r -> { }, saved.get(0), c -> { }))
                .hasMessageContaining("was made with other settings");
    }
}
