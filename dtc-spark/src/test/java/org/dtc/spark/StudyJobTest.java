package org.dtc.spark;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.apache.spark.SparkConf;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.api.java.function.Function;
import org.dtc.cli.Main;
import org.dtc.cli.SyntheticIdx;
import org.dtc.study.Cell;
import org.dtc.study.StudyRunner;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * The study job on an in-process Spark (local[2, 2]: two cores, a failed task tried twice)
 * against dtc study's local executor on the same tiny grid: the same results to the bit, a task
 * that fails once retried to the same results, a cell that keeps failing stopping the study in
 * one line, and --resume running only the cells that were missing.
 */
class StudyJobTest {
    @TempDir
    static Path dir;
    private static Path data;
    private static JavaSparkContext spark;

    /** Tasks' failures and calls, counted across the tasks' deserialised copies (one JVM in local mode). */
    private static final AtomicBoolean FAILED_ONCE = new AtomicBoolean();
    private static final AtomicInteger CALLS = new AtomicInteger();

    @BeforeAll
    static void start() throws IOException {
        data = Files.createDirectories(dir.resolve("data"));
        SyntheticIdx.writeData(data);
        spark = new JavaSparkContext(new SparkConf().setMaster("local[2,2]").setAppName("dtc study test")
                .set("spark.ui.enabled", "false").set("spark.driver.host", "127.0.0.1")
                .set("spark.driver.bindAddress", "127.0.0.1"));
    }

    @AfterAll
    static void stop() {
        spark.stop();
    }

    /** Two criteria, two seeds, every schedule: 2 x 3 + 1 cells per seed, 12 cycles each. */
    private static String[] args(Path out, String... more) {
        List<String> a = new ArrayList<>(List.of("study", "--datasets", "custom", "--data", data.toString(),
                "--out", out.toString(), "--archs", "36-48-3", "--batch-size", "32", "--eval-batch-size", "100",
                "--batches-per-cycle", "12", "--preset", "paper", "--criteria", "dtc,random", "--seeds", "2"));
        a.addAll(List.of(more));
        return a.toArray(String[]::new);
    }

    private record Outcome(int status, String out, String err) {}

    private static Outcome onSpark(UnaryOperator<Function<Cell, StudyRunner.CellResult>> wrap, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int status = StudyJob.run(() -> spark, wrap, args, new PrintWriter(out, true), new PrintWriter(err, true));
        return new Outcome(status, out.toString(), err.toString().strip());
    }

    private static Outcome locally(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        Main main = new Main();
        int status = Main.execute(new CommandLine(main), () -> false, args, new PrintWriter(out, true),
                new PrintWriter(err, true));
        return new Outcome(status, out.toString(), err.toString().strip());
    }

    /** study.csv without its two timing columns (inference_ms, seconds), which differ between any two runs. */
    private static List<String> withoutTimes(Path csv) throws IOException {
        return Files.readAllLines(csv).stream().map(l -> l.substring(0, l.lastIndexOf(',', l.lastIndexOf(',') - 1)))
                .toList();
    }

    /** Fails the first time any task runs {@code label}'s cell, then runs it. */
    private record FailingOnce(Function<Cell, StudyRunner.CellResult> task, String label)
            implements Function<Cell, StudyRunner.CellResult> {
        @Override
        public StudyRunner.CellResult call(Cell cell) throws Exception {
            if (cell.label().equals(label) && FAILED_ONCE.compareAndSet(false, true)) {
                throw new IllegalStateException("injected failure");
            }
            return task.call(cell);
        }
    }

    /**
     * Fails every time it runs {@code label}'s cell. It counts nothing: the stopped study's tasks
     * still in flight may finish while the resumed study is being counted.
     */
    private record FailingAlways(Function<Cell, StudyRunner.CellResult> task, String label)
            implements Function<Cell, StudyRunner.CellResult> {
        @Override
        public StudyRunner.CellResult call(Cell cell) throws Exception {
            if (cell.label().equals(label)) {
                throw new IllegalStateException("injected failure, again");
            }
            return task.call(cell);
        }
    }

