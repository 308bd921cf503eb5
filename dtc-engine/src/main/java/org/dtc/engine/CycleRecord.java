package org.dtc.engine;

import java.util.List;
import org.dtc.cs.SolverStatus;
import org.dtc.nn.NetworkSize;

/**
 * One train-compress cycle of one strategy and seed, measured right after the prune.
 *
 * @param hidden           hidden layer widths after the prune
 * @param sparsity         fraction of the initial hidden neurons removed so far
 * @param accuracy         test accuracy (per the configuration's averaging)
 * @param loss             mean training loss over the cycle's batches
 * @param gibbsPrevious    Gibbs entropy of the previous-layer measurement, mean over hidden layers
 * @param gibbsNext        the same for the next-layer measurement
 * @param layers           per hidden layer: measurements, scores, entropies, solver figures
 * @param seconds          wall time of the cycle; a first cycle's training shared by the strategies
 *                         of a seed counts in each of them
 * @param trainingFlops    floating-point operations of the cycle's training (forward and backward)
 * @param size             the pruned network's parameters and inference FLOPs
 * @param testLoss         the pruned network's mean cross-entropy on the test split
 * @param testSeconds      wall time of that test (inference on the test split)
 */
public record CycleRecord(String strategy, long seed, int cycle, int[] hidden, double sparsity, double accuracy,
                          double loss, double gibbsPrevious, double gibbsNext, List<Layer> layers, double seconds,
                          double trainingFlops, NetworkSize size, double testLoss, double testSeconds) {

    /** Hidden widths joined with '-', as cycles.csv writes them. */
    public String hiddenText() {
        StringBuilder s = new StringBuilder();
        for (int h : hidden) {
            s.append(s.isEmpty() ? "" : "-").append(h);
        }
        return s.toString();
    }

    /**
     * The weight-ray statistic of the paper's Figure 3: per layer the mean |score| divided by the
     * layer's width, averaged over the layers; NaN for a strategy without scores.
     */
    public double rayScore() {
        double sum = 0;
        int n = 0;
        for (Layer l : layers) {
            if (l.scores() != null) {
                double abs = 0;
                for (double v : l.scores()) {
                    abs += Math.abs(v);
                }
                sum += abs / l.scores().length / l.width();
                n++;
            }
        }
        return n == 0 ? Double.NaN : sum / n;
    }

    /** Measurement values of all layers that fell outside the entropy's histogram, and so were not counted. */
    public int entropyOutOfRange() {
        int n = 0;
        for (Layer l : layers) {
            n += l.outsidePrevious() + l.outsideNext();
        }
        return n;
    }

    /** Worst solver status of the cycle's layers; null where no layer ran a solver (random, magnitude). */
    public SolverStatus solverStatus() {
        SolverStatus worst = null;
        for (Layer l : layers) {
            if (l.solverStatus() != null && (worst == null || l.solverStatus().ordinal() > worst.ordinal())) {
                worst = l.solverStatus();
            }
        }
        return worst;
    }

    /**
     * One hidden layer's compression in a cycle: its width before the prune, the measurement vectors
     * of its incoming and outgoing weight rays, their Gibbs entropies and how many values of each
     * fell outside the entropy's histogram (all of them: the entropy is NaN), the scores (null for
     * random) and the solver's figures (status null where no solver ran).
     */
    public record Layer(int width, double[] measuredIncoming, double[] measuredOutgoing, double gibbsPrevious,
                        double gibbsNext, int outsidePrevious, int outsideNext, double[] scores,
                        SolverStatus solverStatus, int solverIterations, double solverSeconds) {}
}
