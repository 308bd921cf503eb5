package org.dtc.nn;

import org.dtc.core.Epilogue;
import org.dtc.core.Kernels;
import org.dtc.core.RandomStream;

/**
 * A multi-layer perceptron, trained by hand-written backpropagation: optional batch norm on the
 * input, then for each layer a linear map, and for each hidden layer optional batch norm and a
 * ReLU; the outputs are logits, scored by softmax cross-entropy.
 *
 * <p>All parameters live in one flat float array and their gradients in another, laid out by
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

    // Running statistics of each batch norm: [0] the input's, [l + 1] hidden layer l's.
    private float[][] runningMean;
    private float[][] runningVar;

    // Work buffers, batch rows each: per layer l the linear output z, per batch norm its output,
    // xhat and 1/std, per hidden layer the ReLU output (in place over z or the batch norm output).
    private float[] inputNormed;
    private float[] inputXhat;
    private float[] inputInvstd;
    private float[][] z;
    private float[][] normed;
    private float[][] xhat;
    private float[][] invstd;
    private float[][] act;
    // Per layer, the bias and ReLU its multiply applies; rebuilt with the parameters on surgery.
    private Epilogue[] epilogues;
    private final FusedOutput fusedOutput = new FusedOutput();
    private float[] logProbs;
    private float[] shifted;
    private double[] lse;
    private SoftmaxCrossEntropy crossEntropy;
    private boolean batchAxisLogSoftmax;
    private float[] gradA;
    private float[] gradB;
    private double[] sums;

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
        this.runningMean = new float[spec.layers()][];
        this.runningVar = new float[spec.layers()][];
        resetNormStatistics();
        allocateWork();
    }

    /** What a checkpoint keeps of a network: its shape, parameters and running statistics. */
    public record State(NetworkSpec spec, float[] params, float[][] runningMean, float[][] runningVar) {}

    /** A copy of the network's shape, parameters and running statistics. */
    public State state() {
        float[][] mean = new float[runningMean.length][];
        float[][] var = new float[runningVar.length][];
        for (int i = 0; i < mean.length; i++) {
            mean[i] = runningMean[i] == null ? null : runningMean[i].clone();
            var[i] = runningVar[i] == null ? null : runningVar[i].clone();
        }
        return new State(spec, params.clone(), mean, var);
    }

    /** A network rebuilt from a saved state, with work buffers for {@code capacity} samples. */
    public static Mlp restore(State state, int capacity) {
        Mlp net = new Mlp(state.spec(), capacity);
        System.arraycopy(state.params(), 0, net.params, 0, net.params.length);
        for (int i = 0; i < state.runningMean().length; i++) {
            net.runningMean[i] = state.runningMean()[i] == null ? null : state.runningMean()[i].clone();
            net.runningVar[i] = state.runningVar()[i] == null ? null : state.runningVar()[i].clone();
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
        resetNormStatistics();
    }

    private void resetNormStatistics() {
        if (spec.inputNorm()) {
            runningMean[0] = new float[spec.inputs()];
            runningVar[0] = ones(spec.inputs());
        }
        for (int l = 0; l < spec.hiddenLayers(); l++) {
            if (spec.hiddenNorm()) {
                runningMean[l + 1] = new float[spec.size(l + 1)];
                runningVar[l + 1] = ones(spec.size(l + 1));
            }
        }
    }

    private static float[] ones(int n) {
        float[] a = new float[n];
        java.util.Arrays.fill(a, 1f);
        return a;
    }

    private void allocateWork() {
        int layers = spec.layers();
        int widest = 0;
        for (int s : spec.sizes()) {
            widest = Math.max(widest, s);
        }
        if (spec.inputNorm()) {
            inputNormed = new float[capacity * spec.inputs()];
            inputXhat = new float[capacity * spec.inputs()];
            inputInvstd = new float[spec.inputs()];
        }
        z = new float[layers][];
        normed = new float[layers][];
        xhat = new float[layers][];
        invstd = new float[layers][];
        act = new float[layers][];
        epilogues = new Epilogue[layers];
        for (int l = 0; l < layers; l++) {
            int out = spec.size(l + 1);
            // Without batch norm between them, the ReLU follows the linear layer at once: the multiply applies it.
            epilogues[l] = Linear.epilogue(params, layout.bias()[l], l < layers - 1 && !spec.hiddenNorm());
            z[l] = new float[capacity * out];
            if (l < layers - 1) {
                if (spec.hiddenNorm()) {
                    normed[l] = new float[capacity * out];
                    xhat[l] = new float[capacity * out];
                    invstd[l] = new float[out];
                }
                // The ReLU works in place: backward needs only its output (for the mask and the
                // next layer's weight gradient), never its input.
                act[l] = spec.hiddenNorm() ? normed[l] : z[l];
            }
        }
        logProbs = new float[capacity * spec.outputs()];
        shifted = new float[capacity * spec.outputs()];
        lse = new double[spec.outputs()];
        crossEntropy = new SoftmaxCrossEntropy(capacity, spec.outputs());
        gradA = new float[capacity * widest];
        gradB = new float[capacity * widest];
        sums = new double[2 * widest];
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
        return runningMean[index];
    }

    public float[] runningVar(int index) {
        return runningVar[index];
    }

    /** Multiply-adds of one forward pass per sample: the sum of in x out over the linear layers. */
    public long multiplyAddsPerSample() {
        long s = 0;
        for (int l = 0; l < spec.layers(); l++) {
            s += (long) spec.size(l) * spec.size(l + 1);
        }
        return s;
    }

    /**
     * Forward pass of {@code count} samples (rows of x from xOff); in training mode batch norm
     * uses and updates batch statistics. The logits are then in {@link #logits()}.
     */
    public void forward(float[] x, int xOff, int count, boolean training) {
        if (count < 1 || count > capacity) {
            throw new IllegalArgumentException("batch of " + count + " samples, capacity is 1.." + capacity);
        }
        if (xOff < 0 || xOff + (long) count * spec.inputs() > x.length) {
            throw new IllegalArgumentException("input of " + count + " x " + spec.inputs() + " values from offset " + xOff
                    + " does not fit in an array of " + x.length + " (network " + spec + ")");
        }
        float[] in = x;
        int inOff = xOff;
        if (spec.inputNorm()) {
            if (training) {
                BatchNorm.forwardTrain(count, spec.inputs(), x, xOff, params, layout.inputGamma(), layout.inputBeta(),
                        inputNormed, inputXhat, inputInvstd, sums, runningMean[0], runningVar[0]);
            } else {
                BatchNorm.forwardEval(count, spec.inputs(), x, xOff, params, layout.inputGamma(), layout.inputBeta(),
                        inputNormed, runningMean[0], runningVar[0]);
            }
            in = inputNormed;
            inOff = 0;
        }
        int layers = spec.layers();
        for (int l = 0; l < layers; l++) {
            int width = spec.size(l + 1);
            boolean hidden = l < layers - 1;
            if (!training && l == layers - 2 && !spec.hiddenNorm()) {
                // Evaluation: the output layer takes each band of the last hidden layer's rows in cache.
                fusedOutput.forward(count, spec.size(l), width, spec.outputs(), in, inOff, params, layout.weight()[l],
                        layout.bias()[l], z[l], layout.weight()[l + 1], layout.bias()[l + 1], z[l + 1]);
                break;
            }
            Linear.forward(count, spec.size(l), width, in, inOff, params, layout.weight()[l], z[l], epilogues[l]);
            if (!hidden) {
                break;
            }
            if (spec.hiddenNorm()) {
                if (training) {
                    BatchNorm.forwardTrain(count, width, z[l], 0, params, layout.gamma()[l], layout.beta()[l],
                            normed[l], xhat[l], invstd[l], sums, runningMean[l + 1], runningVar[l + 1]);
                } else {
                    BatchNorm.forwardEval(count, width, z[l], 0, params, layout.gamma()[l], layout.beta()[l],
                            normed[l], runningMean[l + 1], runningVar[l + 1]);
                }
                Kernels.relu(count * width, normed[l], 0, act[l], 0);
            }
            in = act[l];
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
        return z[spec.layers() - 1];
    }

    /**
     * Training forward and backward of one batch: the gradients of the mean cross-entropy land in
     * {@link #gradients()}; returns the loss.
     */
    public double forwardBackward(float[] x, int xOff, int[] labels, int labelOff, int count) {
        forward(x, xOff, count, true);
        int layers = spec.layers();
        int classes = spec.outputs();
        double loss = crossEntropy.forward(count, scores(count), labels, labelOff, logProbs);
        float[] d = gradA;
        float[] spare = gradB;
        crossEntropy.backward(count, logProbs, labels, labelOff, d);
        if (batchAxisLogSoftmax) {
            crossEntropy.batchAxisBackward(count, logits(), lse, d);
        }
        for (int l = layers - 1; l >= 0; l--) {
            float[] in = l == 0 ? (spec.inputNorm() ? inputNormed : x) : act[l - 1];
            int inOff = l == 0 && !spec.inputNorm() ? xOff : 0;
            boolean needInputGrad = l > 0 || (spec.inputNorm() && layout.inputGamma() >= 0);
            Linear.backward(count, spec.size(l), spec.size(l + 1), in, inOff, d, params, layout.weight()[l],
                    layout.bias()[l], grads, needInputGrad ? spare : null);
            if (!needInputGrad) {
                break;
            }
            float[] t = d;
            d = spare;
            spare = t;
            if (l > 0) {
                int width = spec.size(l);
                Kernels.reluBackward(count * width, act[l - 1], 0, d, 0, d, 0);
                if (spec.hiddenNorm()) {
                    BatchNorm.backward(count, width, d, xhat[l - 1], invstd[l - 1], params, layout.gamma()[l - 1],
                            layout.beta()[l - 1], grads, sums);
                }
            } else {
                BatchNorm.backward(count, spec.inputs(), d, inputXhat, inputInvstd, params, layout.inputGamma(),
                        layout.inputBeta(), grads, sums);
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
        double loss = forwardBackward(x, xOff, labels, labelOff, count);
        if (!Double.isFinite(loss)) {
            throw new TrainingException("loss is " + loss + " at batch " + batchIndex + "; training stopped");
        }
        optimizer.step(params, grads, layout.size());
        return loss;
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
                if (SoftmaxCrossEntropy.argmax(scores, i * classes, classes) == labels[start + i]) {
                    hits++;
                }
            }
            correct += hits;
            accuracySum += (double) hits / size;
            batches++;
        }
        return new Evaluation(lossSum / count, (double) correct / count, accuracySum / batches, count);
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
        int[] from = new int[newLayout.size()];
        for (int i = 0; i < from.length; i++) {
            from[i] = -1;
        }
        mapWhole(from, newLayout.inputGamma(), layout.inputGamma(), spec.inputs());
        mapWhole(from, newLayout.inputBeta(), layout.inputBeta(), spec.inputs());
        for (int l = 0; l < spec.layers(); l++) {
            int in = spec.size(l);
            int newIn = newSpec.size(l);
            for (int r = 0; r < newSpec.size(l + 1); r++) {
                int oldRow = l == j ? keep[r] : r;
                for (int c = 0; c < newIn; c++) {
                    int oldCol = l == j + 1 ? keep[c] : c;
                    from[newLayout.weight()[l] + r * newIn + c] = layout.weight()[l] + oldRow * in + oldCol;
                }
                if (newLayout.bias()[l] >= 0) {
                    from[newLayout.bias()[l] + r] = layout.bias()[l] + oldRow;
                }
                if (newLayout.gamma()[l] >= 0) {
                    from[newLayout.gamma()[l] + r] = layout.gamma()[l] + oldRow;
                    from[newLayout.beta()[l] + r] = layout.beta()[l] + oldRow;
                }
            }
        }
        float[] newParams = new float[newLayout.size()];
        for (int i = 0; i < from.length; i++) {
            newParams[i] = params[from[i]];
        }
        if (spec.hiddenNorm()) {
            runningMean[j + 1] = pick(runningMean[j + 1], keep);
            runningVar[j + 1] = pick(runningVar[j + 1], keep);
        }
        spec = newSpec;
        layout = newLayout;
        params = newParams;
        grads = new float[newLayout.size()];
        allocateWork();
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

    private static void mapWhole(int[] from, int newOff, int oldOff, int count) {
        if (newOff >= 0) {
            for (int i = 0; i < count; i++) {
                from[newOff + i] = oldOff + i;
            }
        }
    }

    private static float[] pick(float[] values, int[] keep) {
        float[] out = new float[keep.length];
        for (int i = 0; i < keep.length; i++) {
            out[i] = values[keep[i]];
        }
        return out;
    }
}
