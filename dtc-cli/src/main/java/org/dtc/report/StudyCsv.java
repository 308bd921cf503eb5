package org.dtc.report;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.dtc.study.OverlapRow;
import org.dtc.study.StudyRow;

/**
 * study.csv and overlap.csv, the study's contract with other tools: one row per cell and
 * operating point, and one per train-compress DTC cycle, layer and other criterion. Numbers are
 * written in Java's shortest exact form, so a cell's saved rows read back to the same bits.
 */
public final class StudyCsv {
    public static final String HEADER = "dataset,arch,schedule,criterion,seed,cycle,hidden,params,nonzero_params,flops,"
            + "compression,speedup,accuracy,loss,training_flops,cumulative_training_flops,inference_ms,seconds";
    public static final String OVERLAP_HEADER = "dataset,arch,seed,cycle,layer,criterion,removed,jaccard,spearman";

    private StudyCsv() {}

    public static String render(List<StudyRow> rows) {
        StringBuilder s = new StringBuilder(HEADER).append('\n');
        for (StudyRow r : rows) {
            s.append(String.join(",", r.dataset(), r.arch(), r.schedule(), r.criterion(), Long.toString(r.seed()),
                    Integer.toString(r.cycle()), r.hidden(), Long.toString(r.params()), Long.toString(r.nonzeroParams()),
                    Long.toString(r.flops()), num(r.compression()), num(r.speedup()), num(r.accuracy()), num(r.loss()),
                    num(r.trainingFlops()), num(r.cumulativeTrainingFlops()), num(r.inferenceMs()), num(r.seconds())))
                    .append('\n');
        }
        return s.toString();
    }

    public static String renderOverlap(List<OverlapRow> rows) {
        StringBuilder s = new StringBuilder(OVERLAP_HEADER).append('\n');
        for (OverlapRow r : rows) {
            s.append(String.join(",", r.dataset(), r.arch(), Long.toString(r.seed()), Integer.toString(r.cycle()),
                    Integer.toString(r.layer()), r.criterion(), Integer.toString(r.removed()), num(r.jaccard()),
                    num(r.spearman()))).append('\n');
        }
        return s.toString();
    }

    private static String num(double v) {
        return Double.isNaN(v) ? "" : Double.toString(v);
    }

    /** The rows of a study.csv (a cell's saved rows), refused by line and column where a field is not a number. */
    public static List<StudyRow> parse(Path file) throws IOException {
        List<String[]> lines = fields(file, HEADER);
        List<StudyRow> rows = new ArrayList<>();
        for (int n = 0; n < lines.size(); n++) {
            String[] f = lines.get(n);
            Reader r = new Reader(file, n + 2, HEADER.split(","), f);
            rows.add(new StudyRow(f[0], f[1], f[2], f[3], r.integer(4), (int) r.integer(5), f[6], r.integer(7),
                    r.integer(8), r.integer(9), r.number(10), r.number(11), r.number(12), r.number(13), r.number(14),
                    r.number(15), r.number(16), r.number(17)));
        }
        return rows;
    }

    /** The rows of an overlap.csv. */
    public static List<OverlapRow> parseOverlap(Path file) throws IOException {
        List<String[]> lines = fields(file, OVERLAP_HEADER);
        List<OverlapRow> rows = new ArrayList<>();
        for (int n = 0; n < lines.size(); n++) {
            String[] f = lines.get(n);
            Reader r = new Reader(file, n + 2, OVERLAP_HEADER.split(","), f);
            rows.add(new OverlapRow(f[0], f[1], r.integer(2), (int) r.integer(3), (int) r.integer(4), f[5],
                    (int) r.integer(6), r.number(7), r.number(8)));
        }
        return rows;
    }

    private static List<String[]> fields(Path file, String header) throws IOException {
        List<String> lines = Files.readAllLines(file);
        if (lines.isEmpty() || !lines.get(0).equals(header)) {
            throw new IOException(file + ": expected the header " + header);
        }
        int columns = header.split(",").length;
        List<String[]> out = new ArrayList<>();
        for (int n = 1; n < lines.size(); n++) {
            String[] f = lines.get(n).split(",", -1);
            if (f.length != columns) {
                throw new IOException(file + ": line " + (n + 1) + " has " + f.length + " fields, the header " + columns);
            }
            out.add(f);
        }
        return out;
    }

    private record Reader(Path file, int line, String[] names, String[] fields) {
        long integer(int i) throws IOException {
            try {
                return Long.parseLong(fields[i]);
            } catch (NumberFormatException e) {
                throw bad(i);
            }
        }

        double number(int i) throws IOException {
            if (fields[i].isEmpty()) {
                return Double.NaN;
            }
            try {
                return Double.parseDouble(fields[i]);
            } catch (NumberFormatException e) {
                throw bad(i);
            }
        }

        private IOException bad(int i) {
            return new IOException(file + ": line " + line + ", column " + names[i] + ": '" + fields[i]
                    + "' is not a number");
        }
    }
}
