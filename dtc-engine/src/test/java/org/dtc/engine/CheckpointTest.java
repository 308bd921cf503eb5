package org.dtc.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.dtc.core.Json;
import org.dtc.cs.Solver;
import org.dtc.fixtures.Blobs;
import org.dtc.nn.NetworkSpec;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A run stopped after any cycle and resumed from its checkpoint ends exactly as one never stopped. */
class CheckpointTest {
    @TempDir
    Path dir;

    private static EngineConfig config(EngineConfig preset) {
        return preset.withNetwork(NetworkSpec.parse("20-32-16-3").withInputNorm(preset.network().inputNorm()))
                .withSchedule(25, 32, 5).withTraining(t -> t.withEvalBatchSize(64))
                .withPruning(p -> p.withStopSize(4));
    }

    private static void write(Checkpoint c, Path to) {
        try {
            c.write(to);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Test
    void resumingAfterACrashGivesTheUninterruptedResults() throws Exception {
        for (EngineConfig preset : List.of(EngineConfig.reference(), EngineConfig.paper())) {
            EngineConfig config = config(preset);
            for (String name : List.of("dtc", "random")) {
                RunRequest request = RunRequest.of(config, Blobs.data(), PruningStrategy.named(name), 5);
                List<CycleRecord> whole = Experiment.run(request).records();
                Path folder = dir.resolve(preset.network().inputNorm() + "-" + name);
                List<Checkpoint> saved = new ArrayList<>();
                // A crash during cycle 3: the listener of cycle 2 throws before its checkpoint is written.
                assertThatThrownBy(() -> Experiment.run(request.withListener(r -> {
                    if (r.cycle() == 2) {
                        throw new IllegalStateException("killed");
                    }
                }).withCheckpoints(c -> {
                    saved.add(c);
                    write(c, folder);
                }))).hasMessage("killed");
                assertThat(saved).hasSize(2);
                // Only the last cycle's arrays stay beside checkpoint.json.
                try (var files = Files.list(folder)) {
                    assertThat(files.map(p -> p.getFileName().toString()).filter(f -> f.endsWith(".npy")))
                            .isNotEmpty().allMatch(f -> f.startsWith("c2-"));
                }
                Checkpoint from = Checkpoint.read(folder);
                assertThat(from.nextCycle()).isEqualTo(2);
                assertThat(from.config()).isEqualTo(config);
                // Adam's moments are kept only where the next cycle goes on with them.
                assertThat(from.adam() == null).isEqualTo(config.has(NotebookBehaviour.FRESH_OPTIMIZER_EACH_CYCLE));
                List<CycleRecord> resumed = Experiment.run(request.resumingFrom(from)).records();
                assertThat(resumed).hasSameSizeAs(whole);
                for (int i = 0; i < whole.size(); i++) {
                    String what = preset.network() + " " + name + " cycle " + i;
                    assertThat(resumed.get(i).accuracy()).as(what).isEqualTo(whole.get(i).accuracy());
                    assertThat(resumed.get(i).loss()).as(what).isEqualTo(whole.get(i).loss());
                    assertThat(resumed.get(i).hidden()).as(what).isEqualTo(whole.get(i).hidden());
                    assertThat(resumed.get(i).gibbsNext()).as(what).isEqualTo(whole.get(i).gibbsNext());
                    assertThat(resumed.get(i).layers().get(0).measuredIncoming()).as(what)
                            .isEqualTo(whole.get(i).layers().get(0).measuredIncoming());
                }
            }
        }
    }

    private Path savedAfterOneCycle() throws IOException {
        List<Checkpoint> saved = new ArrayList<>();
        Experiment.run(RunRequest.of(config(EngineConfig.paper()), Blobs.data(), new MagnitudeStrategy(), 1)
                .withCheckpoints(saved::add));
        Path folder = dir.resolve("magnitude-seed1");
        saved.get(0).write(folder);
        return folder;
    }

    @Test
    void flippedBytesInAnArrayAreCaughtByItsChecksum() throws Exception {
        Path folder = savedAfterOneCycle();
        Path params = folder.resolve("c1-params.npy");
        byte[] bytes = Files.readAllBytes(params);
        // Four bytes in the middle of the parameters: still a well-formed .npy file of floats.
        for (int i = 0; i < 4; i++) {
            bytes[bytes.length / 2 + i] ^= 0x5a;
        }
        Files.write(params, bytes);
        assertThatThrownBy(() -> Checkpoint.read(folder)).hasMessage(params + " is damaged: its SHA-256 differs from "
                + "the one checkpoint.json recorded; delete " + folder + " to start that run afresh");
    }

    @Test
    void aDamagedMissingOrOtherVersionCheckpointIsNamedWithWhatToDo() throws Exception {
        Path folder = savedAfterOneCycle();
        Path index = folder.resolve("checkpoint.json");
        String text = Files.readString(index);

        Files.writeString(index, text.substring(0, text.length() / 2));
        assertThatThrownBy(() -> Checkpoint.read(folder)).hasMessageStartingWith(index + " is damaged: JSON: ")
                .hasMessageEndingWith("; delete its folder to start that run afresh");

        Files.writeString(index, text.replace("\"version\": 1,", "\"version\": 2,"));
        assertThatThrownBy(() -> Checkpoint.read(folder)).hasMessage(index + " is a checkpoint of format version 2; "
                + "this dtc reads version 1: resume with the dtc that wrote it, or delete " + folder
                + " to start that run afresh");

        Files.writeString(index, text.replace("\"batch_index\": ", "\"batch_count\": "));
        assertThatThrownBy(() -> Checkpoint.read(folder)).hasMessageStartingWith(index + " is damaged: a field is "
                + "missing or of the wrong kind");

        Files.writeString(index, text);
        Files.delete(folder.resolve("c1-params.npy"));
        assertThatThrownBy(() -> Checkpoint.read(folder)).hasMessageStartingWith(index + " is damaged: its array "
                + "file c1-params.npy is missing");

        Files.delete(index);
        assertThatThrownBy(() -> Checkpoint.read(folder)).hasMessage(folder + " holds no checkpoint (no checkpoint.json)");
    }

    @Test
    void theJsonNamesTheSettingsAndIsReadBackToEqualSettings() throws Exception {
        Path folder = savedAfterOneCycle();
        var j = (java.util.Map<?, ?>) Json.parse(Files.readString(folder.resolve("checkpoint.json")));
        assertThat(j.get("format")).isEqualTo("dtc-checkpoint");
        assertThat(((java.util.Map<?, ?>) ((java.util.Map<?, ?>) j.get("config")).get("sensing")).get("solver"))
                .isEqualTo("LARS");
        assertThat(ConfigJson.fromMap((java.util.Map<?, ?>) j.get("config"))).isEqualTo(config(EngineConfig.paper()));
    }

    @Test
    void aCheckpointOfOtherSettingsIsRefused() throws Exception {
        EngineConfig config = config(EngineConfig.reference());
        List<Checkpoint> saved = new ArrayList<>();
        RunRequest request = RunRequest.of(config, Blobs.data(), new MagnitudeStrategy(), 1);
        Experiment.run(request.withCheckpoints(saved::add));
        EngineConfig other = config.withSensing(s -> s.withSolver(Solver.FISTA));
        assertThatThrownBy(() -> Experiment.run(RunRequest.of(other, Blobs.data(), new MagnitudeStrategy(), 1)
                .resumingFrom(saved.get(0)))).hasMessageContaining("was made with other settings");
    }
}
