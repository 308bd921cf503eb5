package org.dtc.cs;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.management.ManagementFactory;
import org.dtc.core.RandomStream;
import org.junit.jupiter.api.Test;

/**
 * Once a plan is built, a solve allocates nothing (measured with the JVM's per-thread counter).
 * Until the JIT has compiled the Vector API calls they allocate temporaries, so the test first
 * lets the solves reach steady state: it asserts that within 20,000 solves one allocates 0 bytes.
 */
class AllocationTest {
    @Test
    void solvesAllocateNothingAfterThePlan() {
        com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        Measurement measurement = Measurement.gaussian(128, 0.9, 42424242, DctType.I);
        double[] w = new double[128];
        new RandomStream(3).fillNormal(w, 0, 128, 0, 0.5);
        double[] y = measurement.measure(w);
        double[] x = new double[128];
        for (String name : LassoSolver.NAMES) {
            LassoPlan plan = LassoSolver.named(name).plan(measurement.theta(), measurement.n(), 128);
            LassoOptions options = LassoOptions.DEFAULT.withMaxIterations(300);
            long allocated = Long.MAX_VALUE;
            for (int attempt = 0; attempt < 20_000 && allocated > 0; attempt++) {
                java.util.Arrays.fill(x, 0);
                long before = threads.getCurrentThreadAllocatedBytes();
                plan.solve(y, 0.3, x, options);
                allocated = threads.getCurrentThreadAllocatedBytes() - before;
            }
            assertThat(allocated).as(name + " bytes allocated by a steady-state solve").isZero();
        }
    }
}
