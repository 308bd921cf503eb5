package org.dtc.nn;

import org.dtc.core.Kernels;
import org.dtc.core.RandomStream;

/**
 * A multi-layer perceptron, trained by hand-written backpropagation: optional batch norm on the
 * input, then for each layer a linear map, and for each hidden layer optional batch norm and a
 * ReLU; the outputs are logits, scored by softmax cross-entropy.
 *
 * <p>The network is a list of {@link Layer}s (a {@link Dense} per linear layer, a {@link Norm}
 * per batch norm): the forward pass runs them in order, backpropagation in reverse, and surgery
 * asks each to map its own parameters, so another kind of layer joins without touching either.
 * All parameters live in one flat float array and their gradients in another, laid out by
 * {@link ParameterLayout}, so an optimizer is one loop and neuron surgery re-packs the kept
 * entries into smaller arrays. Work buffers are sized once for {@code capacity} samples per batch
 * and rebuilt on surgery: training and evaluation allocate nothing per batch. Not thread-safe.
 */
public final class Mlp {
    private NetworkSpec spec;
    private ParameterLayout layout;
    private float[] params;
    private float[] grads;
    private final int capacity;

    // The stages of the forward pass, in order: an input batch norm if any, then per linear layer
    // its Dense and, for a hidden layer with batch norm, its Norm. dense[l] is linear layer l;
    // norms[0] the input's batch norm and norms[l + 1] hidden layer l's (null where none).
    private Layer[] layers;
    private Dense[] dense;
    private Norm[] norms;
    // Per layer, whether a layer before it has parameters, so that its input gradient is needed.
    private boolean[] needsInputGradient;

    private final FusedOutput fusedOutput = new FusedOutput();
    private float[] logProbs;
    private float[] shifted;
    private double[] lse;
    private SoftmaxCrossEntropy crossEntropy;
    private boolean batchAxisLogSoftmax;
    private float[] gradA;
    private float[] gradB;

    /** A network of this shape with all parameters zero; see {@link #initialize}. */
    public Mlp(NetworkSpec spec, int capacity) {
        if (capacity < 1) {
            throw new IllegalArgumentException("batch capacity must be at least 1, not " + capacity);
        }
        this.capacity = capacity;
        this.spec = spec;
        this.layout = ParameterLayout.of(spec);
        this.params = new float[layout.size()];
        this.grads = new float[layout.size()];
        buildLayers();
    }

    /**
     * About how many bytes a network of this shape takes with work room for {@code capacity}
     * samples and an optimizer of two moments: parameters, gradients and moments (four floats
     * each), every layer's outputs and batch-norm buffers, the loss's and backprop's buffers.
     * Exact arithmetic: a shape too large for a long says so.
     */
    public static long bytesNeeded(NetworkSpec spec, int capacity) {
        long parameters = ParameterLayout.of(spec).size();
        long perSample = 0;
        int widest = 0;
        for (int l = 0; l <= spec.layers(); l++) {
            int width = spec.size(l);
            widest = Math.max(widest, width);
            // a layer's output; with batch norm its output and xhat too
            perSample = Math.addExact(perSample, l == 0 ? (spec.inputNorm() ? 2L * width : 0) : 3L * width);
        }
        perSample = Math.addExact(perSample, 2L * widest + 2L * spec.outputs());
        return Math.multiplyExact(4L, Math.addExact(Math.multiplyExact(4L, parameters),
                Math.multiplyExact((long) capacity, perSample)));
    }

    /** What a checkpoint keeps of a network: its shape, parameters and running statistics. */
    public record State(NetworkSpec spec, float[] params, float[][] runningMean, float[][] runningVar)
            implements java.io.Serializable {}

    /** A copy of the network's shape, parameters and running statistics. */
    public State state() {
        float[][] mean = new float[norms.length][];
        float[][] var = new float[norms.length][];
        for (int i = 0; i < norms.length; i++) {
            mean[i] = norms[i] == null ? null : norms[i].runningMean().clone();
            var[i] = norms[i] == null ? null : norms[i].runningVar().clone();
        }
        return new State(spec, params.clone(), mean, var);
    }

