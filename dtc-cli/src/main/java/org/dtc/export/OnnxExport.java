package org.dtc.export;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.dtc.core.AtomicFile;
import org.dtc.core.SafeTensors.Tensor;
import org.dtc.nn.Mlp;
import org.dtc.nn.NetworkSpec;
import org.dtc.nn.SequentialFormat;

/**
 * A network as an ONNX model (opset 17, IR version 8) that ONNX runtimes run unchanged: input
 * {@code input} (float, batch x features, the batch axis dynamic), per linear layer a Gemm with
 * the weight transposed as PyTorch stores it, BatchNormalization in its inference form (running
 * statistics, epsilon 1e-5), Relu, and output {@code output}: the logits, or their LogSoftmax.
 * Initializers carry nn.Sequential's names ({@code 1.weight}, ...), as in the .safetensors file.
 */
public final class OnnxExport {
    /** What the graph ends with. */
    public enum Output {
        LOGITS, LOG_PROBS
    }

    static final int OPSET = 17;
    static final int IR_VERSION = 8;
    private static final int FLOAT = 1;
    private static final int ATTRIBUTE_FLOAT = 1;
    private static final int ATTRIBUTE_INT = 2;
    private static final float EPSILON = 1e-5f;

    private OnnxExport() {}

    /** Writes the model whole or not at all. */
    public static void write(Path file, Mlp.State model, Output output) throws IOException {
        AtomicFile.write(file, bytes(model, output));
    }

    /** The ONNX ModelProto's bytes. */
    public static byte[] bytes(Mlp.State model, Output output) {
        NetworkSpec spec = model.spec();
        List<Tensor> tensors = SequentialFormat.tensors(model);
        Proto graph = new Proto().string(2, "dtc " + spec.widths());
        List<String> modules = SequentialFormat.modules(spec);
        String x = "input";
        int lastLinear = modules.lastIndexOf("linear");
        for (int i = 0; i < modules.size(); i++) {
            String y = i == lastLinear && output == Output.LOGITS ? "output" : modules.get(i) + i;
            switch (modules.get(i)) {
                case "linear" -> {
                    List<String> in = new ArrayList<>(List.of(x, initializer(graph, tensors, i + ".weight")));
                    if (spec.bias()) {
                        in.add(initializer(graph, tensors, i + ".bias"));
                    }
                    graph.message(1, node("Gemm", "linear" + i, in, y).message(5, intAttribute("transB", 1)));
                }
                case "batchnorm" -> {
                    int features = (int) find(tensors, i + ".running_mean").shape()[0];
                    String scale = find(tensors, i + ".weight") != null ? initializer(graph, tensors, i + ".weight")
                            : constant(graph, i + ".weight", features, 1f);
                    String shift = find(tensors, i + ".bias") != null ? initializer(graph, tensors, i + ".bias")
                            : constant(graph, i + ".bias", features, 0f);
                    graph.message(1, node("BatchNormalization", "batchnorm" + i, List.of(x, scale, shift,
                            initializer(graph, tensors, i + ".running_mean"), initializer(graph, tensors,
                                    i + ".running_var")), y).message(5, new Proto().string(1, "epsilon")
                            .float32(2, EPSILON).int64(20, ATTRIBUTE_FLOAT)));
                }
                case "relu" -> graph.message(1, node("Relu", "relu" + i, List.of(x), y));
                default -> throw new IllegalStateException(modules.get(i));
            }
            x = y;
        }
        if (output == Output.LOG_PROBS) {
            graph.message(1, node("LogSoftmax", "log_softmax", List.of(x), "output").message(5,
                    intAttribute("axis", 1)));
        }
        graph.message(11, valueInfo("input", spec.inputs()));
        graph.message(12, valueInfo("output", spec.outputs()));
        return new Proto().int64(1, IR_VERSION).string(2, "dtc").message(7, graph)
                .message(8, new Proto().string(1, "").int64(2, OPSET)).toBytes();
    }

    private static Proto node(String op, String name, List<String> inputs, String output) {
        Proto n = new Proto();
        for (String in : inputs) {
            n.string(1, in);
        }
        return n.string(2, output).string(3, name).string(4, op);
    }

    private static Proto intAttribute(String name, long value) {
        return new Proto().string(1, name).int64(3, value).int64(20, ATTRIBUTE_INT);
    }

    private static Tensor find(List<Tensor> tensors, String name) {
        return tensors.stream().filter(t -> t.name().equals(name)).findFirst().orElse(null);
    }

    /** Adds the state_dict's tensor of that name as an initializer; returns its name. */
    private static String initializer(Proto graph, List<Tensor> tensors, String name) {
        Tensor t = find(tensors, name);
        graph.message(5, tensor(name, t.shape(), t.floats()));
        return name;
    }

    /** An initializer of n equal values (a batch norm without learnt scale or shift). */
    private static String constant(Proto graph, String name, int n, float value) {
        float[] v = new float[n];
        Arrays.fill(v, value);
        graph.message(5, tensor(name, new long[] {n}, v));
        return name;
    }

    private static Proto tensor(String name, long[] shape, float[] values) {
        Proto t = new Proto();
        for (long d : shape) {
            t.int64(1, d);
        }
        ByteBuffer raw = ByteBuffer.allocate(4 * values.length).order(ByteOrder.LITTLE_ENDIAN);
        for (float v : values) {
            raw.putFloat(v);
        }
        return t.int64(2, FLOAT).string(8, name).bytes(9, raw.array());
    }

    /** A float tensor of batch x features, the batch axis named and free. */
    private static Proto valueInfo(String name, int features) {
        Proto shape = new Proto().message(1, new Proto().string(2, "batch")).message(1, new Proto().int64(1, features));
        Proto tensorType = new Proto().int64(1, FLOAT).message(2, shape);
        return new Proto().string(1, name).message(2, new Proto().message(1, tensorType));
    }
}
