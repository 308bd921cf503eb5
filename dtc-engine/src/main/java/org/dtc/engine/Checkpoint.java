package org.dtc.engine;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.dtc.data.Batches;
import org.dtc.nn.Adam;
import org.dtc.nn.Mlp;

/**
 * Everything a run needs to go on after a cycle as if it had never stopped: the settings it ran
 * with, the network, Adam's state (null when the optimizer starts afresh every cycle), the
 * position in the training batches, the global batch count and the cycles so far.
 * {@code finished} marks a run that ended. On disk it is a folder of {@code .npy} arrays and a
 * {@code checkpoint.json} that describes them ({@link CheckpointFiles}).
 */
public record Checkpoint(EngineConfig config, String strategy, long seed, int nextCycle, long batchIndex,
                         Mlp.State network, Adam.State adam, Batches.State batches, List<CycleRecord> records,
                         boolean finished) {

    /** Writes this checkpoint into {@code dir}, replacing the one there at a single rename. */
    public void write(Path dir) throws IOException {
        CheckpointFiles.write(this, dir);
    }

    /** The checkpoint in {@code dir}; a damaged, older or newer one is refused by name. */
    public static Checkpoint read(Path dir) throws IOException {
        return CheckpointFiles.read(dir);
    }
}