    private record Counting(Function<Cell, StudyRunner.CellResult> task)
            implements Function<Cell, StudyRunner.CellResult> {
        @Override
        public StudyRunner.CellResult call(Cell cell) throws Exception {
            CALLS.incrementAndGet();
            return task.call(cell);
        }
    }

    @Test
    void sparkGivesTheLocalStudyToTheBitAndRetriesAFailedTask() throws IOException {
        Path local = dir.resolve("local");
        Outcome l = locally(args(local));
        assertThat(l.status()).as(l.err()).isZero();

        Path cluster = dir.resolve("spark");
        String retried = "dtc train-compress seed 42424243 (custom 36-48-3)";
        Outcome s = onSpark(task -> new FailingOnce(task, retried), args(cluster));
        assertThat(s.status()).as(s.err()).isZero();
        assertThat(FAILED_ONCE).as("the injected failure happened").isTrue();

        List<String> rows = withoutTimes(cluster.resolve("study.csv"));
        assertThat(rows).hasSize(1 + (2 * 3 + 1) * 2 * 12);
        assertThat(rows).isEqualTo(withoutTimes(local.resolve("study.csv")));
        assertThat(Files.readAllLines(cluster.resolve("overlap.csv")))
                .isEqualTo(Files.readAllLines(local.resolve("overlap.csv")));
        for (String file : List.of("study.md", "study-accuracy-compression-custom-36-48-3.png",
                "study-overlap-custom-36-48-3.svg", "cells/settings.json")) {
            assertThat(cluster.resolve(file)).as(file).isNotEmptyFile();
        }
        assertThat(Files.readString(cluster.resolve("manifest.json"))).contains("\"executor\": \"spark\"",
                "\"spark_master\": \"local[2,2]\"", "\"cell_threads\": 1", "\"executors\": 1");
        assertThat(Files.readString(local.resolve("manifest.json"))).contains("\"executor\": \"local\"");
    }

    @Test
    void aCellThatKeepsFailingStopsTheStudyAndResumeRunsOnlyTheMissingCells() throws IOException {
        Path out = dir.resolve("stopped");
        String broken = "random one-shot seed 42424242 (custom 36-48-3)";
        Outcome failed = onSpark(task -> new FailingAlways(task, broken), args(out));
        assertThat(failed.status()).isEqualTo(1);
        // Progress lines of the cells that finished, then the error, in one line.
        String error = failed.err().substring(failed.err().lastIndexOf('\n') + 1);
        assertThat(error).startsWith("dtc-spark: cell " + broken + " failed on Spark: ")
                .endsWith("java.lang.IllegalStateException: injected failure, again");
        assertThat(out.resolve("study.csv")).doesNotExist();

        int finished;
        try (Stream<Path> cells = Files.list(out.resolve("cells"))) {
            finished = (int) cells.filter(p -> p.toString().endsWith(".csv") && !p.toString().endsWith(".overlap.csv"))
                    .count();
        }
        CALLS.set(0);
        Outcome resumed = onSpark(Counting::new, args(out, "--resume"));
        assertThat(resumed.status()).as(resumed.err()).isZero();
        assertThat(resumed.err()).contains("resuming: " + finished + " of 14 cells finished");
        assertThat(CALLS.get()).isEqualTo(14 - finished);

        Path local = dir.resolve("local-for-resume");
        assertThat(locally(args(local)).status()).isZero();
        assertThat(withoutTimes(out.resolve("study.csv"))).isEqualTo(withoutTimes(local.resolve("study.csv")));
    }

    @Test
    void clusterOptionsAreCheckedAndStudyOptionsAreDtcStudys() {
        Outcome threads = onSpark(UnaryOperator.identity(), args(dir.resolve("threads"), "--cell-threads", "0"));
        assertThat(threads.status()).isEqualTo(1);
        assertThat(threads.err()).isEqualTo("dtc-spark: --cell-threads must be at least 1, not 0");
        assertThat(dir.resolve("threads")).doesNotExist();

        Outcome unknown = onSpark(UnaryOperator.identity(), args(dir.resolve("unknown"), "--criteria", "dtc,nope"));
        assertThat(unknown.status()).isEqualTo(1);
        assertThat(unknown.err()).startsWith("dtc-spark: ").contains("nope").doesNotContain("\n");
        assertThat(dir.resolve("unknown")).doesNotExist();
    }
}
