package org.dtc.report;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.dtc.study.Cell;
import org.dtc.study.Schedule;
import org.dtc.study.StudyAnalysis;
import org.dtc.study.StudyAnalysis.Curve;
import org.dtc.study.StudyAnalysis.MeanSd;
import org.dtc.study.StudyRow;

/**
 * study.md: the criteria ranked by the area under their accuracy-compression curves, their
 * accuracy at compression 2 to 32, and the paper's third claim (training while compressing is
 * more efficient than training, then compressing) in numbers, per dataset and architecture.
 */
public final class StudyReport {
    /** The compression ratios the tables read the curves at. */
    public static final double[] COMPRESSIONS = {2, 4, 8, 16, 32};

    private StudyReport() {}

    public static String render(List<StudyRow> rows, String command) {
        List<Curve> curves = StudyAnalysis.curves(rows);
        StringBuilder md = new StringBuilder("# Pruning study\n\n");
        md.append("Made by `").append(command).append("`. Accuracy is measured where docs/study.md says: ")
                .append("train-compress and train-then-compress right after each prune (the paper's point), one-shot ")
                .append("after its fine-tuning, scratch after its training. Mean ± standard deviation over seeds.\n");
        Set<String> settings = new LinkedHashSet<>();
        for (Curve c : curves) {
            settings.add(c.dataset() + " " + c.arch());
        }
        for (String setting : settings) {
            List<Curve> here = curves.stream().filter(c -> setting.equals(c.dataset() + " " + c.arch())).toList();
            md.append("\n## ").append(setting).append("\n");
            ranking(md, here);
            accuracyAt(md, here);
            claim(md, here);
        }
        return md.toString();
    }

    /** Curves of one schedule and criterion, over the seeds. */
    private static Map<String, List<Curve>> bySeries(List<Curve> curves) {
        Map<String, List<Curve>> m = new LinkedHashMap<>();
        for (Curve c : curves) {
            m.computeIfAbsent(c.schedule() + "|" + c.criterion(), k -> new ArrayList<>()).add(c);
        }
        return m;
    }

    private static MeanSd auc(List<Curve> seeds) {
        return MeanSd.of(seeds.stream().mapToDouble(Curve::meanAccuracyOverLogCompression).toArray());
    }

    private static void ranking(StringBuilder md, List<Curve> curves) {
        md.append("\n### Criteria ranked by the area under accuracy against log2 compression\n\n")
                .append("The area divided by the span of log2 compression measured: the mean accuracy along the ")
                .append("curve.\n\n| schedule | rank | criterion | mean accuracy over log2 compression |\n|---|---|---|---|\n");
        Map<String, List<Curve>> series = bySeries(curves);
        for (String schedule : schedules(curves)) {
            List<Map.Entry<String, List<Curve>>> entries = series.entrySet().stream()
                    .filter(e -> e.getKey().startsWith(schedule + "|"))
                    .sorted(Comparator.comparingDouble((Map.Entry<String, List<Curve>> e) -> -auc(e.getValue()).mean()))
                    .toList();
            int rank = 1;
            for (Map.Entry<String, List<Curve>> e : entries) {
                md.append("| ").append(schedule).append(" | ").append(rank++).append(" | ")
                        .append(e.getValue().get(0).criterion()).append(" | ").append(format(auc(e.getValue())))
                        .append(" |\n");
            }
        }
    }

    private static void accuracyAt(StringBuilder md, List<Curve> curves) {
        md.append("\n### Accuracy at compression ratios\n\nInterpolated linearly in log2 compression between the ")
                .append("operating points either side; `-` where the curve does not reach the ratio.\n\n| schedule | criterion |");
        for (double c : COMPRESSIONS) {
            md.append(" " + ratio(c) + " |");
        }
        md.append("\n|---|---|").append("---|".repeat(COMPRESSIONS.length)).append("\n");
        for (List<Curve> seeds : bySeries(curves).values()) {
            md.append("| ").append(seeds.get(0).schedule()).append(" | ").append(seeds.get(0).criterion()).append(" |");
            for (double c : COMPRESSIONS) {
                md.append(' ').append(format(MeanSd.of(seeds.stream().mapToDouble(s -> s.accuracyAt(c)).toArray())))
                        .append(" |");
            }
            md.append('\n');
        }
    }

