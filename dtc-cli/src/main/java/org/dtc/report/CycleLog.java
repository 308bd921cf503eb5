package org.dtc.report;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.dtc.engine.CycleRecord;

/**
 * cycles.csv while runs go on: rewritten whole after every cycle of any run, the runs in their
 * plan's order, each row formatted once. Thread-safe: runs report from their own threads.
 */
public final class CycleLog {
    private final Path file;
    private final List<List<String>> rowsPerRun = new ArrayList<>();

    public CycleLog(Path file, int runs) {
        this.file = file;
        for (int i = 0; i < runs; i++) {
            rowsPerRun.add(new ArrayList<>());
        }
    }

    /** Rows a resumed run had written before, without rewriting the file. */
    public synchronized void restore(int run, List<CycleRecord> earlier) {
        earlier.forEach(r -> rowsPerRun.get(run).add(CyclesCsv.row(r)));
    }

    /** A run's new cycle, and the file rewritten with it. */
    public synchronized void add(int run, CycleRecord record) {
        rowsPerRun.get(run).add(CyclesCsv.row(record));
        StringBuilder s = new StringBuilder(CyclesCsv.HEADER).append('\n');
        rowsPerRun.forEach(rows -> rows.forEach(s::append));
        try {
            ResultFiles.write(file, s.toString());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file + ": " + e.getMessage(), e);
        }
    }
}