    /** A network rebuilt from a saved state, with work buffers for {@code capacity} samples. */
    public static Mlp restore(State state, int capacity) {
        Mlp net = new Mlp(state.spec(), capacity);
        if (state.params().length != net.params.length || state.runningMean().length != net.norms.length) {
            throw new IllegalArgumentException("a saved state of " + state.params().length + " parameters does not fit "
                    + state.spec() + " (" + net.params.length + ")");
        }
        System.arraycopy(state.params(), 0, net.params, 0, net.params.length);
        for (int i = 0; i < net.norms.length; i++) {
            if (net.norms[i] != null) {
                net.norms[i].restoreStatistics(state.runningMean()[i], state.runningVar()[i]);
            }
        }
        return net;
    }

    /**
     * Weights from {@code init} (layer 0 first), biases U(-1/sqrt(in), 1/sqrt(in)) as PyTorch's
     * Linear, batch-norm scale 1 and shift 0.
     */
    public void initialize(Init init, double gain, long seed) {
        RandomStream random = new RandomStream(seed);
        for (int l = 0; l < spec.layers(); l++) {
            init.fill(random, params, layout.weight()[l], spec.size(l + 1), spec.size(l), gain);
        }
        for (int l = 0; l < spec.layers(); l++) {
            if (layout.bias()[l] >= 0) {
                double bound = 1 / Math.sqrt(spec.size(l));
                random.fillUniform(params, layout.bias()[l], spec.size(l + 1), -bound, bound);
            }
            if (layout.gamma()[l] >= 0) {
                java.util.Arrays.fill(params, layout.gamma()[l], layout.gamma()[l] + spec.size(l + 1), 1f);
            }
        }
        if (layout.inputGamma() >= 0) {
            java.util.Arrays.fill(params, layout.inputGamma(), layout.inputGamma() + spec.inputs(), 1f);
        }
        for (Norm n : norms) {
            if (n != null) {
                n.resetStatistics();
            }
        }
    }

    /** The layers of {@link #spec} at the offsets of {@link #layout}, and the loss's buffers. */
    private void buildLayers() {
        int count = spec.layers();
        java.util.List<Layer> list = new java.util.ArrayList<>();
        dense = new Dense[count];
        norms = new Norm[count];
        if (spec.inputNorm()) {
            norms[0] = new Norm(spec.inputs(), layout.inputGamma(), layout.inputBeta(), false, capacity);
            list.add(norms[0]);
        }
        for (int l = 0; l < count; l++) {
            boolean hidden = l < count - 1;
            // Without batch norm between them, the ReLU follows the linear layer at once: its multiply applies it.
            dense[l] = new Dense(spec.size(l), spec.size(l + 1), layout.weight()[l], layout.bias()[l],
                    hidden && !spec.hiddenNorm(), capacity);
            list.add(dense[l]);
            if (hidden && spec.hiddenNorm()) {
                norms[l + 1] = new Norm(spec.size(l + 1), layout.gamma()[l], layout.beta()[l], true, capacity);
                list.add(norms[l + 1]);
            }
        }
        layers = list.toArray(new Layer[0]);
        needsInputGradient = new boolean[layers.length];
        for (int i = 1; i < layers.length; i++) {
            needsInputGradient[i] = needsInputGradient[i - 1] || layers[i - 1].hasParameters();
        }
        int widest = 0;
        for (int s : spec.sizes()) {
            widest = Math.max(widest, s);
        }
        logProbs = new float[capacity * spec.outputs()];
        shifted = new float[capacity * spec.outputs()];
        lse = new double[spec.outputs()];
        crossEntropy = new SoftmaxCrossEntropy(capacity, spec.outputs());
        gradA = new float[capacity * widest];
        gradB = new float[capacity * widest];
    }

