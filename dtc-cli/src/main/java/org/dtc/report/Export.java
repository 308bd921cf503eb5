package org.dtc.report;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.dtc.core.Json;
import org.dtc.core.Npy;
import org.dtc.engine.CycleRecord;
import org.dtc.nn.Mlp;
import org.dtc.nn.NetworkSpec;
import org.dtc.nn.ParameterLayout;

/**
 * {@code --export}: a run's measurement vectors, scores and final pruned network as .npy files a
 * numpy user loads with {@code np.load}, described by export.json. One folder per strategy and
 * seed: {@code cycleNN-layerJ-y_prev.npy}, {@code -y_next.npy}, {@code -scores.npy} (float64), and
 * {@code network/} with each layer's weight (out x in, float32), bias and batch-norm tensors.
 */
public final class Export {
    private Export() {}

    /** Writes one run's files under dir/export/<strategy>-seed<seed>/ and returns their description. */
    public static Map<String, Object> write(Path dir, List<CycleRecord> records, Mlp network) throws IOException {
        CycleRecord first = records.get(0);
        Path out = dir.resolve("export").resolve(first.strategy() + "-seed" + first.seed());
        Files.createDirectories(out.resolve("network"));
        List<Map<String, Object>> files = new ArrayList<>();
        for (CycleRecord r : records) {
            for (int j = 0; j < r.layers().size(); j++) {
                CycleRecord.Layer l = r.layers().get(j);
                String stem = String.format(Locale.ROOT, "cycle%02d-layer%d-", r.cycle(), j);
                files.add(vector(out, stem + "y_prev.npy", l.measuredIncoming(),
                        "measurement of the incoming weight-ray sums of hidden layer " + j + " (width " + l.width() + ")"));
                files.add(vector(out, stem + "y_next.npy", l.measuredOutgoing(),
                        "measurement of the outgoing weight-ray sums of hidden layer " + j));
                if (l.scores() != null) {
                    files.add(vector(out, stem + "scores.npy", l.scores(), "the strategy's score of each unit"));
                }
            }
        }
        NetworkSpec spec = network.spec();
        ParameterLayout layout = network.layout();
        float[] p = network.parameters();
        for (int l = 0; l < spec.layers(); l++) {
            int in = spec.size(l);
            int outWidth = spec.size(l + 1);
            files.add(tensor(out, "network/W" + l + ".npy", p, layout.weight()[l], new int[] {outWidth, in},
                    "weight of linear layer " + l + ", out x in (PyTorch's layout)"));
            if (layout.bias()[l] >= 0) {
                files.add(tensor(out, "network/b" + l + ".npy", p, layout.bias()[l], new int[] {outWidth},
                        "bias of linear layer " + l));
            }
            if (layout.gamma()[l] >= 0) {
                files.add(tensor(out, "network/gamma" + l + ".npy", p, layout.gamma()[l], new int[] {outWidth},
                        "batch-norm scale after linear layer " + l));
                files.add(tensor(out, "network/beta" + l + ".npy", p, layout.beta()[l], new int[] {outWidth},
                        "batch-norm shift after linear layer " + l));
            }
        }
        // The same network as PyTorch loads it into nn.Sequential.
        org.dtc.model.ModelFile.write(out.resolve("model.safetensors"), network.state());
        Map<String, Object> model = new LinkedHashMap<>();
        model.put("file", "model.safetensors");
        model.put("description", "the final network as PyTorch's nn.Sequential state_dict (dtc eval, dtc prune "
                + "and safetensors.torch.load_file read it)");
        files.add(model);
        Map<String, Object> description = new LinkedHashMap<>();
        description.put("strategy", first.strategy());
        description.put("seed", first.seed());
        description.put("network", spec.toString());
        description.put("files", files);
        ResultFiles.write(out.resolve("export.json"), Json.of(description) + "\n");
        return description;
    }

    private static Map<String, Object> vector(Path dir, String name, double[] v, String what) throws IOException {
        Npy.write(dir.resolve(name), new int[] {v.length}, v);
        return entry(name, new int[] {v.length}, "float64", what);
    }

    private static Map<String, Object> tensor(Path dir, String name, float[] p, int offset, int[] shape, String what)
            throws IOException {
        int n = 1;
        for (int d : shape) {
            n *= d;
        }
        float[] values = java.util.Arrays.copyOfRange(p, offset, offset + n);
        Npy.write(dir.resolve(name), shape, values);
        return entry(name, shape, "float32", what);
    }

    private static Map<String, Object> entry(String name, int[] shape, String dtype, String what) {
        Map<String, Object> e = new LinkedHashMap<>();
        e.put("file", name);
        e.put("shape", shape);
        e.put("dtype", dtype);
        e.put("description", what);
        return e;
    }
}
