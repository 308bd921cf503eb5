package org.dtc.bench;

import java.util.concurrent.TimeUnit;
import org.dtc.core.RandomStream;
import org.dtc.cs.DctType;
import org.dtc.cs.LassoOptions;
import org.dtc.cs.LassoPlan;
import org.dtc.cs.LassoResult;
import org.dtc.cs.LassoSolver;
import org.dtc.cs.SolverStatus;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * One LASSO solve as DTC makes it: m unknowns, n = int(0.1 m) measurements with Phi ~ N(0, 1)
 * from the paper's seed, Psi the DCT-I, w ~ N(0, 0.25), lambda = 0.3, from a cold start to a
 * relative duality gap of 1e-6; and 100 iterations of each method (its time per iteration).
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@State(Scope.Benchmark)
@Fork(value = 1, jvmArgsAppend = {"--add-modules=jdk.incubator.vector"})
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
public class LassoBenchmark {
    @Param({"lars", "fista", "admm", "ista"})
    public String solver;

    @Param({"512", "64"})
    public int m;

    private static final double LAMBDA = 0.3;
    private static final LassoOptions TO_GAP = LassoOptions.DEFAULT.withTolerance(1e-6);
    private static final LassoOptions HUNDRED = LassoOptions.DEFAULT.withTolerance(1e-300).withMaxIterations(100);

    private LassoPlan plan;
    private double[] y;
    private double[] x;

    @Setup
    public void setup() {
        org.dtc.cs.Measurement measurement = org.dtc.cs.Measurement.gaussian(m, 0.9, 42424242, DctType.I);
        double[] w = new double[m];
        new RandomStream(7).fillNormal(w, 0, m, 0, 0.5);
        y = measurement.measure(w);
        x = new double[m];
        plan = LassoSolver.named(solver).plan(measurement.theta(), measurement.n(), m);
        // A fast wrong solver must not score: where this one converges, it must reach the exact optimum.
        double[] exact = new double[m];
        double optimum = LassoSolver.named("lars").plan(measurement.theta(), measurement.n(), m)
                .solve(y, LAMBDA, exact, LassoOptions.DEFAULT.withTolerance(1e-12)).objective();
        LassoResult r = solve();
        if (r.status() == SolverStatus.SOLVED && Math.abs(r.objective() - optimum) > 1e-5 * optimum) {
            throw new IllegalStateException(solver + " stops at objective " + r.objective() + ", the optimum is "
                    + optimum);
        }
        System.out.println(solver + " m=" + m + ": " + r.toJson());
    }

    @Benchmark
    public LassoResult solve() {
        java.util.Arrays.fill(x, 0);
        return plan.solve(y, LAMBDA, x, TO_GAP);
    }

    @Benchmark
    public LassoResult hundredIterations() {
        java.util.Arrays.fill(x, 0);
        return plan.solve(y, LAMBDA, x, HUNDRED);
    }
}
