package org.dtc.engine;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletionService;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorCompletionService;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/** Independent tasks on a fixed number of threads: runs of an experiment, cells of a study. */
public final class Parallel {
    private Parallel() {}

    /**
     * Calls every task, {@code concurrency} at a time, and returns their results in the tasks'
     * order; the first failure stops the others (they are interrupted) and is rethrown.
     */
    public static <T> List<T> all(List<Callable<T>> tasks, int concurrency) {
        if (tasks.isEmpty()) {
            return List.of();
        }
        ExecutorService pool = Executors.newFixedThreadPool(concurrency, r -> {
            Thread t = new Thread(r, "dtc-run");
            t.setDaemon(true);
            return t;
        });
        try {
            CompletionService<T> finished = new ExecutorCompletionService<>(pool);
            List<Future<T>> inOrder = new ArrayList<>();
            for (Callable<T> task : tasks) {
                inOrder.add(finished.submit(task));
            }
            // Waited for as they finish, so that a failure stops the others at once.
            for (int n = 0; n < tasks.size(); n++) {
                finished.take().get();
            }
            List<T> results = new ArrayList<>();
            for (Future<T> f : inOrder) {
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
}
