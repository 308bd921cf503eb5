package org.dtc.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.dtc.core.Json;
import org.dtc.core.SafeTensors;
import org.dtc.data.DataFolder;
import org.dtc.data.DatasetSpec;
import org.dtc.data.TrainTest;
import org.dtc.model.ModelFile;
import org.dtc.nn.Evaluation;
import org.dtc.nn.Mlp;
import org.dtc.nn.NetworkSpec;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** dtc train, eval and prune on small synthetic IDX data: models out, back in, smaller, and bad files refused. */
class ModelCommandsTest {
    @TempDir
    static Path dir;
    private static Path data;

    @BeforeAll
    static void writeData() throws IOException {
        data = Files.createDirectories(dir.resolve("data"));
        SyntheticIdx.writeData(data);
    }

    private static List<String> with(String command, String... more) {
        List<String> a = new ArrayList<>(List.of(command, "--dataset", "custom", "--data", data.toString()));
        a.addAll(List.of(more));
        return a;
    }

    private static TrainTest loaded() {
        return new DataFolder(DatasetSpec.named("custom"), data).load(DatasetSpec.named("custom").normalization());
    }

    @Test
    void trainEvalPruneAndTheFilesBetweenThem() throws IOException {
        Path dense = dir.resolve("dense.safetensors");
        Dtc train = Dtc.run(with("train", "--arch", "36-24-3", "--batches", "60", "--batch-size", "32", "--preset",
                "paper", "--bias", "true", "--out", dense.toString()));
        assertThat(train.status()).as(train.err()).isZero();
        assertThat(train.out()).contains("36-24-3 on custom, 60 batches of 32: test accuracy");

        // The file as PyTorch reads it: the metadata and nn.Sequential's names.
        SafeTensors.Contents contents = SafeTensors.read(dense);
        assertThat(contents.metadata()).containsEntry("dtc.arch", "36-24-3")
                .containsEntry("dtc.layers", "batchnorm,linear,relu,linear");
        assertThat(contents.tensors()).extracting(SafeTensors.Tensor::name).contains("0.running_mean", "1.weight",
                "1.bias", "3.weight", "3.bias");

        // eval --json gives what the model read back gives, to the bit.
        Dtc eval = Dtc.run(with("eval", "--model", dense.toString(), "--json"));
        assertThat(eval.status()).as(eval.err()).isZero();
        Map<?, ?> json = (Map<?, ?>) Json.parse(eval.out().strip());
        Mlp net = Mlp.restore(ModelFile.read(dense), 1000);
        TrainTest test = loaded();
        Evaluation e = net.evaluate(test.test().inputs(), test.test().labels(), test.test().count(), 1000);
        assertThat(json.get("accuracy")).isEqualTo(e.accuracy());
        assertThat(json.get("loss")).isEqualTo(e.loss());
        assertThat(e.accuracy()).as("three bright bands are easy").isGreaterThan(0.9);
        assertThat(json.get("params")).isEqualTo((long) (2 * 36 + 36 * 24 + 24 + 24 * 3 + 3));
        assertThat((List<?>) json.get("confusion")).hasSize(3);
        assertThat(((Number) json.get("samples_per_second")).doubleValue()).isPositive();

        Path small = dir.resolve("small.safetensors");
        Dtc prune = Dtc.run(with("prune", "--model", dense.toString(), "--to-hidden", "8", "--criterion", "magnitude",
                "--fine-tune-batches", "10", "--batch-size", "32", "--preset", "paper", "--out", small.toString()));
        assertThat(prune.status()).as(prune.err()).isZero();
        assertThat(prune.out()).contains("before: 36-24-3", "after:  36-8-3");
        // 24 units less the preset's 10% a step, as the notebooks count (21, 18, 16, 14, 12, 10, 9, 8): a line a step.
        assertThat(prune.err().lines().filter(l -> l.startsWith("step "))).hasSize(8);
        assertThat(ModelFile.read(small).spec()).isEqualTo(NetworkSpec.parse("36-8-3").withBias(true)
                .withInputNorm(true));

        Path once = dir.resolve("once.safetensors");
        Dtc oneShot = Dtc.run(with("prune", "--model", dense.toString(), "--sparsity", "0.5", "--schedule", "one-shot",
                "--criterion", "dtc", "--fine-tune-batches", "10", "--batch-size", "32", "--preset", "paper", "--out",
                once.toString()));
        assertThat(oneShot.status()).as(oneShot.err()).isZero();
        assertThat(oneShot.err().lines().filter(l -> l.startsWith("step "))).hasSize(1);
        assertThat(ModelFile.read(once).spec().widths()).isEqualTo("36-12-3");

        // The same prune written as ONNX: the model OnnxExport makes of the pruned network.
        Path onnx = dir.resolve("once.onnx");
        Dtc toOnnx = Dtc.run(with("prune", "--model", dense.toString(), "--sparsity", "0.5", "--schedule", "one-shot",
                "--criterion", "dtc", "--fine-tune-batches", "10", "--batch-size", "32", "--preset", "paper", "--out",
                onnx.toString(), "--onnx-output", "log-probs"));
        assertThat(toOnnx.status()).as(toOnnx.err()).isZero();
        assertThat(Files.readAllBytes(onnx)).isEqualTo(org.dtc.export.OnnxExport.bytes(ModelFile.read(once),
                org.dtc.export.OnnxExport.Output.LOG_PROBS));
        assertThat(Dtc.run(with("prune", "--model", dense.toString(), "--sparsity", "0.5", "--format", "onnx",
                "--out", dir.resolve("x.safetensors").toString())).err())
                .isEqualTo("dtc: --format onnx and --out " + dir.resolve("x.safetensors") + " disagree: name the file .onnx");
    }