    public NetworkSpec spec() {
        return spec;
    }

    public ParameterLayout layout() {
        return layout;
    }

    /** The flat parameters (shared, not copied). */
    public float[] parameters() {
        return params;
    }

    /** The flat gradients of the last {@link #forwardBackward} (shared). */
    public float[] gradients() {
        return grads;
    }

    public int capacity() {
        return capacity;
    }

    /** Running mean of the input batch norm (index 0) or of hidden layer l's (index l + 1). */
    public float[] runningMean(int index) {
        return norms[index] == null ? null : norms[index].runningMean();
    }

    public float[] runningVar(int index) {
        return norms[index] == null ? null : norms[index].runningVar();
    }

    /** Multiply-adds of one forward pass per sample: the sum of in x out over the linear layers. */
    public long multiplyAddsPerSample() {
        long s = 0;
        for (int l = 0; l < spec.layers(); l++) {
            s += (long) spec.size(l) * spec.size(l + 1);
        }
        return s;
    }

    /** Parameters, non-zero parameters and inference FLOPs per sample, as they are now. */
    public NetworkSize size() {
        long nonzero = 0;
        for (int i = 0; i < layout.size(); i++) {
            nonzero += params[i] != 0f ? 1 : 0;
        }
        long flops = 0;
        for (int l = 0; l < spec.layers(); l++) {
            flops += 2L * spec.size(l) * spec.size(l + 1) + (spec.bias() ? spec.size(l + 1) : 0);
        }
        for (Norm n : norms) {
            flops += n == null ? 0 : 2L * n.outputs();
        }
        return new NetworkSize(layout.size(), nonzero, flops);
    }

    /**
     * Floating-point operations of one training step per sample in the linear layers, as the
     * multiplies perform them: 2 per multiply-add forward, 2 for the weight gradient, and 2 more
     * for the gradient at a layer's input, which is computed only where a layer before it has
     * parameters (never for the first linear layer of a network without an affine input norm).
     */
    public long trainingFlopsPerSample() {
        long flops = 0;
        for (int i = 0; i < layers.length; i++) {
            if (layers[i] instanceof Dense d) {
                flops += (needsInputGradient[i] ? 6L : 4L) * d.inputs() * d.outputs();
            }
        }
        return flops;
    }

    /**
     * Forward pass of {@code count} samples (rows of x from xOff); in training mode batch norm
     * uses and updates batch statistics. The logits are then in {@link #logits()}.
     */
    public void forward(float[] x, int xOff, int count, boolean training) {
        forward(x, xOff, null, 0, count, training);
    }

    /** The same, x also given as its column panels (null: not given), which the first layer reads instead. */
    private void forward(float[] x, int xOff, float[] xPanels, int xPanelsOff, int count, boolean training) {
        if (count < 1 || count > capacity) {
            throw new IllegalArgumentException("batch of " + count + " samples, capacity is 1.." + capacity);
        }
        if (xOff < 0 || xOff + (long) count * spec.inputs() > x.length) {
            throw new IllegalArgumentException("input of " + count + " x " + spec.inputs() + " values from offset " + xOff
                    + " does not fit in an array of " + x.length + " (network " + spec + ")");
        }
        float[] in = x;
        int inOff = xOff;
        int last = layers.length - 1;
        for (int i = 0; i <= last; i++) {
            if (!training && i == last - 1 && layers[i] instanceof Dense hidden && hidden.relu()) {
                // Evaluation: the output layer takes each band of the last hidden layer's rows in cache.
                Dense output = dense[spec.layers() - 1];
                fusedOutput.forward(count, hidden.inputs(), hidden.outputs(), output.outputs(), in, inOff, params,
                        hidden.weightOffset(), hidden.biasOffset(), hidden.output(), output.weightOffset(),
                        output.biasOffset(), output.output());
                return;
            }
            in = layers[i].forward(in, inOff, i == 0 ? xPanels : null, xPanelsOff, count, params, training);
            inOff = 0;
        }
    }

