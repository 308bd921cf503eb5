package org.dtc.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.dtc.report.StudyCsv;
import org.dtc.study.StudyRow;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * dtc study --quick on the real MNIST beside the repository (../shared/data, present in CI), on a
 * tiny grid: two criteria, three schedules, two operating points. Skipped, visibly, without the data.
 */
class RealMnistStudyTest {
    @Test
    void aTinyQuickStudyLearnsAtEveryPoint(@TempDir Path out) throws Exception {
        Path data = Path.of("").toAbsolutePath().getParent().resolveSibling("shared").resolve("data");
        if (!Files.isDirectory(data.resolve("mnist"))) {
            System.err.println("SKIPPED: " + data.resolve("mnist") + " is absent, so the MNIST study does not run");
        }
        Assumptions.assumeTrue(Files.isDirectory(data.resolve("mnist")), data + " is absent");
        Dtc study = Dtc.run("study", "--quick", "--data", data.toString(), "--out", out.resolve("study").toString(),
                "--criteria", "dtc,random", "--schedules", "train-compress,one-shot,scratch", "--seeds", "1",
                "--max-cycles", "2");
        assertThat(study.status()).as(study.err()).isZero();
        List<StudyRow> rows = StudyCsv.parse(out.resolve("study/study.csv"));
        // 512 hidden units less 40% twice (--quick): 307, then 184.
        assertThat(rows).hasSize(5 * 2).extracting(StudyRow::hidden).containsOnly("307", "184");
        for (StudyRow r : rows) {
            // 25 batches of 512 images and more: well past 80%, short of perfect. No bias in the
            // reference preset: 784 x 512 + 512 x 10 = 406,528 parameters, 794 per hidden unit.
            assertThat(r.accuracy()).as(r.toString()).isBetween(0.8, 0.99);
            assertThat(r.compression()).isEqualTo(r.hidden().equals("307") ? 406528.0 / 243758 : 406528.0 / 146096);
        }
        assertThat(Files.readString(out.resolve("study/study.md"))).contains("## mnist 784-512-10");
    }
}
