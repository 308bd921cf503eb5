package org.dtc.engine;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletionService;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorCompletionService;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
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

    /**
     * Runs every job and returns the results in the jobs' order. Listeners and savers are called
     * from the runs' threads, so they must be thread-safe when more than one run goes at once.
     * The first failure stops the other runs and is rethrown.
     */
    public static List<Result> runAll(EngineConfig config, TrainTest data, List<Job> jobs, int threads) {
        if (threads < 1) {
            throw new IllegalArgumentException("thread count must be at least 1, not " + threads);
        }
        int concurrent = concurrency(jobs.size(), threads);
        if (concurrent == 1) {
            List<Result> results = new ArrayList<>();
            for (Job job : jobs) {
                results.add(run(config, data, job, job.listener()));
            }
            return results;
        }
        int gemmThreads = Math.max(1, threads / concurrent);
        // Runs beyond what the threads can carry take turns a cycle at a time (a fair queue), not
        // a time slice at a time: a cycle then keeps its core and caches from start to end.
        Semaphore turns = new Semaphore(Math.max(1, threads / gemmThreads), true);
        ExecutorService pool = Executors.newFixedThreadPool(concurrent, r -> {
            Thread t = new Thread(r, "dtc-run");
            t.setDaemon(true);
            return t;
        });
        try {
            CompletionService<Result> finished = new ExecutorCompletionService<>(pool);
            for (Job job : jobs) {
                finished.submit(() -> runTakingTurns(config, data, job, gemmThreads, turns));
            }
            // In the order they finish, so that a failure stops the others at once.
            Result[] results = new Result[jobs.size()];
            for (int n = 0; n < jobs.size(); n++) {
                Result r = finished.take().get();
                results[indexOf(jobs, r.job())] = r;
            }
            return List.of(results);
        } catch (ExecutionException e) {
            pool.shutdownNow();
            Throwable cause = e.getCause();
            if (cause instanceof RuntimeException re) {
                throw re;
            }
            if (cause instanceof Error err) {
                throw err;
            }
            throw new IllegalStateException(cause);
        } catch (InterruptedException e) {
            pool.shutdownNow();
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while runs were going", e);
        } finally {
            pool.shutdown();
        }
    }

    /**
     * One run on its own multiplier, holding a turn while a cycle computes. A run whose thread is
     * interrupted (another run failed) stops at the end of its cycle.
     */
    private static Result runTakingTurns(EngineConfig config, TrainTest data, Job job, int gemmThreads,
                                         Semaphore turns) throws InterruptedException {
        turns.acquire();
        boolean[] holding = {true};
        try (Gemm gemm = new Gemm(gemmThreads); Gemm.Binding bound = Gemm.bind(gemm)) {
            return run(config, data, job, r -> {
                job.listener().accept(r);
                turns.release();
                holding[0] = false;
                try {
                    turns.acquire();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new CancellationException("stopped: another run failed");
                }
                holding[0] = true;
            });
        } finally {
            if (holding[0]) {
                turns.release();
            }
        }
    }

    private static int indexOf(List<Job> jobs, Job job) {
        for (int i = 0; i < jobs.size(); i++) {
            if (jobs.get(i) == job) {
                return i;
            }
        }
        throw new IllegalStateException("a result for a job that was not given");
    }

    private static Result run(EngineConfig config, TrainTest data, Job job, Consumer<CycleRecord> listener) {
        long start = System.nanoTime();
        Experiment.Run run = Experiment.run(config, data, job.strategy(), job.seed(), listener, job.from(),
                job.save());
        return new Result(job, run, (System.nanoTime() - start) * 1e-9);
    }
}
