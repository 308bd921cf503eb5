package org.dtc.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** dtc reproduce on the real MNIST beside the repository, with a tiny schedule; skipped without it. */
class ReproduceCommandTest {
    @Test
    void writesTheResultFilesAndRefusesToOverwriteThem(@TempDir Path dir) throws Exception {
        Path mnist = Path.of("").toAbsolutePath().getParent().resolveSibling("shared").resolve("data/mnist");
        Assumptions.assumeTrue(Files.isDirectory(mnist), mnist + " is absent");
        String[] args = {"reproduce", "--data", mnist.toString(), "--out", dir.toString(), "--arch", "784-32-10",
            "--batches-per-cycle", "5", "--max-cycles", "2", "--strategies", "dtc,random", "--export"};
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        assertThat(Main.execute(args, new PrintWriter(out, true), new PrintWriter(err, true))).isZero();
        assertThat(Files.readAllLines(dir.resolve("cycles.csv"))).hasSize(5);
        assertThat(Files.readString(dir.resolve("summary.json"))).contains("\"final_accuracy_mean\"");
        assertThat(Files.readString(dir.resolve("manifest.json"))).contains("\"data_sha256_uncompressed\"");
        assertThat(Files.readString(dir.resolve("table1.md"))).contains("# Table 1, recomputed");
        assertThat(Files.readString(dir.resolve("report.md"))).contains("![figure1-accuracy](figure1-accuracy.png)");
        for (String figure : new String[] {"figure1-accuracy", "figure2-accuracy-closeup", "figure3-weight-rays",
            "figure4-gibbs-previous", "figure5-gibbs-next"}) {
            assertThat(dir.resolve(figure + ".png")).isNotEmptyFile();
            assertThat(Files.readString(dir.resolve(figure + ".svg"))).contains("<svg");
        }
        assertThat(Files.readAllLines(dir.resolve("cycles.csv")).get(0)).endsWith(",ray_score,entropy_out_of_range,params,nonzero_params,flops");

        Path exported = dir.resolve("export/dtc-seed42424242");
        assertThat(Files.readString(exported.resolve("export.json"))).contains("\"network\": \"784-25-10\"");
        assertThat(org.dtc.core.Npy.read(exported.resolve("network/W0.npy")).shape()).containsExactly(25, 784);
        // The same network as a model file dtc eval and PyTorch read: the same weights.
        float[] w0 = floats(org.dtc.core.Npy.read(exported.resolve("network/W0.npy")).data());
        assertThat(org.dtc.model.ModelFile.read(exported.resolve("model.safetensors")).params()).startsWith(w0);
        assertThat(org.dtc.core.Npy.read(exported.resolve("cycle01-layer0-y_next.npy")).shape()).containsExactly(2);
        assertThat(dir.resolve("export/random-seed42424242/cycle00-layer0-scores.npy")).doesNotExist();

        // dtc report re-renders from cycles.csv alone.
        Files.delete(dir.resolve("report.md"));
        Files.delete(dir.resolve("figure1-accuracy.png"));
        assertThat(Main.execute(new String[] {"report", dir.toString()}, new PrintWriter(new StringWriter(), true),
                new PrintWriter(new StringWriter(), true))).isZero();
        assertThat(dir.resolve("report.md")).isNotEmptyFile();
        assertThat(dir.resolve("figure1-accuracy.png")).isNotEmptyFile();
        assertThat(err.toString().lines().filter(l -> l.contains(" cycle ")).count()).isEqualTo(4);
        assertThat(out.toString()).startsWith("results in ");

        StringWriter err2 = new StringWriter();
        assertThat(Main.execute(args, new PrintWriter(new StringWriter(), true), new PrintWriter(err2, true)))
                .isEqualTo(Main.FAILURE);
        assertThat(err2.toString()).contains("already holds results; choose another --out or add --force");
    }