    /**
     * The paper's code's quirk, off by default: a log-softmax over the batch axis before the
     * cross-entropy, in training and evaluation alike (predictions then depend on which samples
     * share a batch). See {@link SoftmaxCrossEntropy#batchAxisForward}.
     */
    public void setBatchAxisLogSoftmax(boolean on) {
        batchAxisLogSoftmax = on;
    }

    /** The scores the loss and the predictions use: the logits, or the batch-axis shifted ones. */
    private float[] scores(int count) {
        if (!batchAxisLogSoftmax) {
            return logits();
        }
        crossEntropy.batchAxisForward(count, logits(), shifted, lse);
        return shifted;
    }

    /** The logits of the last forward pass: batch x outputs, row-major (shared). */
    public float[] logits() {
        return dense[spec.layers() - 1].output();
    }

    /**
     * Training forward and backward of one batch: the gradients of the mean cross-entropy land in
     * {@link #gradients()}; returns the loss.
     */
    public double forwardBackward(float[] x, int xOff, int[] labels, int labelOff, int count) {
        return forwardBackward(x, xOff, null, 0, labels, labelOff, count);
    }

    /**
     * The same, x also given as the {@link org.dtc.core.ColumnPanels} of its rows from
     * {@code xPanels[xPanelsOff]} (null: not given), which the first layer then multiplies by
     * instead of x, forward and in its weight gradient: the same bits, the batch read from memory
     * once and not gathered into panels at every step.
     */
    public double forwardBackward(float[] x, int xOff, float[] xPanels, int xPanelsOff, int[] labels, int labelOff,
                                  int count) {
        forward(x, xOff, xPanels, xPanelsOff, count, true);
        double loss = crossEntropy.forward(count, scores(count), labels, labelOff, logProbs);
        float[] d = gradA;
        float[] spare = gradB;
        crossEntropy.backward(count, logProbs, labels, labelOff, d);
        if (batchAxisLogSoftmax) {
            crossEntropy.batchAxisBackward(count, logits(), lse, d);
        }
        for (int i = layers.length - 1; i >= 0; i--) {
            float[] in = i == 0 ? x : layers[i - 1].output();
            int inOff = i == 0 ? xOff : 0;
            float[] dx = layers[i].backward(in, inOff, i == 0 ? xPanels : null, xPanelsOff, count, d, params, grads,
                    needsInputGradient[i] ? spare : null);
            if (!needsInputGradient[i]) {
                break;
            }
            if (dx == spare) {
                spare = d;
                d = dx;
            }
        }
        return loss;
    }


    /**
     * One training step: forward, backward, optimizer update. A NaN or infinite loss stops
     * training with an exception naming {@code batchIndex}, before any parameter changes.
     */
    public double trainStep(float[] x, int xOff, int[] labels, int labelOff, int count, Optimizer optimizer,
                            long batchIndex) {
        return trainStep(x, xOff, labels, labelOff, count, optimizer, batchIndex, null);
    }

    /**
     * The same step, showing the batch to {@code observer} (unless null) between the backward
     * pass and the optimizer's update: the gradients and every layer's output are then this
     * batch's, computed at the parameters they belong to.
     */
    public double trainStep(float[] x, int xOff, int[] labels, int labelOff, int count, Optimizer optimizer,
                            long batchIndex, StepObserver observer) {
        return trainStep(x, xOff, null, 0, labels, labelOff, count, optimizer, batchIndex, observer);
    }

    /** The same step, x also given as its column panels (see {@link #forwardBackward}). */
    public double trainStep(float[] x, int xOff, float[] xPanels, int xPanelsOff, int[] labels, int labelOff,
                            int count, Optimizer optimizer, long batchIndex, StepObserver observer) {
        double loss = forwardBackward(x, xOff, xPanels, xPanelsOff, labels, labelOff, count);
        if (!Double.isFinite(loss)) {
            throw new TrainingException("loss is " + loss + " at batch " + batchIndex + "; training stopped");
        }
        if (observer != null) {
            observer.afterBackward(this, count);
        }
        optimizer.step(params, grads, layout.size());
        return loss;
    }

