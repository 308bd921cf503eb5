package org.dtc.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DataCommandTest {
    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int run(String... args) {
        return Main.execute(args, new PrintWriter(out, true), new PrintWriter(err, true));
    }

    @Test
    void verifyNamesEachMissingFileAndFails(@TempDir Path dir) {
        assertThat(run("data", "verify", dir.toString(), "--dataset", "mnist")).isEqualTo(Main.FAILURE);
        assertThat(err.toString().lines()).hasSize(4)
                .allMatch(line -> line.startsWith("dtc: " + dir) && line.endsWith(": missing"));
    }

    @Test
    void verifyRecognisesTheRealData() {
        Path mnist = Path.of("").toAbsolutePath().getParent().resolveSibling("shared").resolve("data/mnist");
        Assumptions.assumeTrue(Files.isDirectory(mnist), mnist + " is absent");
        assertThat(run("data", "verify", mnist.toString())).isZero();
        assertThat(out.toString()).isEqualTo(mnist + ": mnist, all 4 files verified" + System.lineSeparator());
    }

    @Test
    void anUnknownDatasetIsOneLine(@TempDir Path dir) {
        assertThat(run("data", "download", "--dataset", "cifar", "--dir", dir.toString())).isEqualTo(Main.FAILURE);
        assertThat(err.toString()).isEqualTo("dtc: unknown dataset 'cifar': known are mnist, fashion-mnist, custom"
                + System.lineSeparator());
    }

    @Test
    void aFileWhereTheFolderShouldBeIsNamed(@TempDir Path dir) throws Exception {
        Path file = Files.writeString(dir.resolve("mnist"), "kept");
        assertThat(run("data", "download", "--dir", file.toString())).isEqualTo(Main.FAILURE);
        assertThat(err.toString()).isEqualTo("dtc: cannot download into " + file + ": it is a file, not a folder"
                + System.lineSeparator());
        assertThat(file).hasContent("kept");
    }

    @Test
    void anUnreachableMirrorSaysWhereToPutTheFiles(@TempDir Path dir) {
        assertThat(run("data", "download", "--dir", dir.toString(), "--mirror", "http://127.0.0.1:9/"))
                .isEqualTo(Main.FAILURE);
        assertThat(err.toString().lines()).hasSize(1);
        assertThat(err.toString()).startsWith("dtc: cannot reach any mirror of mnist (offline?)");
    }
}
