package org.dtc.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * dtc reproduce end to end on small synthetic IDX data (the custom dataset), in seconds: every
 * file written and well-formed, dtc report reproducing them, and --resume after a real kill -9
 * of a separate JVM in mid-run ending with the uninterrupted run's cycles.csv.
 */
class ReproduceSyntheticTest {
    private static List<String> args(Path data, Path out, String... more) {
        List<String> a = new ArrayList<>(List.of("reproduce", "--dataset", "custom", "--data", data.toString(),
                "--out", out.toString(), "--arch", "36-48-3", "--batch-size", "32", "--eval-batch-size", "100",
                "--batches-per-cycle", "40", "--preset", "paper"));
        a.addAll(List.of(more));
        return a;
    }

    private static int run(List<String> args) {
        return Dtc.run(args).status();
    }

    /** cycles.csv without the wall-time column, which differs between any two runs. */
    private static List<String> withoutSeconds(Path csv) throws IOException {
        return Files.readAllLines(csv).stream().map(l -> {
            String[] f = l.split(",");
            f[9] = "";
            f[12] = "";
            return String.join(",", f);
        }).toList();
    }

    @Test
    void initReachesTheEngine(@TempDir Path dir) throws Exception {
        Path data = Files.createDirectories(dir.resolve("data"));
        SyntheticIdx.writeData(data);
        Path numpy = dir.resolve("numpy");
        Path torch = dir.resolve("torch");
        assertThat(run(args(data, numpy, "--max-cycles", "1", "--strategies", "dtc"))).isZero();
        assertThat(run(args(data, torch, "--max-cycles", "1", "--strategies", "dtc", "--init", "XAVIER_NORMAL_TORCH")))
                .isZero();
        assertThat(Files.readString(torch.resolve("manifest.json"))).contains("\"init\": \"XAVIER_NORMAL_TORCH\"");
        assertThat(Files.readString(numpy.resolve("manifest.json"))).contains("\"init\": \"XAVIER_NORMAL\"");
        // Other initial weights, so another training loss.
        assertThat(withoutSeconds(torch.resolve("cycles.csv")).get(1))
                .isNotEqualTo(withoutSeconds(numpy.resolve("cycles.csv")).get(1));
    }

    @Test
    void writesEverythingAndResumesAfterAKill(@TempDir Path dir) throws Exception {
        Path data = Files.createDirectories(dir.resolve("data"));
        SyntheticIdx.writeData(data);
        Path whole = dir.resolve("whole");
        assertThat(run(args(data, whole))).isZero();
        for (String file : List.of("cycles.csv", "table1.md", "summary.json", "manifest.json", "report.md",
            "figure1-accuracy.png", "figure5-gibbs-next.svg")) {
            assertThat(whole.resolve(file)).as(file).isNotEmptyFile();
        }
        List<String> rows = Files.readAllLines(whole.resolve("cycles.csv"));
        // 48 hidden units down to 10 or fewer: 43, 38, 34, ..., 12, 10 over 12 cycles, for each strategy.
        assertThat(rows).hasSize(1 + 3 * 12);
        assertThat(rows.get(12)).startsWith("dtc,42424242,11,10,");
        assertThat(rows.get(1)).startsWith("dtc,42424242,0,43,");
        assertThat(Files.readString(whole.resolve("summary.json"))).contains("\"preset\": \"paper\"");
        String table = Files.readString(whole.resolve("table1.md"));
        Files.delete(whole.resolve("table1.md"));
        assertThat(run(List.of("report", whole.toString()))).isZero();
        assertThat(Files.readString(whole.resolve("table1.md"))).isEqualTo(table);

        // The same run in another JVM, halted as kill -9 would halt it (no shutdown hooks, no
        // finally) right after its 14th checkpoint of 36, then resumed here.
        Path killed = dir.resolve("killed");
        List<String> command = new ArrayList<>(List.of(ProcessHandle.current().info().command().orElse("java"),
                "--add-modules", "jdk.incubator.vector", "-cp", System.getProperty("java.class.path"),
                "org.dtc.cli.Main"));
        command.addAll(args(data, killed, "--halt-after-checkpoints", "14"));
        Process child = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(dir.resolve("child.log").toFile()).start();
        assertThat(child.waitFor()).as(Files.readString(dir.resolve("child.log"))).isEqualTo(137);
        try (var runs = Files.list(killed.resolve("checkpoints"))) {
            assertThat(runs.filter(r -> Files.exists(r.resolve("checkpoint.json")))).isNotEmpty();
        }
        assertThat(Files.readAllLines(killed.resolve("cycles.csv"))).as("killed in mid-run").hasSizeLessThan(rows.size());
        assertThat(killed.resolve("summary.json")).as("no results looking complete").doesNotExist();
        assertThat(run(args(data, killed, "--resume"))).isZero();
        assertThat(withoutSeconds(killed.resolve("cycles.csv"))).isEqualTo(withoutSeconds(whole.resolve("cycles.csv")));
    }
}
