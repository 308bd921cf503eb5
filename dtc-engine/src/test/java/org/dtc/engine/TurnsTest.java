package org.dtc.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

class TurnsTest {
    @Test
    void aFreedTurnGoesToTheWaiterServedLeastNotTheFirstToAsk() throws Exception {
        Turns turns = new Turns(1, 3);
        turns.take(1);
        Thread.sleep(30); // run 1 has now computed for a while, run 2 not at all
        turns.give(1);
        turns.take(0);
        List<Integer> order = new CopyOnWriteArrayList<>();
        Thread first = waiter(turns, 1, order);
        awaitWaiting(first);
        Thread second = waiter(turns, 2, order);
        awaitWaiting(second);
        turns.give(0);
        first.join(5000);
        second.join(5000);
        assertThat(order).containsExactly(2, 1);
    }

    @Test
    void anInterruptedWaiterLeavesTheTurnToTheOthers() throws Exception {
        Turns turns = new Turns(1, 3);
        turns.take(0);
        List<Integer> order = new CopyOnWriteArrayList<>();
        Thread quitter = waiter(turns, 1, order);
        awaitWaiting(quitter);
        Thread other = waiter(turns, 2, order);
        awaitWaiting(other);
        quitter.interrupt();
        quitter.join(5000);
        turns.give(0);
        other.join(5000);
        assertThat(order).containsExactly(2);
    }

    private static Thread waiter(Turns turns, int run, List<Integer> order) {
        Thread t = new Thread(() -> {
            try {
                turns.take(run);
                order.add(run);
                turns.give(run);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        t.start();
        return t;
    }

    private static void awaitWaiting(Thread t) throws InterruptedException {
        while (t.getState() != Thread.State.WAITING) {
            Thread.sleep(1);
        }
    }
}
