package org.dtc.engine;

/**
 * Turns at the threads for runs that outnumber them, taken a cycle at a time. A freed turn goes
 * to the waiting run that has held turns for the least time so far (the earliest to ask on a
 * tie), so that runs whose cycles cost alike keep pace and end together. A first-come queue does
 * not: two runs whose cycles end close together hand the turn back and forth between them while
 * the third waits whole cycles, and it is left computing alone at the end, a core idle.
 */
final class Turns {
    private int free;
    private final long[] served;
    private final long[] since;
    private final long[] askedAt;
    private final boolean[] waiting;
    private long asks;

    Turns(int turns, int runs) {
        free = turns;
        served = new long[runs];
        since = new long[runs];
        askedAt = new long[runs];
        waiting = new boolean[runs];
    }

    /** Waits until {@code run} may compute. */
    synchronized void take(int run) throws InterruptedException {
        waiting[run] = true;
        askedAt[run] = asks++;
        try {
            while (free == 0 || next() != run) {
                wait();
            }
        } finally {
            waiting[run] = false;
            // A run that stops waiting (interrupted) may have been the one the others deferred to.
            notifyAll();
        }
        free--;
        since[run] = System.nanoTime();
    }

    /** {@code run} is done computing for now. */
    synchronized void give(int run) {
        served[run] += System.nanoTime() - since[run];
        free++;
        notifyAll();
    }

    private int next() {
        int best = -1;
        for (int r = 0; r < waiting.length; r++) {
            if (waiting[r] && (best < 0 || served[r] < served[best]
                    || served[r] == served[best] && askedAt[r] < askedAt[best])) {
                best = r;
            }
        }
        return best;
    }
}
