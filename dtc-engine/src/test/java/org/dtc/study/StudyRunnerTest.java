package org.dtc.study;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.dtc.data.TrainTest;
import org.dtc.engine.Branches;
import org.dtc.engine.CycleRecord;
import org.dtc.engine.EngineConfig;
import org.dtc.engine.Experiment;
import org.dtc.engine.NotebookBehaviour;
import org.dtc.engine.PruningStrategy;
import org.dtc.engine.RunRequest;
import org.dtc.fixtures.Blobs;
import org.dtc.nn.Evaluation;
import org.dtc.nn.Mlp;
import org.dtc.nn.NetworkSpec;
import org.junit.jupiter.api.Test;

/** Every schedule on synthetic data: the same sizes, the budgets the docs promise, the same bits on any thread count. */
class StudyRunnerTest {
    private static final TrainTest DATA = Blobs.data();
    private static final int BATCHES = 10;
    private static final int BATCH = 32;
    private static final int FINE_TUNE = 7;
    /** 20-32-3 pruned by 10% a cycle for six cycles. */
    private static final List<String> SIZES = List.of("28", "25", "22", "19", "17", "15");

    private static EngineConfig config() {
        return EngineConfig.reference().withNetwork(NetworkSpec.parse("20-32-3")).withSchedule(BATCHES, BATCH, 6)
                .withTraining(t -> t.withEvalBatchSize(64));
    }

    private static StudySetting setting(List<String> criteria) {
        return StudySetting.of("blobs", "20-32-3", config(), DATA, FINE_TUNE, criteria);
    }

    /** Training FLOPs of one sample through 20-h-3: 4 a multiply-add in the first layer (no input gradient), 6 in the second. */
    private static double flopsPerSample(int h) {
        return 4.0 * 20 * h + 6.0 * h * 3;
    }

    private static List<StudyRow> rows(StudyRunner runner, Schedule schedule, String criterion, long seed) {
        return runner.runCell(new Cell("blobs", "20-32-3", schedule, criterion, seed), r -> { }).rows();
    }

    @Test
    void everyScheduleReachesTheSameSizesOnTheBudgetItPromises() {
        StudyRunner runner = new StudyRunner(List.of(setting(List.of("magnitude"))));
        List<StudyRow> tc = rows(runner, Schedule.TRAIN_COMPRESS, "magnitude", 5);
        List<StudyRow> ttc = rows(runner, Schedule.TRAIN_THEN_COMPRESS, "magnitude", 5);
        List<StudyRow> oneShot = rows(runner, Schedule.ONE_SHOT, "magnitude", 5);
        List<StudyRow> scratch = rows(runner, Schedule.SCRATCH, Cell.NO_CRITERION, 5);
        for (List<StudyRow> rows : List.of(tc, ttc, oneShot, scratch)) {
            assertThat(rows).extracting(StudyRow::hidden).isEqualTo(SIZES);
            assertThat(rows).extracting(StudyRow::params).containsExactly(28L * 20 + 28 * 3, 25L * 23, 22L * 23,
                    19L * 23, 17L * 23, 15L * 23);
        }
        int[] widths = {32, 28, 25, 22, 19, 17, 15};
        // train-compress: a cycle of BATCHES batches at the width before each prune.
        double tcTotal = 0;
        int tcBatches = 0;
        for (int k = 0; k < 6; k++) {
            double cycle = BATCHES * BATCH * flopsPerSample(widths[k]);
            tcTotal += cycle;
            tcBatches += BATCHES;
            assertThat(tc.get(k).trainingFlops()).isEqualTo(cycle);
            assertThat(tc.get(k).cumulativeTrainingFlops()).isEqualTo(tcTotal);
        }
        // train-then-compress: the dense network trains as many batches as train-compress in all,
        // then FINE_TUNE batches at each width before the next prune.
        double dense = tcBatches * BATCH * flopsPerSample(32);
        assertThat(ttc.get(0).trainingFlops()).isEqualTo(dense);
        double ttcTotal = dense;
        for (int k = 1; k < 6; k++) {
            ttcTotal += FINE_TUNE * BATCH * flopsPerSample(widths[k]);
            assertThat(ttc.get(k).cumulativeTrainingFlops()).isEqualTo(ttcTotal);
        }
        // one-shot: the same dense training, then FINE_TUNE batches at the target width, per branch.
        for (int k = 0; k < 6; k++) {
            double fineTune = FINE_TUNE * BATCH * flopsPerSample(widths[k + 1]);
            assertThat(oneShot.get(k).trainingFlops()).isEqualTo(fineTune);
            assertThat(oneShot.get(k).cumulativeTrainingFlops()).isEqualTo(dense + fineTune);
        }
        // scratch: the target width trained for the batches train-compress spent to reach it.
        for (int k = 0; k < 6; k++) {
            double own = (k + 1) * BATCHES * BATCH * flopsPerSample(widths[k + 1]);
            assertThat(scratch.get(k).trainingFlops()).isEqualTo(own);
            assertThat(scratch.get(k).cumulativeTrainingFlops()).isEqualTo(own);
        }
        // Compression and speedup from the dense 20-32-3 (739 parameters without bias, 2 x 736 FLOPs).
        assertThat(tc.get(5).compression()).isEqualTo(32.0 * 23 / (15 * 23));
        assertThat(tc.get(5).speedup()).isEqualTo(2.0 * 32 * 23 / (2.0 * 15 * 23));
    }

