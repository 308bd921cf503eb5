package org.dtc.study;

import java.util.ArrayList;
import java.util.List;
import org.dtc.engine.CycleRecord;
import org.dtc.nn.NetworkSize;

/**
 * One operating point of one cell: the network at that size and what it cost to get there. The
 * fields are study.csv's columns, in order.
 *
 * @param hidden                  hidden widths joined with '-'
 * @param compression             initial parameters / parameters (ShrinkBench's compression ratio)
 * @param speedup                 initial inference FLOPs / inference FLOPs (theoretical speedup)
 * @param accuracy                test accuracy (the preset's averaging)
 * @param loss                    test loss
 * @param trainingFlops           training FLOPs spent at this point (the cycle, the fine-tuning or
 *                                the scratch training)
 * @param cumulativeTrainingFlops all training FLOPs the network at this point took, from a fresh
 *                                initialisation
 * @param inferenceMs             measured time of the test pass, ms per 10,000 samples
 * @param seconds                 wall seconds of this point's work
 */
public record StudyRow(String dataset, String arch, String schedule, String criterion, long seed, int cycle,
                       String hidden, long params, long nonzeroParams, long flops, double compression,
                       double speedup, double accuracy, double loss, double trainingFlops,
                       double cumulativeTrainingFlops, double inferenceMs, double seconds)
        implements java.io.Serializable {

    /**
     * A cell's rows from its records. {@code baseFlops} is training spent before the first record
     * that its FLOPs do not count (one-shot's dense training); one-shot and scratch records are
     * branches (each costs baseFlops plus its own), the others a chain (each adds to the last).
     */
    public static List<StudyRow> of(Cell cell, List<CycleRecord> records, NetworkSize initial, double baseFlops,
                                    int testSamples) {
        boolean chain = cell.schedule() == Schedule.TRAIN_COMPRESS || cell.schedule() == Schedule.TRAIN_THEN_COMPRESS;
        List<StudyRow> rows = new ArrayList<>();
        double cumulative = baseFlops;
        for (CycleRecord r : records) {
            cumulative = chain ? cumulative + r.trainingFlops() : baseFlops + r.trainingFlops();
            NetworkSize size = r.size();
            rows.add(new StudyRow(cell.dataset(), cell.arch(), cell.schedule().cliName(), cell.criterion(), cell.seed(),
                    r.cycle(), r.hiddenText(), size.parameters(), size.nonzero(), size.inferenceFlops(),
                    size.compressionFrom(initial), size.speedupFrom(initial), r.accuracy(), r.testLoss(),
                    r.trainingFlops(), cumulative, r.testSeconds() * 1e3 * 10_000 / testSamples, r.seconds()));
        }
        return rows;
    }
}
