package org.dtc.engine;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletionService;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorCompletionService;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
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

    /** GEMM threads each of those runs multiplies on. */
    public static int gemmThreads(int runs, int threads) {
        return Math.max(1, threads / concurrency(runs, threads));
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
        int gemmThreads = gemmThreads(jobs.size(), threads);
        // Runs beyond what the threads can carry take turns a cycle at a time (a fair queue), not
        // a time slice at a time: a cycle then keeps its core and caches from start to end.
        Semaphore turns = new Semaphore(Math.max(1, threads / gemmThreads), true);
        ExecutorService pool = Executors.newFixedThreadPool(concurrency(jobs.size(), threads), r -> {
            Thread t = new Thread(r, "dtc-run");
            t.setDaemon(true);
            return t;
        });
        try {
            CompletionService<Result> finished = new ExecutorCompletionService<>(pool);
            List<Future<Result>> inOrder = new ArrayList<>();
            for (Job job : jobs) {
                inOrder.add(finished.submit(() -> runTakingTurns(config, data, job, gemmThreads, turns)));
            }
            // Waited for as they finish, so that a failure stops the others at once.
            for (int n = 0; n < jobs.size(); n++) {
                finished.take().get();
            }
            List<Result> results = new ArrayList<>();
            for (Future<Result> f : inOrder) {
                results.add(f.get());
            }
            return results;
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
        long start = System.nanoTime();
        try (Gemm gemm = new Gemm(gemmThreads); Gemm.Binding bound = Gemm.bind(gemm)) {
            Experiment.Run run = Experiment.run(config, data, job.strategy(), job.seed(), r -> {
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
            }, job.from(), job.save());
            return new Result(job, run, (System.nanoTime() - start) * 1e-9);
        } finally {
            if (holding[0]) {
                turns.release();
            }
        }
    }
}
