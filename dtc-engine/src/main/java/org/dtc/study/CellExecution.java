package org.dtc.study;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Where a study's cells run: side by side on this machine's threads ({@link #local}), or on a
 * cluster (the dtc-spark module). Every cell computes from its seed alone, so where it runs
 * changes nothing in its results.
 */
public interface CellExecution {
    /**
     * Runs every cell of {@code cells} and hands each finished one to {@code finished}, possibly
     * from several threads at once. The first failure stops the other cells and is rethrown.
     */
    void run(List<StudySetting> settings, List<Cell> cells, Consumer<StudyRunner.CellResult> finished);

    /** What the study's manifest records of where its cells ran. */
    Map<String, Object> describe();

    /** Cells side by side on {@code threads} threads of this JVM, one thread each. */
    static CellExecution local(int threads) {
        return new CellExecution() {
            @Override
            public void run(List<StudySetting> settings, List<Cell> cells, Consumer<StudyRunner.CellResult> finished) {
                new StudyRunner(settings).run(cells, threads, finished);
            }

            @Override
            public Map<String, Object> describe() {
                Map<String, Object> m = new LinkedHashMap<>();
                m.put("executor", "local");
                m.put("threads", threads);
                return m;
            }
        };
    }
}
