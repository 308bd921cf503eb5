package org.dtc.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Earlier results are never destroyed or silently replaced, whatever the options. */
class ResultsFolderTest {
    @TempDir
    static Path data;

    @TempDir
    Path dir;

    @BeforeAll
    static void writeData() throws Exception {
        SyntheticIdx.writeData(data);
    }

    private static List<String> args(Path out, String... more) {
        List<String> a = new ArrayList<>(List.of("reproduce", "--dataset", "custom", "--data", data.toString(),
                "--out", out.toString(), "--arch", "36-24-3", "--batch-size", "32", "--eval-batch-size", "100",
                "--batches-per-cycle", "5", "--max-cycles", "2", "--preset", "paper"));
        a.addAll(List.of(more));
        return a;
    }

    @Test
    void aSecondRunIntoAFolderInUseIsRefused() throws Exception {
        Path out = Files.createDirectories(dir.resolve("busy"));
        try (FileChannel held = FileChannel.open(out.resolve(ResultsFolder.LOCK), StandardOpenOption.CREATE,
                StandardOpenOption.WRITE); var lock = held.lock()) {
            Dtc r = Dtc.run(args(out, "--force"));
            assertThat(r.status()).isEqualTo(1);
            assertThat(r.err()).isEqualTo("dtc: " + out + " is in use by another dtc run; wait for it to end or choose "
                    + "another --out");
        }
        assertThat(Dtc.run(args(out, "--force")).status()).as("free again").isZero();
    }

    @Test
    void resumingAFolderWithoutCheckpointsLeavesItsResultsAlone() throws Exception {
        Path out = Files.createDirectories(dir.resolve("finished"));
        Files.writeString(out.resolve("cycles.csv"), "earlier results\n");
        Dtc r = Dtc.run(args(out, "--resume"));
        assertThat(r.status()).isEqualTo(1);
        assertThat(r.err()).isEqualTo("dtc: --resume: " + out + " holds no checkpoints, so there is no interrupted run "
                + "to resume (add --force instead to replace its results)");
        assertThat(out.resolve("cycles.csv")).hasContent("earlier results");
    }

    @Test
    void forceLeavesNothingOfTheEarlierRunBesideTheNewOne() throws Exception {
        Path out = dir.resolve("forced");
        assertThat(Dtc.run(args(out, "--strategies", "dtc,random", "--export")).status()).isZero();
        assertThat(out.resolve("checkpoints/random-seed42424242")).isDirectory();
        assertThat(out.resolve("export")).isDirectory();
        Files.writeString(out.resolve("notes.txt"), "mine");
        assertThat(Dtc.run(args(out, "--strategies", "dtc", "--force")).status()).isZero();
        assertThat(out.resolve("checkpoints/random-seed42424242")).doesNotExist();
        assertThat(out.resolve("export")).doesNotExist();
        assertThat(Files.readAllLines(out.resolve("cycles.csv"))).allMatch(l -> !l.startsWith("random"));
        assertThat(out.resolve("notes.txt")).as("not dtc's to delete").hasContent("mine");
    }

    @Test
    void resumingPartOfAnExperimentIsRefused() throws Exception {
        Path out = dir.resolve("three");
        assertThat(Dtc.run(args(out, "--strategies", "dtc,random,magnitude")).status()).isZero();
        List<String> before = Files.readAllLines(out.resolve("cycles.csv"));
        Dtc r = Dtc.run(args(out, "--strategies", "dtc", "--resume"));
        assertThat(r.status()).isEqualTo(1);
        assertThat(r.err()).isEqualTo("dtc: --resume: " + out + " holds runs these options do not name "
                + "(magnitude-seed42424242, random-seed42424242); resume with the strategies and seeds of the "
                + "interrupted run");
        assertThat(Files.readAllLines(out.resolve("cycles.csv"))).isEqualTo(before);
        // The same options resume (here: a finished run, which ends with the same cycles).
        assertThat(Dtc.run(args(out, "--strategies", "dtc,random,magnitude", "--resume")).status()).isZero();
    }

    @Test
    void resultsAndCheckpointsGetTheModeOfAnyNewFileNotOnlyTheOwners() throws Exception {
        Path out = dir.resolve("modes");
        assertThat(Dtc.run(args(out, "--strategies", "dtc")).status()).isZero();
        // What the umask gives a new file here (0644 under the usual 022), not 0600.
        var expected = Files.getPosixFilePermissions(Files.createFile(dir.resolve("plain")));
        for (Path p : List.of(out.resolve("cycles.csv"), out.resolve("figure1-accuracy.png"),
                out.resolve("checkpoints/dtc-seed42424242/checkpoint.json"))) {
            assertThat(Files.getPosixFilePermissions(p)).as(p.toString()).isEqualTo(expected);
        }
    }

    @Test
    void aReportAfterARunKilledWhileDrawingCleansUpAndLinksOnlyWhatIsThere() throws Exception {
        Path out = dir.resolve("drawn");
        assertThat(Dtc.run(args(out, "--strategies", "dtc")).status()).isZero();
        assertThat(out.resolve("report.md")).content().contains("`summary.json`");
        Path leftover = Files.writeString(out.resolve(".figure1-accuracy.png.3f2a9c.part"), "half a figure");
        Files.delete(out.resolve("report.md"));
        Files.delete(out.resolve("summary.json"));
        assertThat(Dtc.run(List.of("report", out.toString())).status()).isZero();
        assertThat(leftover).doesNotExist();
        assertThat(out.resolve("report.md")).content().doesNotContain("summary.json");
    }

    @Test
    void aCheckpointOfTheOlderFormatIsRefusedByName() throws Exception {
        Path out = Files.createDirectories(dir.resolve("older/checkpoints"));
        Path old = Files.writeString(out.resolve("dtc-seed42424242.ckpt"), "java serialization");
        Dtc r = Dtc.run(args(out.getParent(), "--resume", "--strategies", "dtc"));
        assertThat(r.status()).isEqualTo(1);
        assertThat(r.err()).isEqualTo("dtc: " + old + " is a checkpoint of an older dtc (before checkpoints were .npy "
                + "and JSON): resume with the dtc that wrote it, or delete " + out + " to start afresh");
        assertThat(old).exists();
    }
}