    @Test
    void badModelsAndMisfitsAreRefusedInOneLineWithNothingWritten() throws IOException {
        Path out = dir.resolve("never.safetensors");
        Path truncated = dir.resolve("truncated.safetensors");
        byte[] good = Files.readAllBytes(Path.of("../src-test-data/safetensors/linear.safetensors"));
        Files.write(truncated, java.util.Arrays.copyOf(good, good.length - 5));
        Path conv = dir.resolve("conv.safetensors");
        SafeTensors.write(conv, List.of(new SafeTensors.Tensor("0.weight", "F32", new long[] {2, 1, 3, 3},
                new double[18]), new SafeTensors.Tensor("2.weight", "F32", new long[] {3, 2}, new double[6])), Map.of());
        Path text = dir.resolve("model.pt");
        Files.writeString(text, "not a model");
        String[][] cases = {
            {truncated.toString(), "truncated.safetensors: tensor '2.weight': data_offsets [152, 212] run past the data "
                + "(207 bytes): truncated file"},
            {conv.toString(), "conv.safetensors: module 0 (weight) is neither Linear nor BatchNorm1d"},
            {text.toString(), "model.pt: dtc reads models from .safetensors files"},
            // PyTorch's 6-input network on 36-pixel images.
            {"../src-test-data/safetensors/linear.safetensors", "linear.safetensors takes 6 inputs; custom has 36 per "
                + "sample"},
        };
        for (String[] c : cases) {
            for (List<String> args : List.of(with("eval", "--model", c[0]), with("prune", "--model", c[0],
                    "--to-hidden", "2", "--out", out.toString()))) {
                Dtc r = Dtc.run(args);
                assertThat(r.status()).as(args.toString()).isEqualTo(1);
                assertThat(r.err()).as(args.toString()).startsWith("dtc: ").contains(c[1]).doesNotContain("\n");
                assertThat(out).doesNotExist();
            }
        }
        Files.writeString(out, "earlier");
        Dtc existing = Dtc.run(with("train", "--batches", "1", "--arch", "36-24-3", "--out", out.toString()));
        assertThat(existing.err()).isEqualTo("dtc: --out " + out + " exists; choose another file or add --force");
        assertThat(Files.readString(out)).isEqualTo("earlier");
    }
}
