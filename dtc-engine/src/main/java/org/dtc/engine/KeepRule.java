package org.dtc.engine;

import java.util.Arrays;

/**
 * How many neurons survive a cycle and which. The count is the one the paper's code keeps when
 * the scores are distinct: the neurons strictly below numpy's (1 - fraction)-quantile of m
 * scores number h = (m - 1)(1 - fraction) in double arithmetic when h is a whole number, and
 * ceil(h) otherwise (m = 512 keeps 460; 91 keeps 81). With ties, or with an exact LASSO whose
 * solution has fewer non-zeros than neurons to remove (where the strict rule would keep none),
 * the engine still keeps exactly that many: it ranks |score| and breaks ties by the lower index.
 */
public final class KeepRule {
    private KeepRule() {}

    /** Neurons kept out of m when removing the given fraction. */
    public static int keptCount(int m, double fraction) {
        if (!(fraction >= 0 && fraction < 1)) {
            throw new IllegalArgumentException("prune fraction must lie in [0, 1), not " + fraction);
        }
        double h = (m - 1) * (1 - fraction);
        int kept = h == Math.floor(h) ? (int) h : (int) Math.ceil(h);
        return Math.max(1, Math.min(m, kept));
    }

    /** The indices of the kept neurons, ascending. */
    public static int[] keep(double[] scores, int kept, ClipRule rule) {
        int m = scores.length;
        Integer[] order = new Integer[m];
        for (int i = 0; i < m; i++) {
            order[i] = i;
        }
        // Rank by |score|: the paper's rule keeps the smallest, the conventional one the largest;
        // equal magnitudes go by index, so the choice never depends on anything else.
        Arrays.sort(order, (a, b) -> {
            int c = Double.compare(Math.abs(scores[a]), Math.abs(scores[b]));
            if (rule == ClipRule.REMOVE_SMALLEST) {
                c = -c;
            }
            return c != 0 ? c : Integer.compare(a, b);
        });
        int[] keep = new int[kept];
        for (int i = 0; i < kept; i++) {
            keep[i] = order[i];
        }
        Arrays.sort(keep);
        return keep;
    }
}
