package org.dtc.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.dtc.core.Npy;
import org.dtc.cs.DctType;
import org.dtc.cs.LassoOptions;
import org.dtc.cs.LassoPlan;
import org.dtc.cs.LassoResult;
import org.dtc.cs.LassoSolver;
import org.dtc.cs.Measurement;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code dtc lasso}: one LASSO solve, for people studying the solvers. */
@Command(name = "lasso", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Solve minimise ||Theta x - y||^2 + lambda ||x||_1 and print one JSON line: solver, status, "
                + "iterations, objective, duality gap, seconds.",
            "Give the problem as --theta and --y, or let the command build it as DTC does from --w "
                    + "(Phi ~ N(0,1) from --seed, Theta = Phi Psi with Psi an orthonormal DCT, y = Phi w)."})
final class LassoCommand implements Callable<Integer> {
    @Option(names = "--theta", paramLabel = "T.npy", description = "Theta, an n x m float32/float64 .npy array.")
    Path theta;

    @Option(names = "--y", paramLabel = "y.npy", description = "y, n values.")
    Path y;

    @Option(names = "--w", paramLabel = "w.npy", description = "The known vector w (m values) to measure instead.")
    Path w;

    @Option(names = "--m", paramLabel = "M", description = "Length of w, checked against the file (default: its length).")
    Integer m;

    @Option(names = "--cs-sparsity", defaultValue = "0.9", paramLabel = "S",
            description = "CS sparsity: n = int(m * (1 - S)) measurements (default: ${DEFAULT-VALUE}).")
    double csSparsity;

    @Option(names = "--seed", defaultValue = "42424242", paramLabel = "SEED",
            description = "Seed of Phi, numpy's legacy RandomState (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--basis", defaultValue = "I", paramLabel = "TYPE",
            description = "DCT type of Psi, I or II (default: ${DEFAULT-VALUE}, as the paper's code).")
    DctType basis;

    @Option(names = "--lambda", required = true, paramLabel = "L", description = "The l1 weight, > 0.")
    double lambda;

    @Option(names = "--solver", defaultValue = "lars", paramLabel = "NAME",
            description = "lars (exact homotopy), fista, ista or admm (default: ${DEFAULT-VALUE}).")
    String solver;

    @Option(names = "--tol", defaultValue = "1e-6", paramLabel = "TOL",
            description = "Relative duality gap to stop at (default: ${DEFAULT-VALUE}).")
    double tolerance;

    @Option(names = "--max-iter", defaultValue = "100000", paramLabel = "N",
            description = "Iteration limit (default: ${DEFAULT-VALUE}).")
    int maxIterations;

    @Option(names = "--scs-defaults",
            description = "ADMM with SCS's default stopping rule (residuals and gap within 1e-4), as cvxpy ran it.")
    boolean scsDefaults;

    @Option(names = "--out", paramLabel = "x.npy", description = "Write the solution x here (float64).")
    Path out;

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        if (out != null) {
            checkWritable(out);
        }
        if (!(lambda > 0) || Double.isInfinite(lambda)) {
            throw usage("--lambda must be finite and > 0, not " + lambda + " (at 0 the LASSO is least squares, which "
                    + "has no unique solution with fewer measurements than unknowns)");
        }
        if (!(tolerance > 0) || Double.isInfinite(tolerance)) {
            throw usage("--tol must be finite and > 0, not " + tolerance);
        }
        if (maxIterations < 1) {
            throw usage("--max-iter must be at least 1, not " + maxIterations);
        }
        double[] thetaValues;
        double[] yValues;
        int rows;
        int cols;
        if (w != null) {
            if (theta != null || y != null) {
                throw usage("give either --w or --theta and --y, not both");
            }
            Npy.Array wArray = vector(w, Npy.read(w));
            cols = wArray.data().length;
            if (m != null && m != cols) {
                throw usage("--m " + m + " disagrees with " + w + ", which holds " + cols + " values");
            }
            Measurement measurement = Measurement.gaussian(cols, csSparsity, seed, basis);
            thetaValues = measurement.theta();
            yValues = measurement.measure(wArray.data());
            rows = measurement.n();
        } else {
            if (theta == null || y == null) {
                throw usage("give --theta and --y, or --w");
            }
            for (String measuring : List.of("--m", "--cs-sparsity", "--seed", "--basis")) {
                if (spec.commandLine().getParseResult().hasMatchedOption(measuring)) {
                    throw usage(measuring + " builds the problem from --w; with --theta and --y it would be ignored");
                }
            }
            Npy.Array t = finite(theta, Npy.read(theta));
            Npy.Array v = vector(y, Npy.read(y));
            if (t.shape().length != 2) {
                throw usage(theta + " is not a matrix: shape " + Arrays.toString(t.shape()));
            }
            rows = t.rows();
            cols = t.cols();
            if (v.data().length != rows) {
                throw usage(y + " holds " + v.data().length + " values, " + theta + " has " + rows + " rows");
            }
            thetaValues = t.data();
            yValues = v.data();
        }
        LassoOptions options = (scsDefaults ? LassoOptions.SCS_DEFAULTS
                : LassoOptions.DEFAULT.withTolerance(tolerance)).withMaxIterations(maxIterations);
        LassoPlan plan = LassoSolver.named(solver.toLowerCase(Locale.ROOT)).plan(thetaValues, rows, cols);
        double[] x = new double[cols];
        LassoResult result = plan.solve(yValues, lambda, x, options);
        if (out != null) {
            Npy.write(out, new int[] {cols}, x);
        }
        int nonzeros = 0;
        for (double v : x) {
            nonzeros += v != 0 ? 1 : 0;
        }
        java.util.Map<String, Object> line = result.toMap();
        line.put("n", rows);
        line.put("m", cols);
        line.put("lambda", lambda);
        line.put("nonzeros", nonzeros);
        spec.commandLine().getOut().println(org.dtc.core.Json.line(line));
        return 0;
    }

    /** Fails before any work when the solution could not be written: no folder, or a folder in the way. */
    private void checkWritable(Path file) {
        Path folder = file.toAbsolutePath().getParent();
        if (!Files.isDirectory(folder)) {
            throw usage("--out " + file + ": there is no folder " + folder);
        }
        if (Files.isDirectory(file)) {
            throw usage("--out " + file + " is a folder, not a file");
        }
    }

    /** The array, if it is a vector (at most one dimension above 1) of finite values. */
    private Npy.Array vector(Path file, Npy.Array array) {
        int[] shape = array.shape();
        if (Arrays.stream(shape).filter(d -> d > 1).count() > 1) {
            throw usage(file + " is not a vector: shape " + Arrays.toString(shape));
        }
        return finite(file, array);
    }

    /** The array, if all its values are finite; otherwise the error names the first other one. */
    private static Npy.Array finite(Path file, Npy.Array array) {
        double[] values = array.data();
        for (int i = 0; i < values.length; i++) {
            if (!Double.isFinite(values[i])) {
                String at = array.shape().length == 2
                        ? " (row " + i / array.cols() + ", column " + i % array.cols() + ")" : "";
                throw new IllegalArgumentException(file + ": entry " + i + at + " is " + values[i]);
            }
        }
        return array;
    }

    private ParameterException usage(String message) {
        return new ParameterException(spec.commandLine(), message);
    }
}
