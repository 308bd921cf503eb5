package org.dtc.nn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.dtc.core.SafeTensors;
import org.junit.jupiter.api.Test;

/**
 * Networks in and out as PyTorch's nn.Sequential state_dicts (src-test-data/safetensors, by
 * generate.py there): PyTorch's files give PyTorch's logits, and the files dtc writes load into
 * nn.Sequential strictly and give the same logits there.
 */
class SequentialFormatTest {
    private static final Path DIR = Path.of("../src-test-data/safetensors");

    private static Map<String, double[]> lines(String file) throws IOException {
        Map<String, double[]> m = new HashMap<>();
        for (String line : Files.readAllLines(DIR.resolve(file))) {
            String[] f = line.split(" ");
            double[] v = new double[f.length - 1];
            for (int i = 0; i < v.length; i++) {
                v[i] = Double.parseDouble(f[i + 1]);
            }
            m.put(f[0], v);
        }
        return m;
    }

    private static float[] inputs() throws IOException {
        String[] f = Files.readString(DIR.resolve("inputs.txt")).strip().split(" ");
        float[] x = new float[f.length];
        for (int i = 0; i < x.length; i++) {
            x[i] = Float.parseFloat(f[i]);
        }
        return x;
    }

    private static float[] logits(Mlp.State state) throws IOException {
        Mlp net = Mlp.restore(state, 4);
        net.forward(inputs(), 0, 4, false);
        return java.util.Arrays.copyOf(net.logits(), 4 * 3);
    }

    /**
     * Float32 logits of a 6-5-3 network computed in another order of the same sums: each side
     * rounds about 1e-7 relative per operation over a few dozen operations, on values below 1.
     */
    private static void assertClose(String what, float[] actual, double[] expected) {
        assertThat(actual).hasSize(expected.length);
        for (int i = 0; i < actual.length; i++) {
            assertThat((double) actual[i]).as(what + " logit " + i).isCloseTo(expected[i],
                    org.assertj.core.data.Offset.offset(2e-6));
        }
    }

    @Test
    void pyTorchsFilesGivePyTorchsLogits() throws IOException {
        Map<String, double[]> torch = lines("logits.txt");
        Mlp.State linear = SequentialFormat.read(SafeTensors.read(DIR.resolve("linear.safetensors")));
        assertThat(linear.spec()).isEqualTo(NetworkSpec.parse("6-5-3").withBias(true));
        assertClose("linear", logits(linear), torch.get("linear"));
        Mlp.State norms = SequentialFormat.read(SafeTensors.read(DIR.resolve("norms.safetensors")));
        assertThat(norms.spec()).isEqualTo(NetworkSpec.parse("6-5-3").withInputNorm(true).withHiddenNorm(true));
        assertClose("norms", logits(norms), torch.get("norms"));
    }

    @Test
    void dtcsFilesLoadIntoNnSequentialStrictlyAndGiveTheSameLogits() throws IOException {
        Map<String, double[]> loaded = lines("dtc-logits.txt");
        for (String name : List.of("linear", "norms")) {
            Mlp.State state = SequentialFormat.read(SafeTensors.read(DIR.resolve(name + ".safetensors")));
            byte[] bytes = SafeTensors.bytes(SequentialFormat.tensors(state), SequentialFormat.metadata(state.spec()));
            // The bytes generate.py loaded into nn.Sequential (a change here re-runs the script).
            assertThat(bytes).as(name).isEqualTo(Files.readAllBytes(DIR.resolve("dtc-" + name + ".safetensors")));
            assertClose(name + " in PyTorch", logits(state), loaded.get(name));
        }
    }

    @Test
    void aNetworkGoesOutAndComesBackToTheBit(@org.junit.jupiter.api.io.TempDir Path dir) throws IOException {
        for (NetworkSpec spec : List.of(NetworkSpec.parse("784-46-10"), NetworkSpec.parse("20-9-7-3").withBias(true),
                NetworkSpec.parse("20-9-3").withInputNorm(true).withHiddenNorm(true).withAffine(false))) {
            Mlp net = new Mlp(spec, 8);
            net.initialize(Init.XAVIER_NORMAL, 1.0, 3);
            Mlp.State state = net.state();
            Path file = dir.resolve("m.safetensors");
            SafeTensors.write(file, SequentialFormat.tensors(state), SequentialFormat.metadata(spec));
            SafeTensors.Contents contents = SafeTensors.read(file);
            assertThat(contents.metadata().get(SequentialFormat.ARCH)).isEqualTo(spec.widths());
            Mlp.State back = SequentialFormat.read(contents);
            assertThat(back.spec()).isEqualTo(spec);
            assertThat(back.params()).isEqualTo(state.params());
            assertThat(back.runningMean()).isDeepEqualTo(state.runningMean());
            assertThat(back.runningVar()).isDeepEqualTo(state.runningVar());
        }
    }

    private static SafeTensors.Contents contents(Map<String, String> metadata, SafeTensors.Tensor... tensors) {
        return new SafeTensors.Contents(List.of(tensors), metadata);
    }

    private static SafeTensors.Tensor t(String name, long... shape) {
        long n = 1;
        for (long d : shape) {
            n *= d;
        }
        return new SafeTensors.Tensor(name, "F32", shape, new double[(int) n]);
    }

    @Test
    void layoutsDtcCannotRunAreRefusedByName() {
        Map<String, String> none = Map.of();
        assertThatThrownBy(() -> SequentialFormat.read(contents(none, t("fc1.weight", 5, 6))))
                .hasMessage("tensor 'fc1.weight' is not named as nn.Sequential names its modules' tensors "
                        + "(<index>.weight, <index>.bias, ...)");
        assertThatThrownBy(() -> SequentialFormat.read(contents(none, t("0.weight", 4, 1, 3, 3), t("2.weight", 3, 4))))
                .hasMessageContaining("module 0 (weight) is neither Linear nor BatchNorm1d");
        assertThatThrownBy(() -> SequentialFormat.read(contents(none, t("0.weight", 5, 6), t("2.weight", 3, 4))))
                .hasMessage("linear layer 1 takes 4 inputs, the layer before gives 5");
        assertThatThrownBy(() -> SequentialFormat.read(contents(none, t("0.weight", 5, 6), t("0.bias", 5),
                t("2.weight", 3, 5)))).hasMessageContaining("a bias on some linear layers only");
        assertThatThrownBy(() -> SequentialFormat.read(contents(Map.of(SequentialFormat.ARCH, "6-7-3"),
                t("0.weight", 5, 6), t("2.weight", 3, 5)))).hasMessage("the metadata says dtc.arch 6-7-3, the tensors 6-5-3");
        assertThatThrownBy(() -> SequentialFormat.read(contents(none, t("0.weight", 5, 6), t("2.weight", 4, 5),
                t("3.running_mean", 4), t("3.running_var", 4), t("4.weight", 3, 4), t("6.weight", 2, 3))))
                .hasMessageContaining("batch norm after 1 of the 3 hidden linear layers");
        List<SafeTensors.Tensor> wrongCount = new ArrayList<>(List.of(t("0.weight", 5, 6), t("2.weight", 3, 5)));
        wrongCount.set(1, new SafeTensors.Tensor("2.weight", "F32", new long[] {3, 5}, new double[14]));
        assertThatThrownBy(() -> SequentialFormat.read(new SafeTensors.Contents(wrongCount, none)))
                .hasMessage("tensor '2.weight' has 14 values, the network needs 15 there");
    }
}
