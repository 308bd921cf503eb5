package org.dtc.study;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.function.Consumer;
import org.dtc.core.Gemm;
import org.dtc.engine.Branches;
import org.dtc.engine.CycleRecord;
import org.dtc.engine.EngineConfig;
import org.dtc.engine.Experiment;
import org.dtc.engine.PruningStrategy;
import org.dtc.engine.Parallel;
import org.dtc.engine.RunRequest;
import org.dtc.nn.Mlp;

/**
 * Runs a study's cells side by side, one per thread, each multiplying on one thread: results do
 * not depend on the thread count, since every cell computes from its seed alone. The trainings
 * several cells start from are done once per dataset, architecture and seed: train-compress's
 * first cycle (as in {@code reproduce}) and the dense training that train-then-compress and
 * one-shot prune from.
 */
public final class StudyRunner {
    private final Map<String, StudySetting> settings;
    private final Map<String, FutureTask<Experiment.FirstTraining>> shared = new ConcurrentHashMap<>();

    /** {@code settings} by {@link StudySetting#key}: one per dataset and architecture of the grid. */
    public StudyRunner(List<StudySetting> settings) {
        Map<String, StudySetting> byKey = new java.util.LinkedHashMap<>();
        for (StudySetting s : settings) {
            byKey.put(s.key(), s);
        }
        this.settings = byKey;
    }

    /**
     * Runs every cell of {@code cells} and hands each finished one to {@code finished} (from the
     * cells' threads, so it must be thread-safe). The first failure stops the other cells and is
     * rethrown.
     */
    public void run(List<Cell> cells, int threads, Consumer<CellResult> finished) {
        if (threads < 1) {
            throw new IllegalArgumentException("thread count must be at least 1, not " + threads);
        }
        List<Callable<Void>> tasks = new ArrayList<>();
        for (Cell cell : startingOrder(cells)) {
            tasks.add(() -> {
                try (Gemm gemm = new Gemm(1); Gemm.Binding bound = Gemm.bind(gemm)) {
                    finished.accept(runCell(cell, r -> { }));
                }
                return null;
            });
        }
        Parallel.all(tasks, Math.min(threads, Math.max(1, tasks.size())));
    }

    /**
     * The order to start cells in: by dataset, architecture and seed, and within a seed the cells
     * that wait for its dense training last, so that the threads train it while others run.
     */
    public static List<Cell> startingOrder(List<Cell> cells) {
        List<Cell> ordered = new ArrayList<>(cells);
        ordered.sort(Comparator.comparing((Cell c) -> c.dataset() + "\u0000" + c.arch()).thenComparingLong(Cell::seed)
                .thenComparing(c -> needsDense(c.schedule())));
        return ordered;
    }

    private static boolean needsDense(Schedule s) {
        return s == Schedule.TRAIN_THEN_COMPRESS || s == Schedule.ONE_SHOT;
    }

    /** One cell, start to end, on the calling thread. */
    public CellResult runCell(Cell cell, Consumer<CycleRecord> listener) {
        StudySetting setting = setting(cell);
        EngineConfig config = setting.config();
        long seed = cell.seed();
        Experiment.Run run;
        double baseFlops = 0;
        ShadowedStrategy shadowed = null;
        switch (cell.schedule()) {
            case TRAIN_COMPRESS -> {
                PruningStrategy strategy = PruningStrategy.named(cell.criterion());
                if (cell.criterion().equals("dtc") && !setting.overlapCriteria().isEmpty()) {
                    shadowed = new ShadowedStrategy(strategy, setting.overlapCriteria().stream()
                            .map(PruningStrategy::named).toList(), cell);
                    strategy = shadowed;
                }
                Experiment.FirstTraining first = shared("first", cell,
                        () -> Experiment.trainFirstCycle(config, setting.data(), seed));
                run = Experiment.run(RunRequest.of(config, setting.data(), strategy, seed).startingFrom(first)
                        .withListener(listener));
            }
            case TRAIN_THEN_COMPRESS -> run = Experiment.run(RunRequest.of(setting.fineTuneConfig(), setting.data(),
                    PruningStrategy.named(cell.criterion()), seed).startingFrom(dense(cell, setting))
                    .withListener(listener));
            case ONE_SHOT -> {
                Experiment.FirstTraining dense = dense(cell, setting);
                baseFlops = dense.training().flops();
                run = Branches.oneShot(setting.fineTuneConfig(), setting.data(),
                        PruningStrategy.named(cell.criterion()), seed, dense, setting.sizes(), listener);
            }
            case SCRATCH -> {
                int[] cycles = new int[setting.sizes().size()];
                for (int k = 0; k < cycles.length; k++) {
                    cycles[k] = k + 1;
                }
                run = Branches.scratch(config, setting.data(), seed, setting.sizes(), cycles, listener);
            }
            default -> throw new IllegalStateException(cell.schedule().name());
        }
        return new CellResult(cell, StudyRow.of(cell, run.records(), setting.initialSize(), baseFlops,
                setting.data().test().count()), shadowed == null ? List.of() : shadowed.rows(), run.network().state());
    }

    /** The dense training train-then-compress and one-shot start from: train-compress's whole budget. */
    private Experiment.FirstTraining dense(Cell cell, StudySetting setting) {
        return shared("dense", cell, () -> Experiment.trainDense(setting.fineTuneConfig(), setting.data(), cell.seed(),
                setting.sizes().size(), setting.config().training().batchesPerCycle()));
    }

    private Experiment.FirstTraining shared(String what, Cell cell, Callable<Experiment.FirstTraining> training) {
        FutureTask<Experiment.FirstTraining> task = shared.computeIfAbsent(
                what + "/" + StudySetting.key(cell.dataset(), cell.arch()) + "/" + cell.seed(),
                k -> new FutureTask<>(training));
        // The first cell to get here trains it; the others wait for its result.
        task.run();
        try {
            return task.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new java.util.concurrent.CancellationException("stopped: another cell failed");
        } catch (ExecutionException e) {
            throw e.getCause() instanceof RuntimeException re ? re : new IllegalStateException(e.getCause());
        }
    }

    private StudySetting setting(Cell cell) {
        StudySetting s = settings.get(StudySetting.key(cell.dataset(), cell.arch()));
        if (s == null) {
            throw new IllegalArgumentException("no setting for " + cell.dataset() + " " + cell.arch());
        }
        return s;
    }

    /**
     * A finished cell: its rows, for train-compress with DTC the other criteria's overlap with it,
     * and its final network (the last size's; null for a cell read back from disk). Serializable,
     * as cells and their results are, to travel between a cluster's driver and executors.
     */
    public record CellResult(Cell cell, List<StudyRow> rows, List<OverlapRow> overlap, Mlp.State network)
            implements java.io.Serializable {}
}
