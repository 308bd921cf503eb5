package org.dtc.engine;

import java.util.function.Consumer;
import org.dtc.data.TrainTest;

/**
 * One run of the train-compress loop: what to run it on, and what to do with what it produces.
 *
 * @param listener    called with every finished cycle
 * @param resumeFrom  a checkpoint to continue from, or null to start afresh
 * @param checkpoints called with a checkpoint after every cycle
 * @param firstCycle  the first cycle's training, shared by the strategies of one seed (see
 *                    {@link Experiment#trainFirstCycle}), or null to train it here; ignored when
 *                    resuming
 */
public record RunRequest(EngineConfig config, TrainTest data, PruningStrategy strategy, long seed,
                         Consumer<CycleRecord> listener, Checkpoint resumeFrom, Consumer<Checkpoint> checkpoints,
                         Experiment.FirstTraining firstCycle) {

    /** A fresh run that reports nothing along the way. */
    public static RunRequest of(EngineConfig config, TrainTest data, PruningStrategy strategy, long seed) {
        return new RunRequest(config, data, strategy, seed, r -> { }, null, c -> { }, null);
    }

    public RunRequest withListener(Consumer<CycleRecord> l) {
        return new RunRequest(config, data, strategy, seed, l, resumeFrom, checkpoints, firstCycle);
    }

    public RunRequest resumingFrom(Checkpoint c) {
        return new RunRequest(config, data, strategy, seed, listener, c, checkpoints, firstCycle);
    }

    public RunRequest withCheckpoints(Consumer<Checkpoint> sink) {
        return new RunRequest(config, data, strategy, seed, listener, resumeFrom, sink, firstCycle);
    }

    public RunRequest startingFrom(Experiment.FirstTraining shared) {
        return new RunRequest(config, data, strategy, seed, listener, resumeFrom, checkpoints, shared);
    }
}
