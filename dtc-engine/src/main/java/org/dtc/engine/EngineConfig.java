package org.dtc.engine;

import java.util.Collections;
import java.util.EnumSet;
import java.util.Set;
import java.util.function.UnaryOperator;
import org.dtc.cs.DctType;
import org.dtc.cs.Measurement;
import org.dtc.nn.Init;
import org.dtc.nn.NetworkSpec;

/**
 * Every setting of a train-compress run, in named groups. Where the author's notebooks and the
 * paper's text disagree, the difference is a setting: {@link #reference()} reproduces the
 * notebooks (docs/experiment.md), {@link #paper()} follows the text. Equal settings are equal
 * records.
 *
 * @param network  widths, bias and batch-norm use
 * @param training how the network learns between prunes
 * @param sensing  DTC's measurement and LASSO
 * @param pruning  which neurons go, and when the run stops
 * @param notebook which of the notebooks' unwritten behaviours are on
 * @param entropy  the Gibbs entropy's histogram
 */
public record EngineConfig(NetworkSpec network, Training training, Sensing sensing, Pruning pruning,
                           Set<NotebookBehaviour> notebook, EntropyHistogram entropy) {
    /** The most weights a network may have: its parameters, gradients and Adam's moments are each one float array. */
    static final long MAX_PARAMETERS = Integer.MAX_VALUE - 16;

    public EngineConfig {
        notebook = Collections.unmodifiableSet(notebook.isEmpty() ? EnumSet.noneOf(NotebookBehaviour.class)
                : EnumSet.copyOf(notebook));
        if (network.hiddenLayers() == 0) {
            throw new IllegalArgumentException("the network " + network + " has no hidden layer: there are no neurons "
                    + "to compress (give at least three widths, such as 784-512-10)");
        }
        long parameters = 0;
        for (int l = 0; l < network.layers(); l++) {
            parameters = Math.addExact(parameters, Math.multiplyExact((long) network.size(l), network.size(l + 1)));
        }
        if (parameters > MAX_PARAMETERS) {
            throw new IllegalArgumentException("the network " + network + " has " + parameters + " weights; one float "
                    + "array holds at most " + MAX_PARAMETERS);
        }
        for (int j = 0; j < network.hiddenLayers(); j++) {
            if (network.size(j + 1) <= pruning.stopSize()) {
                throw new IllegalArgumentException("hidden layer " + j + " of " + network + " has " + network.size(j + 1)
                        + " units, not more than the stop size " + pruning.stopSize()
                        + ": there is nothing to compress");
            }
        }
        Init init = training.init();
        for (int l = 0; l < network.layers(); l++) {
            long weights = (long) network.size(l) * network.size(l + 1);
            if (weights < init.minimumWeights()) {
                throw new IllegalArgumentException("layer " + l + " of " + network + " has " + weights + " weights; "
                        + init + " draws only layers of " + init.minimumWeights() + " or more, as torch's normal_ does"
                        + " (--init XAVIER_NORMAL draws any)");
            }
        }
    }

    /**
     * The author's notebooks, quirks included: every {@link NotebookBehaviour}, a DCT-I basis,
     * the notebooks' clipping rule (remove the largest), and the initial weights drawn as their
     * torch.Generator draws them.
     */
    public static EngineConfig reference() {
        return new EngineConfig(NetworkSpec.parse("784-512-10"),
                Training.PAPER.withInit(Init.XAVIER_NORMAL_TORCH),
                Sensing.PAPER.withBasis(DctType.I),
                Pruning.PAPER.withClipRule(ClipRule.KEEP_BELOW_QUANTILE),
                EnumSet.allOf(NotebookBehaviour.class),
                EntropyHistogram.NOTEBOOK);
    }

    /**
     * The paper's text: batch norm on the input (the layer the author built), conventional
     * softmax cross-entropy, data shuffled per epoch and never restarted, Adam carried across
     * cycles, overall test accuracy, the conventional clipping rule (remove the smallest), a
     * DCT-II basis, fresh random streams per cycle.
     */
    public static EngineConfig paper() {
        return new EngineConfig(NetworkSpec.parse("784-512-10").withInputNorm(true),
                Training.PAPER.withShuffle(true),
                Sensing.PAPER,
                Pruning.PAPER,
                EnumSet.noneOf(NotebookBehaviour.class),
                EntropyHistogram.NOTEBOOK);
    }

    /** The preset of that name: reference or paper. */
    public static EngineConfig preset(String name) {
        return switch (name) {
            case "reference" -> reference();
            case "paper" -> paper();
            default -> throw new IllegalArgumentException("unknown preset '" + name + "': reference or paper");
        };
    }

    /** Whether the notebooks' behaviour is on. */
    public boolean has(NotebookBehaviour behaviour) {
        return notebook.contains(behaviour);
    }

    public EngineConfig withNetwork(NetworkSpec n) {
        return new EngineConfig(n, training, sensing, pruning, notebook, entropy);
    }

    public EngineConfig withTraining(UnaryOperator<Training> change) {
        return new EngineConfig(network, change.apply(training), sensing, pruning, notebook, entropy);
    }

    public EngineConfig withSensing(UnaryOperator<Sensing> change) {
        return new EngineConfig(network, training, change.apply(sensing), pruning, notebook, entropy);
    }

    public EngineConfig withPruning(UnaryOperator<Pruning> change) {
        return new EngineConfig(network, training, sensing, change.apply(pruning), notebook, entropy);
    }

    /** The same with the notebooks' behaviour turned on or off. */
    public EngineConfig with(NotebookBehaviour behaviour, boolean on) {
        EnumSet<NotebookBehaviour> set = notebook.isEmpty() ? EnumSet.noneOf(NotebookBehaviour.class)
                : EnumSet.copyOf(notebook);
        if (on) {
            set.add(behaviour);
        } else {
            set.remove(behaviour);
        }
        return new EngineConfig(network, training, sensing, pruning, set, entropy);
    }

    /** A short schedule, as tests and examples use: batches per cycle, batch size, cycle limit. */
    public EngineConfig withSchedule(int batches, int batch, int maxCycles) {
        return withTraining(t -> t.withBatchesPerCycle(batches).withBatchSize(batch))
                .withPruning(p -> p.withMaxCycles(maxCycles));
    }

    /** Measurements for m unknowns under this configuration's counting. */
    public int measurementCount(int m) {
        return has(NotebookBehaviour.NUMPY_MEASUREMENT_COUNT) ? Measurement.rows(m, sensing.csSparsity())
                : Math.max(1, (int) Math.round(m * (1 - sensing.csSparsity())));
    }
}
