package org.dtc.export;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.dtc.core.SafeTensors;
import org.dtc.nn.Mlp;
import org.dtc.nn.SequentialFormat;
import org.junit.jupiter.api.Test;

/**
 * ONNX files against the ONNX project's checker and runtime (src-test-data/safetensors/onnx_check.py):
 * dtc still writes the bytes that passed check_model, and onnxruntime's outputs on them are ours.
 */
class OnnxExportTest {
    private static final Path DIR = Path.of("../src-test-data/safetensors");

    private static Mlp.State model(String name) throws IOException {
        return SequentialFormat.read(SafeTensors.read(DIR.resolve(name + ".safetensors")));
    }

    private static Map<String, double[]> runtime() throws IOException {
        Map<String, double[]> m = new HashMap<>();
        for (String line : Files.readAllLines(DIR.resolve("onnx-outputs.txt"))) {
            String[] f = line.split(" ");
            double[] v = new double[f.length - 1];
            for (int i = 0; i < v.length; i++) {
                v[i] = Double.parseDouble(f[i + 1]);
            }
            m.put(f[0], v);
        }
        return m;
    }

    /** Our logits of the 4 x 6 inputs, and their log-softmax per row in double precision. */
    private static double[] ours(Mlp.State state, boolean logSoftmax) throws IOException {
        String[] f = Files.readString(DIR.resolve("inputs.txt")).strip().split(" ");
        float[] x = new float[f.length];
        for (int i = 0; i < x.length; i++) {
            x[i] = Float.parseFloat(f[i]);
        }
        Mlp net = Mlp.restore(state, 4);
        net.forward(x, 0, 4, false);
        double[] y = new double[12];
        for (int r = 0; r < 4; r++) {
            double max = Double.NEGATIVE_INFINITY;
            for (int c = 0; c < 3; c++) {
                y[r * 3 + c] = net.logits()[r * 3 + c];
                max = Math.max(max, y[r * 3 + c]);
            }
            double sum = 0;
            for (int c = 0; c < 3; c++) {
                sum += Math.exp(y[r * 3 + c] - max);
            }
            for (int c = 0; logSoftmax && c < 3; c++) {
                y[r * 3 + c] -= max + Math.log(sum);
            }
        }
        return y;
    }

    @Test
    void theRuntimeRunsWhatWeWriteAndGivesOurOutputs() throws IOException {
        Map<String, double[]> runtime = runtime();
        String[][] cases = {{"linear", "dtc-linear-logits", "LOGITS"}, {"norms", "dtc-norms-log-probs", "LOG_PROBS"}};
        for (String[] c : cases) {
            Mlp.State state = model(c[0]);
            OnnxExport.Output output = OnnxExport.Output.valueOf(c[2]);
            // The bytes onnx_check.py checked and ran (a change here re-runs the script).
            assertThat(OnnxExport.bytes(state, output)).as(c[1])
                    .isEqualTo(Files.readAllBytes(DIR.resolve(c[1] + ".onnx")));
            double[] expected = runtime.get(c[1]);
            double[] actual = ours(state, output == OnnxExport.Output.LOG_PROBS);
            for (int i = 0; i < expected.length; i++) {
                // Float32 on both sides, the sums in other orders (see SequentialFormatTest).
                assertThat(actual[i]).as(c[1] + " " + i).isCloseTo(expected[i], within(2e-6));
            }
        }
    }
}