    /** Sees a training batch after its backward pass (see {@link #trainStep}). */
    @FunctionalInterface
    public interface StepObserver {
        void afterBackward(Mlp net, int count);
    }

    /**
     * Hidden layer j's activations (after its ReLU) from the last forward pass: count x units,
     * row-major, shared and valid until the next pass.
     */
    public float[] hiddenActivations(int j) {
        checkHidden(j);
        return norms[j + 1] != null ? norms[j + 1].output() : dense[j].output();
    }

    /**
     * Loss and accuracy over the first {@code count} samples, in batches of at most the
     * capacity, in evaluation mode: running statistics and gradients are left alone.
     */
    public Evaluation evaluate(float[] x, int[] labels, int count, int batchSize) {
        if (batchSize < 1 || batchSize > capacity) {
            throw new IllegalArgumentException("evaluation batch " + batchSize + " must be 1.." + capacity);
        }
        int classes = spec.outputs();
        long[][] confusion = new long[classes][classes];
        double lossSum = 0;
        long correct = 0;
        double accuracySum = 0;
        int batches = 0;
        for (int start = 0; start < count; start += batchSize) {
            int size = Math.min(batchSize, count - start);
            forward(x, start * spec.inputs(), size, false);
            float[] scores = scores(size);
            lossSum += size * crossEntropy.forward(size, scores, labels, start, logProbs);
            int hits = 0;
            for (int i = 0; i < size; i++) {
                int predicted = SoftmaxCrossEntropy.argmax(scores, i * classes, classes);
                confusion[labels[start + i]][predicted]++;
                if (predicted == labels[start + i]) {
                    hits++;
                }
            }
            correct += hits;
            accuracySum += (double) hits / size;
            batches++;
        }
        return new Evaluation(lossSum / count, (double) correct / count, accuracySum / batches, count, confusion);
    }

    // ---- weights for analysis ----

    /** Offset in {@link #parameters()} of the incoming weights of unit u of hidden layer j: in contiguous values. */
    public int incomingOffset(int j, int u) {
        checkUnit(j, u);
        return layout.weight()[j] + u * spec.size(j);
    }

    /** Outgoing weight k of unit u of hidden layer j: W_{j+1}[k][u]. */
    public float outgoing(int j, int u, int k) {
        checkUnit(j, u);
        return params[layout.weight()[j + 1] + k * spec.size(j + 1) + u];
    }

    /** A copy of W_j, the weights into hidden layer j: units x inputs, row-major (PyTorch's layout). */
    public float[] incomingWeights(int j) {
        checkHidden(j);
        int from = layout.weight()[j];
        return java.util.Arrays.copyOfRange(params, from, from + spec.size(j + 1) * spec.size(j));
    }

    /** A copy of W_{j+1}, the weights out of hidden layer j: next layer's units x units, row-major. */
    public float[] outgoingWeights(int j) {
        checkHidden(j);
        int from = layout.weight()[j + 1];
        return java.util.Arrays.copyOfRange(params, from, from + spec.size(j + 2) * spec.size(j + 1));
    }

    /** A copy of the batch-norm scale of hidden layer j, or null where it has none. */
    public float[] hiddenNormScale(int j) {
        checkHidden(j);
        int from = layout.gamma()[j];
        return from < 0 ? null : java.util.Arrays.copyOfRange(params, from, from + spec.size(j + 1));
    }

    /** Per unit of hidden layer j, the sum of its incoming weights (row sums of W_j). */
    public void incomingSums(int j, float[] out) {
        checkHidden(j);
        Kernels.rowSums(spec.size(j + 1), spec.size(j), params, layout.weight()[j], spec.size(j), out, 0);
    }

