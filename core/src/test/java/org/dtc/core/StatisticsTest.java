package org.dtc.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Quantiles, histograms, entropies, Pearson and LOWESS against numpy, scipy and statsmodels. */
class StatisticsTest {
    private final Map<String, double[]> values = new HashMap<>();
    private final List<String[]> lines = new ArrayList<>();

    StatisticsTest() throws IOException {
        for (String line : Files.readAllLines(TestData.path("stats/reference.txt"))) {
            if (line.startsWith("#")) {
                continue;
            }
            String[] f = line.split(" ");
            lines.add(f);
            if (f[0].equals("values") || f[0].equals("edges")) {
                values.put(f[1], doubles(f, 2));
            }
        }
    }

    private static double[] doubles(String[] f, int from) {
        double[] v = new double[f.length - from];
        for (int i = 0; i < v.length; i++) {
            v[i] = Double.parseDouble(f[from + i]);
        }
        return v;
    }

    @Test
    void quantilesEqualNumpysBitForBit() {
        int checked = 0;
        for (String[] f : lines) {
            if (f[0].equals("quantile")) {
                double q = Double.parseDouble(f[2]);
                assertThat(Statistics.quantile(values.get(f[1]), q)).as("quantile %s %s", f[1], q)
                        .isEqualTo(Double.parseDouble(f[3]));
                checked++;
            }
        }
        assertThat(checked).isEqualTo(28);
        assertThatThrownBy(() -> Statistics.quantile(new double[0], 0.5)).hasMessage("quantile of no values");
    }

    @Test
    void standardDeviationsAreNumpysWithOneDegreeOfFreedom() {
        int checked = 0;
        for (String[] f : lines) {
            if (f[0].equals("std")) {
                // Two passes over at most 512 values: a few ulps of numpy's pairwise sums.
                double expected = Double.parseDouble(f[2]);
                assertThat(Statistics.standardDeviation(values.get(f[1]))).as("std %s", f[1])
                        .isCloseTo(expected, org.assertj.core.data.Offset.offset(1e-14 * expected));
                checked++;
            }
        }
        assertThat(checked).isEqualTo(4);
        assertThat(Statistics.standardDeviation(new double[] {0.8})).isZero();
    }

    @Test
    void spearmanIsScipysWithTiesAveraged() {
        int checked = 0;
        for (String[] f : lines) {
            if (f[0].equals("spearman")) {
                // Pearson of ranks, which are small exact numbers: the same few sums as scipy's.
                assertThat(Statistics.spearman(values.get(f[1]), values.get("spearman-" + f[1])))
                        .as("spearman %s", f[1]).isCloseTo(Double.parseDouble(f[2]),
                                org.assertj.core.data.Offset.offset(1e-14));
                checked++;
            }
        }
        assertThat(checked).isEqualTo(3);
    }

    @Test
    void arangeAndHistogramsEqualNumpys() {
        double[] edges = Statistics.arange(-50, 50, 0.2);
        assertThat(edges).containsExactly(values.get("reference"));
        assertThat(edges).hasSize(500); // 499 bins; the last edge is 49.80000000000142, not 49.8
        assertThat(edges[edges.length - 1]).isEqualTo(49.80000000000142);
        int checked = 0;
        for (String[] f : lines) {
            if (f[0].equals("histogram")) {
                long[] expected = new long[f.length - 2];
                for (int i = 0; i < expected.length; i++) {
                    expected[i] = Long.parseLong(f[2 + i]);
                }
                assertThat(Statistics.histogram(values.get(f[1]), edges)).as("histogram %s", f[1])
                        .containsExactly(expected);
                checked++;
            }
        }
        assertThat(checked).isEqualTo(3);
    }

    @Test
    void entropiesMatchNumpy() {
        double[] edges = Statistics.arange(-50, 50, 0.2);
        int checked = 0;
        for (String[] f : lines) {
            if (f[0].startsWith("entropy")) {
                double base = f[0].equals("entropy2") ? 2 : Math.E;
                double g = Statistics.gibbsEntropy(Statistics.histogram(values.get(f[1]), edges), base);
                // numpy's log2 versus our ln / ln 2: a few ulps over a sum of at most 499 terms.
                Bounds.assertClose(g, Double.parseDouble(f[2]), 1e-12 * Math.abs(g), "%s %s", f[0], f[1]);
                checked++;
            }
        }
        assertThat(checked).isEqualTo(6);
        assertThat(Statistics.gibbsEntropy(new long[] {0, 0}, 2)).isNaN();
    }

    @Test
    void pearsonMatchesScipy() {
        double expected = lines.stream().filter(f -> f[0].equals("pearson")).mapToDouble(f -> Double.parseDouble(f[2]))
                .findFirst().orElseThrow();
        Bounds.assertClose(Statistics.pearson(values.get("px"), values.get("py")), expected, 1e-14, "pearson");
    }

    @Test
    void lowessMatchesStatsmodels() {
        Map<String, double[]> fits = new HashMap<>();
        for (String[] f : lines) {
            if (f[0].equals("lowess")) {
                fits.put(f[1], doubles(f, 2));
            }
        }
        double[] robust = Lowess.smooth(values.get("sparsity"), values.get("accuracy"), 0.3, 3);
        double[] plain = Lowess.smooth(values.get("lx"), values.get("ly"), 0.5, 0);
        for (int i = 0; i < robust.length; i++) {
            // Same weights, same fit; another order of the same few sums.
            Bounds.assertClose(robust[i], fits.get("accuracy")[i], 1e-12, "robust LOWESS at %d", i);
        }
        for (int i = 0; i < plain.length; i++) {
            Bounds.assertClose(plain[i], fits.get("plain")[i], 1e-12, "plain LOWESS at %d", i);
        }
        assertThatThrownBy(() -> Lowess.smooth(new double[] {2, 1}, new double[] {0, 0}, 1, 0))
                .hasMessageContaining("sorted ascending");
    }
}
