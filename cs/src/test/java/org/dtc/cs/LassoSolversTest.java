package org.dtc.cs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.dtc.core.Npy;
import org.junit.jupiter.api.Test;

/**
 * Every solver on the paper's kind of problem (src-test-data/lasso, written by generate.py
 * there): the exact homotopy solution is the reference for objective, x and the KKT conditions,
 * and scikit-learn's coordinate descent is the independent check of the objective.
 */
class LassoSolversTest {
    private static final Path DATA = Path.of("../src-test-data/lasso");

    record Fixture(int m, double lambda, int n, double sklearnObjective, double[] theta, double[] y) {}

    static List<Fixture> fixtures() throws IOException {
        return Files.readAllLines(DATA.resolve("problems.txt")).stream()
                .filter(l -> !l.startsWith("#"))
                .map(l -> {
                    String[] f = l.split(" ");
                    int m = Integer.parseInt(f[0]);
                    try {
                        return new Fixture(m, Double.parseDouble(f[1]), Integer.parseInt(f[2]),
                                Double.parseDouble(f[3]), Npy.read(DATA.resolve("theta_" + m + ".npy")).data(),
                                Npy.read(DATA.resolve("y_" + m + ".npy")).data());
                    } catch (IOException e) {
                        throw new java.io.UncheckedIOException(e);
                    }
                }).toList();
    }

    @Test
    void allSolversAgreeWithTheExactSolutionAndWithScikitLearn() throws IOException {
        List<Fixture> fixtures = fixtures();
        assertThat(fixtures).hasSize(6);
        LassoOptions exactly = LassoOptions.DEFAULT.withTolerance(1e-11);
        // The iterative methods converge linearly at best. On the small problems (n = 1 and 6) the
        // objective is flat in directions of x, so x is 1e-5 close only at a gap near 1e-12; at
        // m = 512 a gap of 1e-8 already gives both (and ADMM's gap levels off near 1e-9 there).
        LassoOptions small = LassoOptions.DEFAULT.withTolerance(1e-12).withMaxIterations(2_000_000);
        LassoOptions large = LassoOptions.DEFAULT.withTolerance(1e-8).withMaxIterations(2_000_000);
        for (Fixture f : fixtures) {
            String what = "m=" + f.m + " lambda=" + f.lambda;
            double[] exact = new double[f.m];
            LassoResult lars = new Homotopy().plan(f.theta, f.n, f.m).solve(f.y, f.lambda, exact, exactly);
            assertThat(lars.status()).as(what).isEqualTo(SolverStatus.SOLVED);
            assertThat(lars.relativeGap()).as(what + " lars gap").isLessThan(1e-11);
            assertKkt(f, exact, what + " lars");
            // scikit-learn solves the same problem scaled by 1/(2n); its objective is within 1e-6.
            assertThat(Math.abs(lars.objective() - f.sklearnObjective) / f.sklearnObjective)
                    .as(what + " vs scikit-learn").isLessThan(1e-6);

            List<String> others = List.of("fista", "admm", "ista");
            for (String name : others) {
                double[] x = new double[f.m];
                LassoResult r = LassoSolver.named(name).plan(f.theta, f.n, f.m)
                        .solve(f.y, f.lambda, x, f.m <= 64 ? small : large);
                assertThat(r.status()).as(what + " " + name).isEqualTo(SolverStatus.SOLVED);
                assertThat(r.solver()).isEqualTo(name);
                assertThat(Math.abs(r.objective() - lars.objective()) / lars.objective())
                        .as(what + " " + name + " objective").isLessThan(1e-7);
                double worst = 0;
                for (int j = 0; j < f.m; j++) {
                    worst = Math.max(worst, Math.abs(x[j] - exact[j]));
                }
                assertThat(worst).as(what + " " + name + " max |x - x_exact|").isLessThan(1e-5);
            }
        }
    }

    /**
     * Optimality: g = 2 Theta^T (Theta x - y) equals -lambda sign(x_j) where x_j != 0 and lies in
     * [-lambda, lambda] where x_j = 0. Rounding of g: m terms of size |Theta| |r|, far below 1e-9.
     */
    private static void assertKkt(Fixture f, double[] x, String what) {
        double[] r = new double[f.n];
        for (int i = 0; i < f.n; i++) {
            double s = -f.y[i];
            for (int j = 0; j < f.m; j++) {
                s += f.theta[i * f.m + j] * x[j];
            }
            r[i] = s;
        }
        for (int j = 0; j < f.m; j++) {
            double g = 0;
            for (int i = 0; i < f.n; i++) {
                g += 2 * f.theta[i * f.m + j] * r[i];
            }
            if (x[j] != 0) {
                assertThat(Math.abs(g + f.lambda * Math.signum(x[j]))).as(what + " KKT at active " + j)
                        .isLessThan(1e-9 * Math.max(1, f.lambda));
            } else {
                assertThat(Math.abs(g)).as(what + " KKT at zero " + j).isLessThanOrEqualTo(f.lambda * (1 + 1e-9));
            }
        }
    }

