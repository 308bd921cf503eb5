package org.dtc.study;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import org.dtc.engine.PruningStrategy;

/**
 * What a study runs: every criterion under every schedule with every seed, on every dataset and
 * architecture. Scratch trains without a criterion, so it is one cell per seed, not one per
 * criterion.
 */
public record StudyGrid(List<String> datasets, List<String> archs, List<Schedule> schedules, List<String> criteria,
                        List<Long> seeds) {
    public StudyGrid {
        datasets = distinct("--datasets", datasets);
        archs = distinct("--archs", archs);
        schedules = distinct("--schedules", schedules);
        criteria = distinct("--criteria", criteria);
        seeds = distinct("--seeds", seeds);
        for (String c : criteria) {
            PruningStrategy.named(c);
        }
        if (criteria.isEmpty() && schedules.stream().anyMatch(Schedule::prunes)) {
            throw new IllegalArgumentException("the grid is empty: --criteria lists none for the pruning schedules");
        }
    }

    private static <T> List<T> distinct(String option, List<T> values) {
        if (values.isEmpty() && !option.equals("--criteria")) {
            throw new IllegalArgumentException("the grid is empty: " + option + " lists nothing");
        }
        LinkedHashSet<T> set = new LinkedHashSet<>(values);
        if (set.size() != values.size()) {
            throw new IllegalArgumentException(option + " lists a value twice: " + values);
        }
        return List.copyOf(values);
    }

    /** Every cell: by dataset, architecture, seed, schedule and criterion, in the order given. */
    public List<Cell> cells() {
        List<Cell> cells = new ArrayList<>();
        for (String dataset : datasets) {
            for (String arch : archs) {
                for (long seed : seeds) {
                    for (Schedule schedule : schedules) {
                        if (!schedule.prunes()) {
                            cells.add(new Cell(dataset, arch, schedule, Cell.NO_CRITERION, seed));
                            continue;
                        }
                        for (String criterion : criteria) {
                            cells.add(new Cell(dataset, arch, schedule, criterion, seed));
                        }
                    }
                }
            }
        }
        return cells;
    }
}
