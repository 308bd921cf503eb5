package org.dtc.nn;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.dtc.core.SafeTensors;
import org.dtc.core.SafeTensors.Tensor;

/**
 * A network as PyTorch's {@code nn.Sequential} names its state_dict: modules numbered in order,
 * ReLUs taking an index but no tensors. An {@link Mlp} is [BatchNorm1d(in)], then per linear
 * layer {@code Linear(in, out)} and, after each hidden one, [BatchNorm1d(out)] and ReLU:
 * {@code 0.weight} (out x in), {@code 0.bias}, {@code 2.weight}, ...; a batch norm as
 * {@code N.weight}, {@code N.bias} (when affine), {@code N.running_mean}, {@code N.running_var},
 * {@code N.num_batches_tracked}. The metadata says the layout ({@code dtc.arch},
 * {@code dtc.layers}); a file without it (PyTorch's own) is read from its names and shapes, with a
 * ReLU between linear layers.
 */
public final class SequentialFormat {
    /** Metadata key of the widths, as NetworkSpec.parse reads them. */
    public static final String ARCH = "dtc.arch";
    /** Metadata key of the modules in order: linear, batchnorm, relu. */
    public static final String LAYERS = "dtc.layers";

    private SequentialFormat() {}

    /** The modules of the network in nn.Sequential's order. */
    public static List<String> modules(NetworkSpec spec) {
        List<String> m = new ArrayList<>();
        if (spec.inputNorm()) {
            m.add("batchnorm");
        }
        for (int l = 0; l < spec.layers(); l++) {
            m.add("linear");
            if (l < spec.layers() - 1) {
                if (spec.hiddenNorm()) {
                    m.add("batchnorm");
                }
                m.add("relu");
            }
        }
        return m;
    }

    /** The metadata dtc writes beside the tensors. */
    public static Map<String, String> metadata(NetworkSpec spec) {
        Map<String, String> m = new LinkedHashMap<>();
        m.put(ARCH, spec.widths());
        m.put(LAYERS, String.join(",", modules(spec)));
        return m;
    }

    /** The state_dict's tensors, in module order (num_batches_tracked is 0: dtc does not count batches). */
    public static List<Tensor> tensors(Mlp.State state) {
        NetworkSpec spec = state.spec();
        ParameterLayout layout = ParameterLayout.of(spec);
        float[] p = state.params();
        List<Tensor> out = new ArrayList<>();
        int index = 0;
        if (spec.inputNorm()) {
            norm(out, index++, spec.inputs(), p, layout.inputGamma(), layout.inputBeta(), state.runningMean()[0],
                    state.runningVar()[0]);
        }
        for (int l = 0; l < spec.layers(); l++) {
            int in = spec.size(l);
            int o = spec.size(l + 1);
            out.add(Tensor.f32(index + ".weight", new long[] {o, in}, Arrays.copyOfRange(p, layout.weight()[l],
                    layout.weight()[l] + o * in)));
            if (spec.bias()) {
                out.add(Tensor.f32(index + ".bias", new long[] {o}, Arrays.copyOfRange(p, layout.bias()[l],
                        layout.bias()[l] + o)));
            }
            index++;
            if (l < spec.layers() - 1) {
                if (spec.hiddenNorm()) {
                    norm(out, index++, o, p, layout.gamma()[l], layout.beta()[l], state.runningMean()[l + 1],
                            state.runningVar()[l + 1]);
                }
                index++; // the ReLU
            }
        }
        return out;
    }

    private static void norm(List<Tensor> out, int index, int n, float[] p, int gamma, int beta, float[] mean,
                             float[] var) {
        if (gamma >= 0) {
            out.add(Tensor.f32(index + ".weight", new long[] {n}, Arrays.copyOfRange(p, gamma, gamma + n)));
            out.add(Tensor.f32(index + ".bias", new long[] {n}, Arrays.copyOfRange(p, beta, beta + n)));
        }
        out.add(Tensor.f32(index + ".running_mean", new long[] {n}, mean));
        out.add(Tensor.f32(index + ".running_var", new long[] {n}, var));
        out.add(new Tensor(index + ".num_batches_tracked", "I64", new long[0], new double[1]));
    }