    /** Per unit of hidden layer j, the sum of its outgoing weights (column sums of W_{j+1}). */
    public void outgoingSums(int j, float[] out) {
        checkHidden(j);
        Kernels.columnSums(spec.size(j + 2), spec.size(j + 1), params, layout.weight()[j + 1], spec.size(j + 1),
                out, 0);
    }

    private void checkHidden(int j) {
        if (j < 0 || j >= spec.hiddenLayers()) {
            throw new IllegalArgumentException("hidden layer " + j + " does not exist: the network " + spec + " has "
                    + spec.hiddenLayers());
        }
    }

    private void checkUnit(int j, int u) {
        checkHidden(j);
        if (u < 0 || u >= spec.size(j + 1)) {
            throw new IllegalArgumentException("unit " + u + " is outside hidden layer " + j + " of " + spec.size(j + 1));
        }
    }

    // ---- neuron surgery ----

    /**
     * Keeps only the listed units of hidden layer j, in the order given (so a permutation is
     * allowed): rows of W_j, its bias and batch-norm parameters and running statistics, and the
     * columns of W_{j+1}. The optimizer's state follows the kept parameters ({@link Optimizer#remap})
     * or, with {@code resetOptimizer}, starts afresh.
     */
    public void keepUnits(int j, int[] keep, Optimizer optimizer, boolean resetOptimizer) {
        checkHidden(j);
        int width = spec.size(j + 1);
        if (keep.length == 0) {
            throw new IllegalArgumentException("cannot remove every unit of hidden layer " + j + " (" + width + " units)");
        }
        boolean[] seen = new boolean[width];
        for (int u : keep) {
            if (u < 0 || u >= width || seen[u]) {
                throw new IllegalArgumentException("units to keep must be distinct and in 0.." + (width - 1)
                        + "; got " + u);
            }
            seen[u] = true;
        }
        NetworkSpec newSpec = spec.withHidden(j, keep.length);
        ParameterLayout newLayout = ParameterLayout.of(newSpec);
        Layer[] oldLayers = layers;
        int producer = indexOf(dense[j]);
        int consumer = indexOf(dense[j + 1]);
        spec = newSpec;
        layout = newLayout;
        buildLayers();
        // Each layer maps its own parameters: the one that makes the units keeps those outputs,
        // the ones between (batch norm) those features, the one that takes them those inputs.
        int[] from = new int[newLayout.size()];
        for (int i = 0; i < layers.length; i++) {
            int[] keepInputs = i > producer && i <= consumer ? keep : null;
            int[] keepOutputs = i >= producer && i < consumer ? keep : null;
            layers[i].keepUnits(oldLayers[i], keepInputs, keepOutputs, from);
        }
        float[] newParams = new float[newLayout.size()];
        for (int i = 0; i < from.length; i++) {
            newParams[i] = params[from[i]];
        }
        params = newParams;
        grads = new float[newLayout.size()];
        if (resetOptimizer) {
            optimizer.reset(newLayout.size());
        } else {
            optimizer.remap(from);
        }
    }

    /** Removes the listed units of hidden layer j, keeping the others in their order. */
    public void removeUnits(int j, int[] remove, Optimizer optimizer, boolean resetOptimizer) {
        checkHidden(j);
        int width = spec.size(j + 1);
        boolean[] gone = new boolean[width];
        for (int u : remove) {
            if (u < 0 || u >= width) {
                throw new IllegalArgumentException("unit " + u + " is outside hidden layer " + j + " of " + width);
            }
            gone[u] = true;
        }
        int[] keep = new int[width];
        int n = 0;
        for (int u = 0; u < width; u++) {
            if (!gone[u]) {
                keep[n++] = u;
            }
        }
        keepUnits(j, java.util.Arrays.copyOf(keep, n), optimizer, resetOptimizer);
    }

    private int indexOf(Layer layer) {
        for (int i = 0; i < layers.length; i++) {
            if (layers[i] == layer) {
                return i;
            }
        }
        throw new IllegalStateException("layer not in this network");
    }
}
