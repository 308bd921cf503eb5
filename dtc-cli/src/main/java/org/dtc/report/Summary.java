package org.dtc.report;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.dtc.analysis.Analysis;
import org.dtc.core.Statistics;
import org.dtc.engine.CycleRecord;
import org.dtc.engine.RunPlan;

/** summary.json: each strategy's final accuracy over the seeds, the paper's correlations, times, work. */
public final class Summary {
    private Summary() {}

    /**
     * @param wallSeconds each strategy's run time, summed over its seeds
     * @param elapsed     the whole experiment's wall time (runs overlap: less than the sum)
     */
    public static Map<String, Object> of(String preset, RunPlan plan, List<CycleRecord> records,
                                         Map<String, Double> wallSeconds, double elapsed) {
        List<Analysis.Series> series = Analysis.series(org.dtc.analysis.CycleRow.of(records));
        Map<String, Object> s = new LinkedHashMap<>();
        s.put("preset", preset);
        s.put("network", plan.config().network().toString());
        s.put("seeds", plan.seeds());
        Map<String, Object> finals = new LinkedHashMap<>();
        for (String strategy : plan.strategyNames()) {
            List<Double> accuracies = new ArrayList<>();
            for (Analysis.Series se : series) {
                if (se.strategy().equals(strategy)) {
                    accuracies.add(se.accuracy()[se.accuracy().length - 1]);
                }
            }
            double[] a = accuracies.stream().mapToDouble(Double::doubleValue).toArray();
            Map<String, Object> f = new LinkedHashMap<>();
            f.put("final_accuracy_mean", a.length == 0 ? Double.NaN : Statistics.mean(a));
            f.put("final_accuracy_std", a.length == 0 ? Double.NaN : Statistics.standardDeviation(a));
            f.put("final_accuracies", accuracies);
            finals.put(strategy, f);
        }
        s.put("strategies", finals);
        s.put("pearson", Analysis.correlations(series));
        s.put("wall_seconds", wallSeconds);
        s.put("wall_seconds_total", elapsed);
        s.put("training_flops", records.stream().mapToDouble(CycleRecord::trainingFlops).sum());
        return s;
    }
}
