package org.dtc.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code dtc bench}: runs the JMH suite (bench/target/benchmarks.jar beside this jar's module) in
 * this JVM's Java and prints one table of ours against each peer.
 */
@Command(name = "bench", mixinStandardHelpOptions = true,
        description = {"Run the JMH benchmarks of the hot paths and print one table: each path, ours against "
                + "its peer measured in the same run, the ratio. Close other work first: the machine's cores are "
                + "the instrument.",
            "Without --quick the full suite takes about half an hour."})
final class BenchCommand implements Callable<Integer> {
    /** A profile under five minutes: one fork, short iterations, the headline shapes only. */
    static final List<String> QUICK = List.of("-f", "1", "-wi", "2", "-w", "1", "-i", "3", "-r", "1",
            "-p", "shape=512x784x512,512x512x10", "-p", "m=512", "-p", "hidden=512",
            "GemmBenchmark|LassoBenchmark.solve|DctBenchmark.ours2|DctBenchmark.jtransforms2|TrainStepBenchmark"
                    + "|InferenceBenchmark");

    @Option(names = "--quick", description = "The short profile (under 5 minutes).")
    boolean quick;

    @Option(names = "--jar", paramLabel = "FILE", description = "The benchmarks jar (default: "
            + "bench/target/benchmarks.jar of this checkout).")
    Path jar;

    @Override
    public Integer call() throws IOException, InterruptedException {
        Path benchmarks = jar != null ? jar : defaultJar();
        if (!Files.isRegularFile(benchmarks)) {
            throw new IllegalArgumentException(benchmarks + " is missing: build it with 'mvn -DskipTests package'");
        }
        String java = ProcessHandle.current().info().command().orElse("java");
        Path results = Files.createTempFile("dtc-bench", ".json");
        try {
            List<String> command = new ArrayList<>(List.of(java, "-jar", benchmarks.toString(), "-rf", "json", "-rff",
                    results.toString()));
            if (quick) {
                command.addAll(QUICK);
            }
            Process jmh = new ProcessBuilder(command).inheritIO().start();
            if (jmh.waitFor() != 0) {
                throw new IllegalStateException("the benchmarks failed (JMH exit status " + jmh.exitValue() + ")");
            }
            Process table = new ProcessBuilder(java, "-cp", benchmarks.toString(), "org.dtc.bench.BenchTable",
                    results.toString()).inheritIO().start();
            return table.waitFor();
        } finally {
            Files.deleteIfExists(results);
        }
    }

    /** dtc-cli/target/dtc.jar lives two folders below the checkout; the benchmarks beside it. */
    private static Path defaultJar() {
        try {
            Path self = Path.of(BenchCommand.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            return self.toAbsolutePath().getParent().getParent().getParent().resolve("bench/target/benchmarks.jar");
        } catch (java.net.URISyntaxException | RuntimeException e) {
            return Path.of("bench/target/benchmarks.jar");
        }
    }
}