    /**
     * The network a state_dict describes. Refused, naming the tensor or module: names that are not
     * nn.Sequential's, modules other than Linear and BatchNorm1d, shapes that do not chain, a bias
     * on some linear layers only, batch norm after some hidden layers only, or a layout that
     * disagrees with the metadata.
     */
    public static Mlp.State read(SafeTensors.Contents contents) {
        TreeMap<Integer, Map<String, Tensor>> modules = new TreeMap<>();
        for (Tensor t : contents.tensors()) {
            int dot = t.name().indexOf('.');
            int index;
            try {
                index = dot < 0 ? -1 : Integer.parseInt(t.name().substring(0, dot));
            } catch (NumberFormatException e) {
                index = -1;
            }
            if (index < 0) {
                throw new IllegalArgumentException("tensor '" + t.name() + "' is not named as nn.Sequential names "
                        + "its modules' tensors (<index>.weight, <index>.bias, ...)");
            }
            modules.computeIfAbsent(index, k -> new LinkedHashMap<>()).put(t.name().substring(dot + 1), t);
        }
        if (modules.isEmpty()) {
            throw new IllegalArgumentException("no tensors: not a network");
        }
        List<String> kinds = new ArrayList<>();
        List<Map<String, Tensor>> found = new ArrayList<>();
        for (Map.Entry<Integer, Map<String, Tensor>> e : modules.entrySet()) {
            Map<String, Tensor> m = e.getValue();
            String kind = m.containsKey("running_mean") ? "batchnorm"
                    : m.containsKey("weight") && m.get("weight").shape().length == 2 ? "linear" : null;
            if (kind == null) {
                throw new IllegalArgumentException("module " + e.getKey() + " (" + String.join(", ", m.keySet())
                        + ") is neither Linear nor BatchNorm1d: dtc reads networks of Linear, BatchNorm1d and ReLU");
            }
            kinds.add(kind);
            found.add(m);
        }
        return build(kinds, found, contents.metadata());
    }

    private static Mlp.State build(List<String> kinds, List<Map<String, Tensor>> modules, Map<String, String> metadata) {
        boolean inputNorm = kinds.get(0).equals("batchnorm");
        List<Integer> widths = new ArrayList<>();
        List<Map<String, Tensor>> linears = new ArrayList<>();
        List<Map<String, Tensor>> norms = new ArrayList<>();
        int hiddenNorms = 0;
        for (int i = 0; i < kinds.size(); i++) {
            if (kinds.get(i).equals("linear")) {
                Tensor w = modules.get(i).get("weight");
                if (widths.isEmpty()) {
                    widths.add((int) w.shape()[1]);
                } else if (w.shape()[1] != widths.get(widths.size() - 1)) {
                    throw new IllegalArgumentException("linear layer " + linears.size() + " takes " + w.shape()[1]
                            + " inputs, the layer before gives " + widths.get(widths.size() - 1));
                }
                widths.add((int) w.shape()[0]);
                linears.add(modules.get(i));
            } else {
                if (i > 0 && (kinds.get(i - 1).equals("batchnorm") || i == kinds.size() - 1)) {
                    throw new IllegalArgumentException("batch norm module " + i + " does not follow a hidden linear "
                            + "layer: dtc's networks have one on the input or one after each hidden linear layer");
                }
                hiddenNorms += i > 0 ? 1 : 0;
                norms.add(modules.get(i));
            }
        }
        if (linears.isEmpty()) {
            throw new IllegalArgumentException("no linear layer: not a network dtc reads");
        }
        boolean hiddenNorm = hiddenNorms > 0;
        if (hiddenNorm && hiddenNorms != linears.size() - 1) {
            throw new IllegalArgumentException("batch norm after " + hiddenNorms + " of the " + (linears.size() - 1)
                    + " hidden linear layers: dtc's networks have it after every hidden layer or after none");
        }
        boolean bias = linears.get(0).containsKey("bias");
        for (Map<String, Tensor> l : linears) {
            if (l.containsKey("bias") != bias) {
                throw new IllegalArgumentException("a bias on some linear layers only: dtc's networks have one on "
                        + "every linear layer or on none");
            }
        }
        boolean affine = norms.isEmpty() || norms.get(0).containsKey("weight");
        for (Map<String, Tensor> n : norms) {
            if (n.containsKey("weight") != affine) {
                throw new IllegalArgumentException("batch norms with and without scale and shift: dtc's are all "
                        + "affine or none");
            }
        }
        NetworkSpec spec = new NetworkSpec(widths.stream().mapToInt(Integer::intValue).toArray(), bias, inputNorm,
                hiddenNorm, affine);
        checkMetadata(spec, metadata);
        return fill(spec, linears, norms);
    }