    @Test
    void aWarmStartAtTheOptimumFinishesInAHandfulOfIterations() throws IOException {
        Fixture f = fixtures().get(4); // m = 512, lambda = 0.3
        double[] optimum = new double[f.m];
        new Homotopy().plan(f.theta, f.n, f.m).solve(f.y, f.lambda, optimum, LassoOptions.DEFAULT.withTolerance(1e-12));
        for (String name : LassoSolver.NAMES) {
            double[] x = optimum.clone();
            LassoResult r = LassoSolver.named(name).plan(f.theta, f.n, f.m).solve(f.y, f.lambda, x, LassoOptions.DEFAULT);
            assertThat(r.status()).as(name).isEqualTo(SolverStatus.SOLVED);
            // The first gap check comes after ProximalGradient.CHECK_EVERY iterations.
            assertThat(r.iterations()).as(name + " iterations from the optimum").isLessThanOrEqualTo(20);
        }
    }

    @Test
    void backtrackingAndPlainMomentumReachTheSameOptimum() throws IOException {
        Fixture f = fixtures().get(3); // m = 64, lambda = 1.5
        double[] exact = new double[f.m];
        double optimum = new Homotopy().plan(f.theta, f.n, f.m)
                .solve(f.y, f.lambda, exact, LassoOptions.DEFAULT.withTolerance(1e-12)).objective();
        LassoOptions[] variants = {
            LassoOptions.DEFAULT.withBacktracking(true),
            LassoOptions.DEFAULT.withRestart(false),
            LassoOptions.DEFAULT.withBacktracking(true).withRestart(false)};
        for (LassoOptions options : variants) {
            double[] x = new double[f.m];
            LassoResult r = ProximalGradient.fista().plan(f.theta, f.n, f.m)
                    .solve(f.y, f.lambda, x, options.withTolerance(1e-10).withMaxIterations(1_000_000));
            assertThat(r.status()).as(options.toString()).isEqualTo(SolverStatus.SOLVED);
            assertThat(Math.abs(r.objective() - optimum) / optimum).as(options.toString()).isLessThan(1e-9);
        }
    }

    @Test
    void runningOutOfIterationsIsAStatusNotAnException() throws IOException {
        Fixture f = fixtures().get(4);
        for (String name : List.of("fista", "ista", "admm", "lars")) {
            double[] x = new double[f.m];
            LassoResult r = LassoSolver.named(name).plan(f.theta, f.n, f.m)
                    .solve(f.y, f.lambda, x, LassoOptions.DEFAULT.withMaxIterations(5));
            assertThat(r.status()).as(name).isEqualTo(SolverStatus.ITERATION_LIMIT);
            assertThat(r.iterations()).isEqualTo(5);
            assertThat(r.objective()).isFinite();
            assertThat(r.toJson()).contains("\"status\":\"iteration_limit\"").contains("\"solver\":\"" + name + "\"");
        }
    }

    @Test
    void aLargeLambdaGivesZeroAtOnce() throws IOException {
        Fixture f = fixtures().get(2);
        for (String name : LassoSolver.NAMES) {
            double[] x = new double[f.m];
            LassoResult r = LassoSolver.named(name).plan(f.theta, f.n, f.m).solve(f.y, 1e6, x, LassoOptions.DEFAULT);
            assertThat(r.status()).as(name).isEqualTo(SolverStatus.SOLVED);
            assertThat(x).as(name).containsOnly(0.0);
        }
    }

    @Test
    void badInputIsRefusedBeforeAnyIteration() {
        double[] theta = {1, 2, 3, 4, 5, 6};
        LassoPlan plan = new Homotopy().plan(theta, 2, 3);
        assertThatThrownBy(() -> plan.solve(new double[] {1, 2}, -0.1, new double[3], LassoOptions.DEFAULT))
                .hasMessage("lambda must be finite and >= 0, not -0.1");
        assertThatThrownBy(() -> plan.solve(new double[] {1, 2, 3}, 0.3, new double[3], LassoOptions.DEFAULT))
                .hasMessage("y has 3 entries, Theta has 2 rows");
        assertThatThrownBy(() -> plan.solve(new double[] {1, Double.NaN}, 0.3, new double[3], LassoOptions.DEFAULT))
                .hasMessage("y entry 1 is NaN");
        assertThatThrownBy(() -> plan.solve(new double[] {1, 2}, 0.3, new double[2], LassoOptions.DEFAULT))
                .hasMessage("x has 2 entries, Theta has 3 columns");
        assertThatThrownBy(() -> new Admm().plan(new double[] {1, Double.POSITIVE_INFINITY}, 1, 2))
                .hasMessage("Theta entry 1 is Infinity");
        assertThatThrownBy(() -> new Admm().plan(new double[0], 0, 0)).hasMessage("empty problem: Theta is 0 x 0");
        assertThatThrownBy(() -> new Admm().plan(new double[5], 2, 3)).hasMessage("Theta has 5 entries, not 2 x 3 = 6");
        assertThatThrownBy(() -> LassoSolver.named("cvx")).hasMessage("unknown solver 'cvx': known are ista, fista, admm, lars");
    }
}
