package org.dtc.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.dtc.fixtures.Blobs;
import org.dtc.nn.NetworkSpec;
import org.junit.jupiter.api.Test;

class ConcurrentRunsTest {
    /** Wide enough that the hidden layer's multiplies split over two threads when a run has them. */
    private static final EngineConfig CONFIG = EngineConfig.reference().withNetwork(NetworkSpec.parse("20-160-3"))
            .withSchedule(8, 64, 4).withTraining(t -> t.withEvalBatchSize(64));

    private static List<ConcurrentRuns.Job> jobs(List<List<CycleRecord>> seen) {
        List<ConcurrentRuns.Job> jobs = new ArrayList<>();
        for (String name : List.of("dtc", "random", "magnitude")) {
            List<CycleRecord> mine = Collections.synchronizedList(new ArrayList<>());
            seen.add(mine);
            jobs.add(new ConcurrentRuns.Job(PruningStrategy.named(name), 11, null, mine::add, c -> { }));
        }
        return jobs;
    }

    @Test
    void runsSideBySideFromOneSharedFirstCycleEndExactlyAsRunsOnTheirOwn() {
        List<List<CycleRecord>> alone = new ArrayList<>();
        for (String name : List.of("dtc", "random", "magnitude")) {
            alone.add(Experiment.run(RunRequest.of(CONFIG, Blobs.data(), PruningStrategy.named(name), 11))
                    .records());
        }
        // 1 thread: two runs at a time; 2 threads: three runs at once, one thread each; 6 threads:
        // three runs, two threads each. Every time the three share one first cycle's training.
        for (int threads : new int[] {1, 2, 6}) {
            List<List<CycleRecord>> seen = new ArrayList<>();
            List<ConcurrentRuns.Job> jobs = jobs(seen);
            List<ConcurrentRuns.Result> together = ConcurrentRuns.runAll(CONFIG, Blobs.data(), jobs, threads);
            assertThat(together).hasSize(3);
            for (int i = 0; i < 3; i++) {
                assertThat(together.get(i).job()).isSameAs(jobs.get(i));
                assertThat(seen.get(i)).isEqualTo(together.get(i).run().records());
                assertThat(together.get(i).wallSeconds()).isPositive();
                List<CycleRecord> a = alone.get(i);
                List<CycleRecord> b = together.get(i).run().records();
                assertThat(b).hasSize(4).hasSameSizeAs(a);
                for (int c = 0; c < a.size(); c++) {
                    String what = threads + " threads, " + b.get(c).strategy() + " cycle " + c;
                    assertThat(b.get(c).strategy()).isEqualTo(jobs.get(i).strategy().name());
                    assertThat(b.get(c).hidden()).as(what).isEqualTo(a.get(c).hidden());
                    assertThat(b.get(c).trainingFlops()).as(what).isEqualTo(a.get(c).trainingFlops());
                    assertThat(b.get(c).accuracy()).as(what).isEqualTo(a.get(c).accuracy());
                    assertThat(b.get(c).loss()).as(what).isEqualTo(a.get(c).loss());
                    assertThat(b.get(c).gibbsNext()).as(what).isEqualTo(a.get(c).gibbsNext());
                    assertThat(b.get(c).layers().get(0).measuredOutgoing()).as(what)
                            .isEqualTo(a.get(c).layers().get(0).measuredOutgoing());
                }
            }
        }
    }

    @Test
    void theFirstFailureIsRethrownAndTheOtherRunsStopAtTheirNextCycle() {
        List<List<CycleRecord>> seen = new ArrayList<>();
        List<ConcurrentRuns.Job> jobs = new ArrayList<>(jobs(seen));
        jobs.set(1, new ConcurrentRuns.Job(PruningStrategy.named("random"), 11, null, r -> {
            if (r.cycle() == 1) {
                throw new IllegalStateException("listener failed at cycle 1");
            }
        }, c -> { }));
        EngineConfig longer = CONFIG.withSchedule(8, 64, 40);
        assertThatThrownBy(() -> ConcurrentRuns.runAll(longer, Blobs.data(), jobs, 2))
                .isInstanceOf(IllegalStateException.class).hasMessage("listener failed at cycle 1");
        // Two runs at a time taking fair turns: the others were at most a few cycles in, not 40.
        assertThat(seen.get(0).size()).isLessThan(6);
        assertThat(seen.get(2).size()).isLessThan(6);
    }

    @Test
    void upToTwiceAsManyRunsAsThreadsGoAtOnce() {
        assertThat(ConcurrentRuns.concurrency(1, 2)).isEqualTo(1);
        assertThat(ConcurrentRuns.concurrency(3, 2)).isEqualTo(3);
        assertThat(ConcurrentRuns.concurrency(15, 2)).isEqualTo(4);
        assertThat(ConcurrentRuns.concurrency(3, 1)).isEqualTo(2);
        assertThat(ConcurrentRuns.gemmThreads(1, 2)).isEqualTo(2); // a lone run multiplies on both
        assertThat(ConcurrentRuns.gemmThreads(3, 2)).isEqualTo(1);
        assertThat(ConcurrentRuns.gemmThreads(2, 6)).isEqualTo(3);
        assertThatThrownBy(() -> ConcurrentRuns.runAll(CONFIG, Blobs.data(), List.of(), 0))
                .hasMessage("thread count must be at least 1, not 0");
    }

    @Test
    void runsTooLargeForTheHeapAreRefusedBeforeAnythingIsAllocated() {
        // 1.15 billion weights: parameters, gradients and Adam's moments alone take 18 GB.
        EngineConfig huge = CONFIG.withNetwork(NetworkSpec.parse("20-50000000-3"));
        long before = Runtime.getRuntime().totalMemory() - Runtime.getRuntime().freeMemory();
        assertThatThrownBy(() -> ConcurrentRuns.runAll(huge, Blobs.data(), jobs(new ArrayList<>()), 2))
                .hasMessageStartingWith("3 run(s) of 20-50000000-3 at once need about ")
                .hasMessageContaining("give it more (DTC_JAVA_OPTS=-Xmx...), fewer --threads, or a smaller network");
        assertThat(Runtime.getRuntime().totalMemory() - Runtime.getRuntime().freeMemory() - before)
                .as("bytes taken by the refusal").isLessThan(100_000_000L);
    }
}