    private static void checkMetadata(NetworkSpec spec, Map<String, String> metadata) {
        String arch = metadata.get(ARCH);
        String layers = metadata.get(LAYERS);
        if (arch != null && !arch.equals(spec.widths())) {
            throw new IllegalArgumentException("the metadata says " + ARCH + " " + arch + ", the tensors "
                    + spec.widths());
        }
        if (layers != null && !layers.equals(String.join(",", modules(spec)))) {
            throw new IllegalArgumentException("the metadata says " + LAYERS + " " + layers + ", the tensors "
                    + String.join(",", modules(spec)) + " (dtc reads Linear, BatchNorm1d and ReLU)");
        }
    }

    private static Mlp.State fill(NetworkSpec spec, List<Map<String, Tensor>> linears, List<Map<String, Tensor>> norms) {
        ParameterLayout layout = ParameterLayout.of(spec);
        float[] params = new float[layout.size()];
        float[][] mean = new float[spec.layers()][];
        float[][] var = new float[spec.layers()][];
        for (int l = 0; l < spec.layers(); l++) {
            put(params, layout.weight()[l], linears.get(l).get("weight"), (long) spec.size(l + 1) * spec.size(l));
            if (spec.bias()) {
                put(params, layout.bias()[l], require(linears.get(l), "bias"), spec.size(l + 1));
            }
        }
        int n = 0;
        if (spec.inputNorm()) {
            readNorm(norms.get(n++), params, layout.inputGamma(), layout.inputBeta(), spec.inputs(), mean, var, 0);
        }
        for (int l = 0; spec.hiddenNorm() && l < spec.layers() - 1; l++) {
            readNorm(norms.get(n++), params, layout.gamma()[l], layout.beta()[l], spec.size(l + 1), mean, var, l + 1);
        }
        return new Mlp.State(spec, params, mean, var);
    }

    private static void readNorm(Map<String, Tensor> norm, float[] params, int gamma, int beta, int features,
                                 float[][] mean, float[][] var, int index) {
        if (gamma >= 0) {
            put(params, gamma, require(norm, "weight"), features);
            put(params, beta, require(norm, "bias"), features);
        }
        mean[index] = values(require(norm, "running_mean"), features);
        var[index] = values(require(norm, "running_var"), features);
    }

    private static Tensor require(Map<String, Tensor> module, String name) {
        Tensor t = module.get(name);
        if (t == null) {
            throw new IllegalArgumentException("a module with " + String.join(", ", module.keySet()) + " has no "
                    + name);
        }
        return t;
    }

    private static float[] values(Tensor t, long count) {
        if (t.values().length != count) {
            throw new IllegalArgumentException("tensor '" + t.name() + "' has " + t.values().length + " values, the "
                    + "network needs " + count + " there");
        }
        return t.floats();
    }

    private static void put(float[] params, int offset, Tensor t, long count) {
        System.arraycopy(values(t, count), 0, params, offset, (int) count);
    }
}
