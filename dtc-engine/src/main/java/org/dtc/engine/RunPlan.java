package org.dtc.engine;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;

/**
 * The runs of one experiment: every strategy with every seed, seed by seed, all under one
 * configuration. Strategies are distinct: two runs of the same strategy and seed would be the
 * same run.
 */
public record RunPlan(EngineConfig config, List<PruningStrategy> strategies, List<Long> seeds) {
    public RunPlan {
        if (strategies.isEmpty()) {
            throw new IllegalArgumentException("no strategy to run");
        }
        if (seeds.isEmpty()) {
            throw new IllegalArgumentException("no seed to run");
        }
        LinkedHashSet<String> names = new LinkedHashSet<>();
        for (PruningStrategy s : strategies) {
            if (!names.add(s.name())) {
                throw new IllegalArgumentException("strategy " + s.name() + " is listed twice");
            }
            s.check(config);
        }
        if (new LinkedHashSet<>(seeds).size() != seeds.size()) {
            throw new IllegalArgumentException("a seed is listed twice: " + seeds);
        }
        strategies = List.copyOf(strategies);
        seeds = List.copyOf(seeds);
    }

    /** Seeds first, first + 1, ..., first + count - 1. */
    public static List<Long> consecutiveSeeds(long first, int count) {
        if (count < 1) {
            throw new IllegalArgumentException("the seed count must be at least 1, not " + count);
        }
        List<Long> list = new ArrayList<>();
        for (int k = 0; k < count; k++) {
            list.add(first + k);
        }
        return list;
    }

    /** One strategy with one seed. */
    public record Run(PruningStrategy strategy, long seed) {
        /** "dtc seed 42424242". */
        public String label() {
            return strategy.name() + " seed " + seed;
        }
    }

    /** Every run, seed by seed, the strategies in their order within a seed. */
    public List<Run> runs() {
        List<Run> runs = new ArrayList<>();
        for (long seed : seeds) {
            for (PruningStrategy strategy : strategies) {
                runs.add(new Run(strategy, seed));
            }
        }
        return runs;
    }

    public List<String> strategyNames() {
        return strategies.stream().map(PruningStrategy::name).toList();
    }
}
