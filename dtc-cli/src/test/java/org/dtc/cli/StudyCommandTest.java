package org.dtc.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.dtc.report.StudyCsv;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * dtc study end to end on small synthetic IDX data (the custom dataset): the files and their
 * shapes, --resume running only the missing cells to the same results, and bad grids refused in
 * one line before anything is written.
 */
class StudyCommandTest {
    @TempDir
    static Path dir;
    private static Path data;

    @BeforeAll
    static void writeData() throws IOException {
        data = Files.createDirectories(dir.resolve("data"));
        SyntheticIdx.writeData(data);
    }

    private static List<String> args(Path out, String... more) {
        List<String> a = new ArrayList<>(List.of("study", "--datasets", "custom", "--data", data.toString(),
                "--out", out.toString(), "--archs", "36-48-3", "--batch-size", "32", "--eval-batch-size", "100",
                "--batches-per-cycle", "12", "--preset", "paper", "--criteria", "dtc,random,l1", "--seeds", "2"));
        a.addAll(List.of(more));
        return a;
    }

    /** study.csv without its two timing columns, which differ between any two runs. */
    private static List<String> withoutTimes(Path csv) throws IOException {
        return Files.readAllLines(csv).stream().map(l -> l.substring(0, nthComma(l, 16))).toList();
    }

    private static int nthComma(String s, int n) {
        int at = -1;
        for (int i = 0; i < n; i++) {
            at = s.indexOf(',', at + 1);
        }
        return at;
    }

    @Test
    void writesTheStudyAndResumesOnlyTheMissingCells() throws Exception {
        Path whole = dir.resolve("whole");
        Dtc r = Dtc.run(args(whole));
        assertThat(r.status()).as(r.err()).isZero();
        for (String file : List.of("study.csv", "overlap.csv", "study.md", "manifest.json",
            "study-accuracy-compression-custom-36-48-3.png", "study-accuracy-compression-custom-36-48-3.svg",
            "study-accuracy-flops-custom-36-48-3.png", "study-overlap-custom-36-48-3.svg")) {
            assertThat(whole.resolve(file)).as(file).isNotEmptyFile();
        }
        List<String> rows = Files.readAllLines(whole.resolve("study.csv"));
        assertThat(rows.get(0)).isEqualTo("dataset,arch,schedule,criterion,seed,cycle,hidden,params,nonzero_params,"
                + "flops,compression,speedup,accuracy,loss,training_flops,cumulative_training_flops,inference_ms,seconds");
        // 48 hidden units to 10 or fewer in 12 cycles; 3 criteria under 3 pruning schedules and
        // scratch once, for 2 seeds.
        assertThat(rows).hasSize(1 + (3 * 3 + 1) * 2 * 12);
        assertThat(rows.get(1)).startsWith("custom,36-48-3,train-compress,dtc,42424242,0,43,");
        assertThat(rows.get(rows.size() - 1)).startsWith("custom,36-48-3,scratch,none,42424243,11,10,");
        // Every cell's final network, as a model file: train-compress's at 10 hidden units.
        assertThat(org.dtc.model.ModelFile.read(whole.resolve("cells/custom_36-48-3_train-compress_dtc_42424242"
                + ".safetensors")).spec().widths()).isEqualTo("36-10-3");
        // Per seed and cycle, what random and l1 would have removed from DTC's network.
        assertThat(Files.readAllLines(whole.resolve("overlap.csv"))).hasSize(1 + 2 * 12 * 2);
        String md = Files.readString(whole.resolve("study.md"));
        assertThat(md).contains("## custom 36-48-3", "| train-compress | 1 |", "claim 3",
                "dtc, train-compress against one-shot:");
        assertThat(Files.readString(whole.resolve("manifest.json"))).contains("\"fine_tune_batches\": 12",
                "\"schedules\": [\"train-compress\", \"train-then-compress\", \"one-shot\", \"scratch\"]");

        // An interrupted study: some cells finished, the results not written yet.
        Path cut = dir.resolve("cut");
        Files.createDirectories(cut.resolve("cells"));
        Files.copy(whole.resolve("cells/settings.json"), cut.resolve("cells/settings.json"));
        List<String> kept = List.of("custom_36-48-3_train-compress_dtc_42424242", "custom_36-48-3_scratch_none_42424243");
        for (String cell : kept) {
            Files.copy(whole.resolve("cells/" + cell + ".csv"), cut.resolve("cells/" + cell + ".csv"));
        }
        Files.copy(whole.resolve("cells/" + kept.get(0) + ".overlap.csv"),
                cut.resolve("cells/" + kept.get(0) + ".overlap.csv"));
        Dtc resumed = Dtc.run(args(cut, "--resume", "--threads", "1"));
        assertThat(resumed.status()).as(resumed.err()).isZero();
        assertThat(resumed.err()).contains("resuming: 2 of 20 cells finished");
        // The kept cells were read, not run again: their timings are the first run's.
        assertThat(Files.readAllLines(cut.resolve("study.csv"))).containsAll(
                Files.readAllLines(whole.resolve("cells/" + kept.get(1) + ".csv")).subList(1, 13));
        assertThat(withoutTimes(cut.resolve("study.csv"))).isEqualTo(withoutTimes(whole.resolve("study.csv")));
        assertThat(Files.readAllLines(cut.resolve("overlap.csv")))
                .isEqualTo(Files.readAllLines(whole.resolve("overlap.csv")));
        assertThat(StudyCsv.parse(cut.resolve("study.csv"))).hasSize(rows.size() - 1);

        // Resuming with another grid would mix two studies.
        Dtc other = Dtc.run(args(cut, "--resume", "--fine-tune-batches", "5"));
        assertThat(other.status()).isEqualTo(1);
        assertThat(other.err()).contains("was started with other settings or grid").doesNotContain("\n");
    }

    @Test
    void badGridsAreRefusedInOneLineBeforeAnythingIsWritten() {
        String[][] cases = {
            {"--criteria", "dtc,size", "unknown strategy 'size'"},
            {"--schedules", "train-compress,prune-later", "unknown schedule 'prune-later'"},
            {"--criteria", "bn-scale", "--criteria bn-scale on 36-48-3:"},
            {"--seeds", "0", "seed count must be at least 1"},
            {"--schedules", "", "the grid is empty: --schedules lists nothing"},
            {"--criteria", "dtc,dtc", "--criteria lists a value twice"},
            {"--archs", "784-48-3", "--archs 784-48-3 does not fit custom: the network takes 784 inputs"},
            {"--archs", "36-48-3,36-48-3", "--archs lists a value twice"},
            {"--fine-tune-batches", "0", "--fine-tune-batches must be at least 1"},
        };
        for (String[] c : cases) {
            Path out = dir.resolve("bad");
            List<String> a = args(out);
            // The case's option replaces the default one given by args().
            int at = a.indexOf(c[0]);
            if (at >= 0) {
                a.remove(at + 1);
                a.remove(at);
            }
            a.addAll(List.of(c).subList(0, c.length - 1));
            Dtc r = Dtc.run(a);
            assertThat(r.status()).as(String.join(" ", c)).isEqualTo(1);
            assertThat(r.err()).as(String.join(" ", c)).contains(c[c.length - 1]).doesNotContain("\n").startsWith("dtc: ");
            assertThat(out).as(String.join(" ", c)).doesNotExist();
        }
        assertThat(Dtc.run("study", "--arch", "36-48-3", "--archs", "36-48-3").err()).isEqualTo("dtc: --arch and --archs both given: list the architectures in --archs");
    }
}
