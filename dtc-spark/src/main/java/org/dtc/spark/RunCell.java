package org.dtc.spark;

import java.util.List;
import org.apache.spark.api.java.function.Function;
import org.apache.spark.broadcast.Broadcast;
import org.dtc.core.Gemm;
import org.dtc.study.Cell;
import org.dtc.study.StudyRunner;

/**
 * One cell on an executor, from start to end, on its own multiplier of {@code threads} threads.
 * It writes nothing: its result goes back to the driver, so a retried task only computes again.
 *
 * <p>The settings are rebuilt once per executor JVM and study, into one {@link StudyRunner}
 * kept for the study's later cells: cells on the same executor then share its trainings (the
 * first cycle of train-compress, the dense training of train-then-compress and one-shot) as a
 * local study does. Cells on other executors train them again, to the same bits.
 */
final class RunCell implements Function<Cell, StudyRunner.CellResult> {
    private static final long serialVersionUID = 1L;

    /** The study whose runner an executor keeps, and that runner (one study at a time). */
    private static String keptStudy;
    private static StudyRunner keptRunner;

    private final String study;
    private final Broadcast<List<PortableSetting>> settings;
    private final int threads;

    /** {@code study} names this submission uniquely: broadcast ids restart with each Spark context. */
    RunCell(String study, Broadcast<List<PortableSetting>> settings, int threads) {
        this.study = study;
        this.settings = settings;
        this.threads = threads;
    }

    @Override
    public StudyRunner.CellResult call(Cell cell) {
        StudyRunner runner = runner();
        try (Gemm gemm = new Gemm(threads); Gemm.Binding bound = Gemm.bind(gemm)) {
            return runner.runCell(cell, record -> { });
        }
    }

    private StudyRunner runner() {
        synchronized (RunCell.class) {
            if (!study.equals(keptStudy)) {
                keptRunner = new StudyRunner(settings.value().stream().map(PortableSetting::toSetting).toList());
                keptStudy = study;
            }
            return keptRunner;
        }
    }
}
