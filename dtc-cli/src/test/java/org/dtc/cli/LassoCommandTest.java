package org.dtc.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.dtc.core.Npy;
import org.dtc.core.RandomStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** dtc lasso: a problem from files or built from w as DTC builds it, and its bad inputs. */
class LassoCommandTest {
    private static final int N = 12;
    private static final int M = 40;
    private static final double LAMBDA = 0.3;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int run(String... args) {
        return Main.execute(args, new PrintWriter(out, true), new PrintWriter(err, true));
    }

    @Test
    void theSolutionWrittenMeetsTheLassoOptimalityConditions(@TempDir Path dir) throws Exception {
        RandomStream random = new RandomStream(5);
        double[] theta = new double[N * M];
        double[] y = new double[N];
        random.fillNormal(theta, 0, theta.length, 0, 1);
        random.fillNormal(y, 0, N, 0, 3);
        Npy.write(dir.resolve("theta.npy"), new int[] {N, M}, theta);
        Npy.write(dir.resolve("y.npy"), new int[] {N}, y);
        Path x = dir.resolve("x.npy");
        assertThat(run("lasso", "--theta", dir.resolve("theta.npy").toString(), "--y", dir.resolve("y.npy").toString(),
                "--lambda", Double.toString(LAMBDA), "--out", x.toString())).isZero();
        assertThat(out.toString()).startsWith("{\"solver\":\"lars\",\"status\":\"solved\"")
                .contains(",\"n\":12,\"m\":40,\"lambda\":0.3,\"nonzeros\":");

        double[] solution = Npy.read(x).data();
        assertThat(solution).hasSize(M);
        // Subgradient conditions of ||Theta x - y||^2 + lambda ||x||_1, checked here from the
        // written x alone: g = 2 Theta^T (y - Theta x) equals lambda sign(x_j) where x_j != 0 and
        // lies within [-lambda, lambda] elsewhere. 1e-9: the exact homotopy solves to rounding,
        // about 1e-14 relative on values of order 10.
        double[] residual = y.clone();
        for (int i = 0; i < N; i++) {
            for (int j = 0; j < M; j++) {
                residual[i] -= theta[i * M + j] * solution[j];
            }
        }
        int nonzeros = 0;
        for (int j = 0; j < M; j++) {
            double g = 0;
            for (int i = 0; i < N; i++) {
                g += 2 * theta[i * M + j] * residual[i];
            }
            if (solution[j] != 0) {
                nonzeros++;
                assertThat(g).as("column %d", j).isCloseTo(LAMBDA * Math.signum(solution[j]),
                        org.assertj.core.data.Offset.offset(1e-9));
            } else {
                assertThat(Math.abs(g)).as("column %d", j).isLessThanOrEqualTo(LAMBDA + 1e-9);
            }
        }
        assertThat(nonzeros).isPositive();
        assertThat(out.toString()).contains("\"nonzeros\":" + nonzeros + "}");
    }

    @Test
    void fromWTheMeasurementCountIsTheReferencesInt(@TempDir Path dir) throws Exception {
        double[] w = new double[300];
        new RandomStream(6).fillNormal(w, 0, w.length, 0, 1);
        Path file = dir.resolve("w.npy");
        Npy.write(file, new int[] {300}, w);
        assertThat(run("lasso", "--w", file.toString(), "--lambda", "0.3")).isZero();
        // int(300 * (1.0 - 0.9)) = int(29.999999999999993) = 29 (docs/experiment.md), not 30.
        assertThat(out.toString()).contains(",\"n\":29,\"m\":300,");
    }

    @Test
    void badInputsAreOneLineAndNothingIsWritten(@TempDir Path dir) throws Exception {
        Path w = dir.resolve("w.npy");
        Npy.write(w, new int[] {4}, new double[] {1, 2, 3, 4});
        Path matrix = dir.resolve("matrix.npy");
        Npy.write(matrix, new int[] {3, 4}, new double[12]);
        Path withNan = dir.resolve("nan.npy");
        Npy.write(withNan, new int[] {2, 3}, new double[] {0, 1, 2, 3, Double.NaN, 5});
        Path x = dir.resolve("x.npy");
        String[][] cases = {
            {"2", "dtc: give either --w or --theta and --y, not both", "--w", w.toString(), "--y", w.toString()},
            {"2", "dtc: " + matrix + " is not a vector: shape [3, 4]", "--w", matrix.toString()},
            {"2", "dtc: " + w + " holds 4 values, " + matrix + " has 3 rows", "--theta", matrix.toString(), "--y",
                w.toString()},
            {"1", "dtc: " + withNan + ": entry 4 (row 1, column 1) is NaN", "--theta", withNan.toString(), "--y",
                w.toString()},
            {"2", "dtc: --out " + dir.resolve("no/x.npy") + ": there is no folder " + dir.resolve("no"), "--w",
                w.toString(), "--out", dir.resolve("no/x.npy").toString()},
            {"2", "dtc: --out " + dir + " is a folder, not a file", "--w", w.toString(), "--out", dir.toString()},
            {"2", "dtc: --cs-sparsity builds the problem from --w; with --theta and --y it would be ignored", "--theta",
                matrix.toString(), "--y", w.toString(), "--cs-sparsity", "0.5"},
            {"2", "dtc: --m builds the problem from --w; with --theta and --y it would be ignored", "--theta",
                matrix.toString(), "--y", w.toString(), "--m", "5"},
            {"2", "dtc: --tol must be finite and > 0, not 0.0", "--w", w.toString(), "--tol", "0", "--max-iter", "1000"},
            {"2", "dtc: --max-iter must be at least 1, not 0", "--w", w.toString(), "--max-iter", "0"},
        };
        for (String[] c : cases) {
            StringWriter e = new StringWriter();
            String[] args = new String[c.length - 2 + 3];
            args[0] = "lasso";
            args[1] = "--lambda";
            args[2] = "0.3";
            System.arraycopy(c, 2, args, 3, c.length - 2);
            int status = Main.execute(args, new PrintWriter(new StringWriter(), true), new PrintWriter(e, true));
            assertThat(status).as(c[1]).isEqualTo(Integer.parseInt(c[0]));
            assertThat(e.toString()).as(c[1]).startsWith(c[1]);
            assertThat(e.toString().lines()).as(c[1]).hasSize(1);
        }
        StringWriter zero = new StringWriter();
        assertThat(Main.execute(new String[] {"lasso", "--lambda", "0", "--w", w.toString()},
                new PrintWriter(new StringWriter(), true), new PrintWriter(zero, true))).isEqualTo(2);
        assertThat(zero.toString()).startsWith("dtc: --lambda must be finite and > 0, not 0.0");
        try (var files = Files.list(dir)) {
            assertThat(files.map(p -> p.getFileName().toString())).containsExactlyInAnyOrder("w.npy", "matrix.npy",
                    "nan.npy");
        }
        assertThat(x).doesNotExist();
    }
}