    /**
     * The paper's claim 3, for DTC and for the baseline with the largest area under
     * train-compress: each schedule's accuracy and cumulative training FLOPs at each ratio.
     */
    private static void claim(StringBuilder md, List<Curve> curves) {
        md.append("\n### The paper's claim 3: train while compressing, or train, then compress?\n\n");
        Map<String, List<Curve>> series = bySeries(curves);
        List<String> criteria = StudyAnalysis.claimCriteria(curves);
        if (criteria.isEmpty()) {
            md.append("The study has no train-compress curve to compare.\n");
            return;
        }
        String best = criteria.stream().filter(c -> !c.equals("dtc")).findFirst().orElse(null);
        md.append("Accuracy (mean over seeds) and the cumulative training FLOPs spent to reach it, per schedule; ")
                .append("the best baseline is the one ranked first under train-compress (")
                .append(best == null ? "none in the study" : best).append("). Scratch trains without a criterion.\n");
        List<String> verdicts = new ArrayList<>();
        for (String criterion : criteria) {
            md.append("\n| ").append(criterion).append(" | schedule |");
            for (double c : COMPRESSIONS) {
                md.append(" " + ratio(c) + " accuracy | " + ratio(c) + " TFLOP |");
            }
            md.append("\n|---|---|").append("---|---|".repeat(COMPRESSIONS.length)).append('\n');
            for (String schedule : schedules(curves)) {
                List<Curve> seeds = series.get(schedule + "|" + (schedule.equals(Schedule.SCRATCH.cliName())
                        ? Cell.NO_CRITERION : criterion));
                if (seeds == null) {
                    continue;
                }
                md.append("| | ").append(schedule).append(" |");
                for (double c : COMPRESSIONS) {
                    double acc = mean(seeds, s -> s.accuracyAt(c));
                    double flops = mean(seeds, s -> s.flopsAt(c));
                    md.append(Double.isNaN(acc) ? " - |" : String.format(Locale.ROOT, " %.4f |", acc))
                            .append(Double.isNaN(flops) ? " - |" : String.format(Locale.ROOT, " %.3g |", flops / 1e12));
                }
                md.append('\n');
            }
            verdicts.addAll(verdict(criterion, series, schedules(curves)));
        }
        md.append("\nWhere the claim holds (train-compress at least as accurate with fewer training FLOPs) and where ")
                .append("it does not:\n\n");
        for (String v : verdicts) {
            md.append("- ").append(v).append('\n');
        }
    }

    private static List<String> verdict(String criterion, Map<String, List<Curve>> series, List<String> schedules) {
        String tc = Schedule.TRAIN_COMPRESS.cliName();
        List<Curve> own = series.get(tc + "|" + criterion);
        List<String> lines = new ArrayList<>();
        if (own == null) {
            return lines;
        }
        for (String schedule : schedules) {
            if (schedule.equals(tc)) {
                continue;
            }
            List<Curve> other = series.get(schedule + "|" + (schedule.equals(Schedule.SCRATCH.cliName())
                    ? Cell.NO_CRITERION : criterion));
            if (other == null) {
                continue;
            }
            List<String> holds = new ArrayList<>();
            List<String> fails = new ArrayList<>();
            for (double c : COMPRESSIONS) {
                double a = mean(own, s -> s.accuracyAt(c));
                double b = mean(other, s -> s.accuracyAt(c));
                if (Double.isNaN(a) || Double.isNaN(b)) {
                    continue;
                }
                double fa = mean(own, s -> s.flopsAt(c));
                double fb = mean(other, s -> s.flopsAt(c));
                String point = String.format(Locale.ROOT, "%s (%.4f vs %.4f, %.3g vs %.3g TFLOP)", ratio(c), a, b,
                        fa / 1e12, fb / 1e12);
                (a >= b && fa <= fb ? holds : fails).add(point);
            }
            lines.add(String.format(Locale.ROOT, "%s, train-compress against %s: holds at %s; does not at %s.",
                    criterion, schedule, holds.isEmpty() ? "no ratio" : String.join(", ", holds),
                    fails.isEmpty() ? "no ratio" : String.join(", ", fails)));
        }
        return lines;
    }

    /** "2x", "2.5x". */
    static String ratio(double c) {
        return (c == Math.rint(c) ? Long.toString((long) c) : Double.toString(c)) + "x";
    }

    private static double mean(List<Curve> seeds, java.util.function.ToDoubleFunction<Curve> f) {
        return seeds.stream().mapToDouble(f).average().orElse(Double.NaN);
    }

    private static List<String> schedules(List<Curve> curves) {
        return curves.stream().map(Curve::schedule).distinct().toList();
    }

    private static String format(MeanSd m) {
        if (Double.isNaN(m.mean())) {
            return "-";
        }
        return m.seeds() < 2 ? String.format(Locale.ROOT, "%.4f", m.mean())
                : String.format(Locale.ROOT, "%.4f ± %.4f", m.mean(), m.sd());
    }
}
