package org.dtc.study;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class StudyGridTest {
    @Test
    void cellsGoByDatasetArchSeedScheduleAndCriterionWithScratchOncePerSeed() {
        StudyGrid grid = new StudyGrid(List.of("mnist", "fashion-mnist"), List.of("784-512-10"),
                List.of(Schedule.TRAIN_COMPRESS, Schedule.SCRATCH), List.of("dtc", "l1"), List.of(7L, 8L));
        List<Cell> cells = grid.cells();
        assertThat(cells).hasSize(2 * 2 * 3);
        assertThat(cells.get(0)).isEqualTo(new Cell("mnist", "784-512-10", Schedule.TRAIN_COMPRESS, "dtc", 7));
        assertThat(cells.get(2)).isEqualTo(new Cell("mnist", "784-512-10", Schedule.SCRATCH, Cell.NO_CRITERION, 7));
        assertThat(cells.get(2).id()).isEqualTo("mnist_784-512-10_scratch_none_7");
        assertThat(cells).extracting(Cell::id).doesNotHaveDuplicates();
    }

    @Test
    void emptyAndRepeatedListsAndUnknownNamesAreRefused() {
        List<Schedule> all = List.of(Schedule.values());
        assertThatThrownBy(() -> new StudyGrid(List.of(), List.of("784-512-10"), all, List.of("dtc"), List.of(1L)))
                .hasMessage("the grid is empty: --datasets lists nothing");
        assertThatThrownBy(() -> new StudyGrid(List.of("mnist"), List.of("784-512-10"), all, List.of(), List.of(1L)))
                .hasMessage("the grid is empty: --criteria lists none for the pruning schedules");
        assertThatThrownBy(() -> new StudyGrid(List.of("mnist"), List.of("784-512-10"), all, List.of("dtc", "dtc"),
                List.of(1L))).hasMessageContaining("--criteria lists a value twice");
        assertThatThrownBy(() -> new StudyGrid(List.of("mnist"), List.of("784-512-10"), all, List.of("obd"),
                List.of(1L))).hasMessageContaining("unknown strategy 'obd'");
        assertThatThrownBy(() -> Schedule.named("gradual")).hasMessage("unknown schedule 'gradual': known are "
                + "train-compress, train-then-compress, one-shot, scratch");
        // Scratch alone needs no criterion.
        assertThat(new StudyGrid(List.of("mnist"), List.of("784-512-10"), List.of(Schedule.SCRATCH), List.of(),
                List.of(1L)).cells()).hasSize(1);
    }
}
