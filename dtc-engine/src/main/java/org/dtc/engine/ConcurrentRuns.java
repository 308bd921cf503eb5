package org.dtc.engine;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CancellationException;
import java.util.function.Consumer;
import org.dtc.core.Gemm;
import org.dtc.data.TrainTest;

/**
 * Several independent runs (strategies and seeds) of one experiment on a fixed number of threads.
 *
 * <p>A lone run multiplies on all the threads. Several runs go side by side, each on its own
 * multiplier with its share of the threads (one each on a 2-core machine), at most twice as many
 * runs as threads at once: a run's small layers, its optimizer and its softmax keep a thread busy
 * without the waits of splitting every multiply, and three runs on two cores finish together
 * instead of the third starting when the first two end. Results do not depend on any of this:
 * a multiply's bits do not depend on its thread count, and runs share nothing they write.
 */
public final class ConcurrentRuns {
    private ConcurrentRuns() {}

    /** One run: a strategy and seed, the checkpoint it continues from (or null), and its callbacks. */
    public record Job(PruningStrategy strategy, long seed, Checkpoint from, Consumer<CycleRecord> listener,
                      Consumer<Checkpoint> save) {}

    /** A finished job with its wall time. */
    public record Result(Job job, Experiment.Run run, double wallSeconds) {}

    /** Runs that go at once for {@code runs} runs on {@code threads} threads. */
    public static int concurrency(int runs, int threads) {
        return Math.max(1, Math.min(runs, 2 * threads));
    }

    /** GEMM threads each of those runs multiplies on. */
    public static int gemmThreads(int runs, int threads) {
        return Math.max(1, threads / concurrency(runs, threads));
    }

    /**
     * Runs every job and returns the results in the jobs' order. Listeners and savers are called
     * from the runs' threads, so they must be thread-safe when more than one run goes at once.
     * The first failure stops the other runs and is rethrown.
     *
     * <p>The strategies of one seed train their first cycle identically (nothing is pruned
     * yet), so where two or more of them start afresh that cycle is trained once, all seeds side
     * by side, and each run continues from a copy: the same bits, a cycle's training less per run.
     */
    public static List<Result> runAll(EngineConfig config, TrainTest data, List<Job> jobs, int threads) {
        if (threads < 1) {
            throw new IllegalArgumentException("thread count must be at least 1, not " + threads);
        }
        checkMemory(config, concurrency(jobs.size(), threads));
        Map<Long, Experiment.FirstTraining> firstCycles = trainSharedFirstCycles(config, data, jobs, threads);
        int gemmThreads = gemmThreads(jobs.size(), threads);
        // Runs beyond what the threads can carry take turns a cycle at a time, not a time slice
        // at a time: a cycle then keeps its core and caches from start to end.
        Turns turns = new Turns(Math.max(1, threads / gemmThreads), jobs.size());
        List<Callable<Result>> runs = new ArrayList<>();
        for (int i = 0; i < jobs.size(); i++) {
            Job job = jobs.get(i);
            int index = i;
            Experiment.FirstTraining first = firstCycles.get(job.seed());
            runs.add(() -> runTakingTurns(config, data, job, index, first, gemmThreads, turns));
        }
        return Parallel.all(runs, concurrency(jobs.size(), threads));
    }

    /**
     * Refuses, before anything is allocated, runs whose networks together need more memory than
     * the JVM may still take: a network too large for the heap fails here with what it needs,
     * not after minutes in an OutOfMemoryError.
     */
    private static void checkMemory(EngineConfig config, int concurrent) {
        Runtime rt = Runtime.getRuntime();
        long free = rt.maxMemory() - (rt.totalMemory() - rt.freeMemory());
        long perRun = org.dtc.nn.Mlp.bytesNeeded(config.network(),
                Math.max(config.training().batchSize(), config.training().evalBatchSize()));
        long needed = Math.multiplyExact(perRun, (long) concurrent);
        if (needed > free) {
            throw new IllegalArgumentException(String.format(java.util.Locale.ROOT, "%d run(s) of %s at once need about "
                    + "%.1f GB, and the JVM may take only %.1f GB more: give it more (DTC_JAVA_OPTS=-Xmx...), fewer "
                    + "--threads, or a smaller network", concurrent, config.network(), needed / 1e9, free / 1e9));
        }
    }

    /** The first cycles of the seeds that two or more jobs start afresh, trained side by side. */
    private static Map<Long, Experiment.FirstTraining> trainSharedFirstCycles(EngineConfig config, TrainTest data,
                                                                           List<Job> jobs, int threads) {
        Map<Long, Integer> freshRuns = new LinkedHashMap<>();
        for (Job job : jobs) {
            if (job.from() == null) {
                freshRuns.merge(job.seed(), 1, Integer::sum);
            }
        }
        List<Long> seeds = new ArrayList<>();
        freshRuns.forEach((seed, count) -> {
            if (count >= 2) {
                seeds.add(seed);
            }
        });
        int gemmThreads = gemmThreads(seeds.size(), threads);
        List<Callable<Experiment.FirstTraining>> trainings = new ArrayList<>();
        for (long seed : seeds) {
            trainings.add(() -> {
                try (Gemm gemm = new Gemm(gemmThreads); Gemm.Binding bound = Gemm.bind(gemm)) {
                    return Experiment.trainFirstCycle(config, data, seed);
                }
            });
        }
        Map<Long, Experiment.FirstTraining> bySeed = new HashMap<>();
        for (Experiment.FirstTraining first : Parallel.all(trainings, concurrency(seeds.size(), threads))) {
            bySeed.put(first.seed(), first);
        }
        return bySeed;
    }

    /**
     * One run on its own multiplier, holding a turn while a cycle computes. A run whose thread is
     * interrupted (another run failed) stops at the end of its cycle.
     */
    private static Result runTakingTurns(EngineConfig config, TrainTest data, Job job, int index,
                                         Experiment.FirstTraining first, int gemmThreads, Turns turns)
            throws InterruptedException {
        turns.take(index);
        boolean[] holding = {true};
        long start = System.nanoTime();
        try (Gemm gemm = new Gemm(gemmThreads); Gemm.Binding bound = Gemm.bind(gemm)) {
            RunRequest request = RunRequest.of(config, data, job.strategy(), job.seed()).resumingFrom(job.from())
                    .withCheckpoints(job.save()).startingFrom(first).withListener(r -> {
                job.listener().accept(r);
                turns.give(index);
                holding[0] = false;
                try {
                    turns.take(index);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new CancellationException("stopped: another run failed");
                }
                holding[0] = true;
            });
            Experiment.Run run = Experiment.run(request);
            // A shared first cycle counts in each run it started: it is that run's first training.
            double shared = first == null ? 0 : first.seconds();
            return new Result(job, run, (System.nanoTime() - start) * 1e-9 + shared);
        } finally {
            if (holding[0]) {
                turns.give(index);
            }
        }
    }
}
