package org.dtc.spark;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.function.Consumer;
import java.util.function.UnaryOperator;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.api.java.function.Function;
import org.apache.spark.broadcast.Broadcast;
import org.dtc.engine.Parallel;
import org.dtc.study.Cell;
import org.dtc.study.CellExecution;
import org.dtc.study.StudyRunner;
import org.dtc.study.StudySetting;

/**
 * A study's cells as Spark tasks, one task per cell. The settings, data included, go to the
 * executors once, as a broadcast of what the driver loaded and verified. Each cell is a job of
 * its own, submitted from a driver thread that hands its result on as soon as it is back (the
 * study saves it under cells/ at once, for --resume), with as many jobs at once as the cluster
 * has cores; Spark retries a failed task. The first cell that fails for good stops the others.
 */
final class SparkCells implements CellExecution {
    private final JavaSparkContext spark;
    private final int cellThreads;
    private final UnaryOperator<Function<Cell, StudyRunner.CellResult>> wrap;

    /**
     * Cells on {@code spark}, each multiplying on {@code cellThreads} threads; {@code wrap} may
     * decorate the task that runs a cell (the tests inject a failure with it).
     */
    SparkCells(JavaSparkContext spark, int cellThreads, UnaryOperator<Function<Cell, StudyRunner.CellResult>> wrap) {
        this.spark = spark;
        this.cellThreads = cellThreads;
        this.wrap = wrap;
    }

    @Override
    public void run(List<StudySetting> settings, List<Cell> cells, Consumer<StudyRunner.CellResult> finished) {
        Broadcast<List<PortableSetting>> shared = spark.broadcast(settings.stream().map(PortableSetting::of).toList());
        Function<Cell, StudyRunner.CellResult> task = wrap.apply(new RunCell(UUID.randomUUID().toString(), shared,
                cellThreads));
        List<Callable<Void>> jobs = new ArrayList<>();
        for (Cell cell : StudyRunner.startingOrder(cells)) {
            jobs.add(() -> {
                finished.accept(runOnCluster(cell, task));
                return null;
            });
        }
        try {
            // Twice as many cells in flight as cores: a core then finds its next task queued
            // when one ends, instead of idling through the round trip to the driver.
            Parallel.all(jobs, 2 * Math.max(1, spark.defaultParallelism()));
        } catch (RuntimeException e) {
            spark.cancelAllJobs();
            throw e;
        } finally {
            shared.destroy();
        }
    }

    private StudyRunner.CellResult runOnCluster(Cell cell, Function<Cell, StudyRunner.CellResult> task) {
        spark.setJobDescription("dtc study cell " + cell.label());
        try {
            return spark.parallelize(List.of(cell), 1).map(task).collect().get(0);
        } catch (Exception e) { // Spark's SparkException is checked, yet comes through Scala undeclared
            throw new IllegalStateException("cell " + cell.label() + " failed on Spark: " + firstLine(e), e);
        }
    }

    /** Spark's message of a failed job carries the executor's stack trace: its first line names the cause. */
    private static String firstLine(Throwable e) {
        String message = e.getMessage() == null ? e.toString() : e.getMessage();
        int newline = message.indexOf('\n');
        return newline < 0 ? message : message.substring(0, newline);
    }

    @Override
    public Map<String, Object> describe() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("executor", "spark");
        m.put("spark_master", spark.master());
        m.put("spark_version", spark.version());
        // The status tracker lists the driver too; in local mode it is the one executor.
        m.put("executors", Math.max(1, spark.statusTracker().getExecutorInfos().length - 1));
        m.put("cores", spark.defaultParallelism());
        m.put("cell_threads", cellThreads);
        return m;
    }
}