    @Test
    void badSettingsAndPlacesAreOneLineBeforeAnyWork(@TempDir Path dir) throws Exception {
        String[][] cases = {
            {"--lambda", "-1", "dtc: lambda must be finite and > 0, not -1.0"},
            {"--lambda", "0", "dtc: lambda must be finite and > 0, not 0.0"},
            {"--cs-sparsity", "1.5", "dtc: CS sparsity must lie in [0, 1), not 1.5"},
            {"--prune-fraction", "0", "dtc: prune fraction must lie in (0, 1), not 0.0"},
            {"--preset", "fast", "dtc: unknown preset 'fast': reference or paper"},
            {"--strategies", "dtc,best", "dtc: unknown strategy 'best': known are dtc, random, magnitude, l1, l2, "
                + "taylor, apoz, activation, fpgm, bn-scale"},
            {"--data", dir.toString(), "dtc: " + dir + " does not hold the mnist files"},
            // The reference stops at 10 units: a layer of 10 has nothing to compress (was one cycle anyway).
            {"--arch", "784-10-10", "dtc: hidden layer 0 of 784-10-10 has 10 units, not more than the stop size 10:"
                + " there is nothing to compress"},
            {"--arch", "2-12-1", "dtc: layer 1 of 2-12-1 has 12 weights; XAVIER_NORMAL_TORCH draws only layers of 16 or"
                + " more, as torch's normal_ does (--init XAVIER_NORMAL draws any)"},
            {"--arch", "784-512", "dtc: the network 784-512 has no hidden layer: there are no neurons to compress"},
            {"--arch", "784-64-10-", "dtc: network spec '784-64-10-' is not widths joined by '-'"},
            {"--arch", "784-2000000000-10", "dtc: the network 784-2000000000-10 has 1588000000000 weights; one float "
                + "array holds at most 2147483631"},
            {"--strategies", ",", "dtc: no strategy to run"},
            {"--strategies", "bn-scale", "dtc: bn-scale ranks units by their batch-norm scale, and the network "
                + "784-512-10 has no learnable batch norm after its hidden layers (--hidden-norm true)"},
            {"--strategies", "dtc,random,dtc", "dtc: strategy dtc is listed twice"},
            {"--lr", "Infinity", "dtc: learning rate must be finite and > 0, not Infinity"},
            {"--threads", "10000", "dtc: --threads must lie in 1.." + 4 * Runtime.getRuntime().availableProcessors()
                + " (four per processor), not 10000"},
        };
        for (String[] c : cases) {
            StringWriter err = new StringWriter();
            // Two levels that do not exist yet: a failed run must take both away again.
            Path out = dir.resolve("out-" + c[0].substring(2)).resolve("run");
            int status = Main.execute(new String[] {"reproduce", "--out", out.toString(), c[0], c[1]},
                    new PrintWriter(new StringWriter(), true), new PrintWriter(err, true));
            assertThat(status).as(c[0]).isEqualTo(Main.FAILURE);
            assertThat(err.toString()).as(c[0]).startsWith(c[2]);
            assertThat(err.toString().lines()).as(c[0]).hasSize(1);
            assertThat(out.getParent()).as(c[0]).doesNotExist();
        }
        assertThat(dir).isEmptyDirectory();
        StringWriter empty = new StringWriter();
        assertThat(Main.execute(new String[] {"reproduce", "--out", ""}, new PrintWriter(new StringWriter(), true),
                new PrintWriter(empty, true))).isEqualTo(Main.FAILURE);
        assertThat(empty.toString()).isEqualTo("dtc: --out is empty: name a folder" + System.lineSeparator());
        StringWriter err = new StringWriter();
        assertThat(Main.execute(new String[] {"reproduce", "--out", "/proc/no-such-place"},
                new PrintWriter(new StringWriter(), true), new PrintWriter(err, true))).isEqualTo(Main.FAILURE);
        assertThat(err.toString()).startsWith("dtc: cannot write results into /proc/no-such-place");
        StringWriter nothingToResume = new StringWriter();
        assertThat(Main.execute(new String[] {"reproduce", "--resume", "--out", dir.resolve("typo").toString()},
                new PrintWriter(new StringWriter(), true), new PrintWriter(nothingToResume, true)))
                .isEqualTo(Main.FAILURE);
        assertThat(nothingToResume.toString()).startsWith("dtc: --resume: " + dir.resolve("typo")
                + " does not exist, so there is no run to resume");
        assertThat(dir.resolve("typo")).doesNotExist();
        Path file = dir.resolve("a-file");
        Files.writeString(file, "kept");
        StringWriter notFolder = new StringWriter();
        assertThat(Main.execute(new String[] {"reproduce", "--out", file.toString()},
                new PrintWriter(new StringWriter(), true), new PrintWriter(notFolder, true))).isEqualTo(Main.FAILURE);
        assertThat(notFolder.toString()).isEqualTo("dtc: cannot write results into " + file
                + ": it is a file, not a folder" + System.lineSeparator());
        assertThat(file).hasContent("kept");
        StringWriter usage = new StringWriter();
        assertThat(Main.execute(new String[] {"reproduce", "--no-such-option"}, new PrintWriter(new StringWriter(), true),
                new PrintWriter(usage, true))).isEqualTo(Main.USAGE);
    }

    private static float[] floats(double[] d) {
        float[] f = new float[d.length];
        for (int i = 0; i < d.length; i++) {
            f[i] = (float) d[i];
        }
        return f;
    }
}
