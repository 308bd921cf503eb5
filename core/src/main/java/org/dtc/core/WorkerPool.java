package org.dtc.core;

import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;

/**
 * A small fixed pool of daemon threads that runs the parts of one job at a time, the calling
 * thread taking part. Parts are claimed from a counter, so which thread runs which part varies,
 * but each part writes only its own output: results never depend on the schedule.
 *
 * <p>Dispatch allocates nothing, so a training loop can call it every batch. One job at a time:
 * {@link #run} is synchronized.
 */
final class WorkerPool implements AutoCloseable {
    /** One job: part {@code part} of it, run by worker {@code worker} (0 is the caller). */
    interface Job {
        void run(int part, int worker);
    }

    /** Helpers spin this many times before parking: short jobs then start without a wake-up. */
    private static final int SPINS = 20_000;

    private final Thread[] helpers;
    private final AtomicInteger nextPart = new AtomicInteger();
    private final AtomicInteger helpersDone = new AtomicInteger();
    private volatile Job job;
    private volatile int parts;
    private volatile int generation;
    private volatile boolean closed;
    private volatile Thread caller;
    private volatile Throwable failure;

    WorkerPool(int threads, String name) {
        if (threads < 1) {
            throw new IllegalArgumentException("thread count must be at least 1, not " + threads);
        }
        helpers = new Thread[threads - 1];
        for (int i = 0; i < helpers.length; i++) {
            int worker = i + 1;
            Thread t = new Thread(() -> helperLoop(worker), name + "-" + worker);
            t.setDaemon(true);
            helpers[i] = t;
            t.start();
        }
    }

    /** Number of threads that work on a job, the caller included. */
    int threads() {
        return helpers.length + 1;
    }

    /** Runs parts 0..parts-1 of the job and returns when all are done; rethrows a part's failure. */
    synchronized void run(Job job, int parts) {
        if (closed) {
            throw new IllegalStateException("worker pool is closed");
        }
        if (helpers.length == 0 || parts <= 1) {
            for (int p = 0; p < parts; p++) {
                job.run(p, 0);
            }
            return;
        }
        this.job = job;
        this.parts = parts;
        this.failure = null;
        this.caller = Thread.currentThread();
        nextPart.set(0);
        helpersDone.set(0);
        generation++; // volatile write: publishes the fields above to the helpers
        for (Thread t : helpers) {
            LockSupport.unpark(t);
        }
        try {
            work(0);
        } finally {
            awaitHelpers();
            this.job = null;
        }
        Throwable f = failure;
        if (f != null) {
            if (f instanceof RuntimeException re) {
                throw re;
            }
            if (f instanceof Error e) {
                throw e;
            }
            throw new IllegalStateException(f);
        }
    }

    private void work(int worker) {
        Job j = job;
        int total = parts;
        for (int p = nextPart.getAndIncrement(); p < total; p = nextPart.getAndIncrement()) {
            j.run(p, worker);
        }
    }

    private void awaitHelpers() {
        int spins = 0;
        while (helpersDone.get() < helpers.length) {
            if (++spins < SPINS) {
                Thread.onSpinWait();
            } else {
                LockSupport.park(this);
            }
        }
    }

    private void helperLoop(int worker) {
        int seen = 0;
        while (true) {
            int spins = 0;
            while (generation == seen && !closed) {
                if (++spins < SPINS) {
                    Thread.onSpinWait();
                } else {
                    LockSupport.park(this);
                }
            }
            if (closed) {
                return;
            }
            seen = generation;
            try {
                work(worker);
            } catch (Throwable t) {
                failure = t;
                nextPart.set(Integer.MAX_VALUE / 2); // stop handing out parts
            }
            if (helpersDone.incrementAndGet() == helpers.length) {
                LockSupport.unpark(caller);
            }
        }
    }

    @Override
    public void close() {
        closed = true;
        for (Thread t : helpers) {
            LockSupport.unpark(t);
        }
    }
}