    @Test
    void trainCompressRowsAreTheRunsOfReproduceAndTheOverlapLeavesThemUnchanged() {
        StudyRunner runner = new StudyRunner(List.of(setting(List.of("dtc", "random", "magnitude"))));
        StudyRunner.CellResult result = runner.runCell(new Cell("blobs", "20-32-3", Schedule.TRAIN_COMPRESS, "dtc", 9),
                r -> { });
        List<CycleRecord> plain = Experiment.run(RunRequest.of(config(), DATA, PruningStrategy.named("dtc"), 9))
                .records();
        assertThat(result.rows()).extracting(StudyRow::accuracy).containsExactlyElementsOf(
                plain.stream().map(CycleRecord::accuracy).toList());
        assertThat(result.rows()).extracting(StudyRow::loss).containsExactlyElementsOf(
                plain.stream().map(CycleRecord::testLoss).toList());
        // Six cycles, one hidden layer, two other criteria.
        assertThat(result.overlap()).hasSize(12);
        for (OverlapRow o : result.overlap()) {
            assertThat(o.jaccard()).isBetween(0.0, 1.0);
            assertThat(o.removed()).isEqualTo(widths(o.cycle()) - Integer.parseInt(SIZES.get(o.cycle())));
            assertThat(Double.isNaN(o.spearman())).isEqualTo(o.criterion().equals("random"));
        }
    }

    private static int widths(int cycle) {
        return cycle == 0 ? 32 : Integer.parseInt(SIZES.get(cycle - 1));
    }

    @Test
    void scratchStartsFromAFreshNetworkOfTheTargetSize() {
        List<int[]> targets = List.of(new int[] {17});
        List<CycleRecord> untrained = Branches.scratch(config(), DATA, 11, targets, new int[] {0}, r -> { }).records();
        Mlp fresh = new Mlp(NetworkSpec.parse("20-17-3"), 64);
        fresh.initialize(config().training().init(), config().training().initGain(), 11);
        fresh.setBatchAxisLogSoftmax(config().has(NotebookBehaviour.BATCH_AXIS_LOG_SOFTMAX));
        Evaluation e = fresh.evaluate(DATA.test().inputs(), DATA.test().labels(), DATA.test().count(), 64);
        assertThat(untrained.get(0).testLoss()).isEqualTo(e.loss());
        assertThat(untrained.get(0).hiddenText()).isEqualTo("17");
    }

    @Test
    void aStudyGivesTheSameBitsOnOneThreadAsOnTwo() {
        StudyGrid grid = new StudyGrid(List.of("blobs"), List.of("20-32-3"), List.of(Schedule.values()),
                List.of("dtc", "random", "taylor"), List.of(1L, 2L));
        List<List<StudyRow>> byThreads = new ArrayList<>();
        List<List<OverlapRow>> overlaps = new ArrayList<>();
        for (int threads : List.of(1, 2)) {
            List<StudyRunner.CellResult> results = Collections.synchronizedList(new ArrayList<>());
            new StudyRunner(List.of(setting(grid.criteria()))).run(grid.cells(), threads, results::add);
            assertThat(results).hasSize(grid.cells().size());
            List<StudyRow> rows = new ArrayList<>();
            List<OverlapRow> overlap = new ArrayList<>();
            for (Cell cell : grid.cells()) {
                StudyRunner.CellResult r = results.stream().filter(x -> x.cell().equals(cell)).findFirst().orElseThrow();
                r.rows().forEach(row -> rows.add(withoutTimes(row)));
                overlap.addAll(r.overlap());
            }
            byThreads.add(rows);
            overlaps.add(overlap);
        }
        assertThat(byThreads.get(0)).hasSize(4 * 3 * 6 * 2 - 2 * 2 * 6).isEqualTo(byThreads.get(1));
        assertThat(overlaps.get(0)).isNotEmpty().isEqualTo(overlaps.get(1));
    }

    private static StudyRow withoutTimes(StudyRow r) {
        return new StudyRow(r.dataset(), r.arch(), r.schedule(), r.criterion(), r.seed(), r.cycle(), r.hidden(),
                r.params(), r.nonzeroParams(), r.flops(), r.compression(), r.speedup(), r.accuracy(), r.loss(),
                r.trainingFlops(), r.cumulativeTrainingFlops(), 0, 0);
    }
}
