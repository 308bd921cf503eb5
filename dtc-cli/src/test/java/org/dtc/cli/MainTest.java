package org.dtc.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;

class MainTest {
    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int run(String... args) {
        return Main.execute(args, new PrintWriter(out, true), new PrintWriter(err, true));
    }

    @Test
    void versionNamesTheProjectVersionAndTheKernels() {
        assertThat(run("--version")).isZero();
        assertThat(out.toString()).startsWith("dtc 0.").contains("Java ").contains(" kernels, ");
        assertThat(VersionInfo.projectVersion()).doesNotContain("${").isNotEqualTo("unknown");
    }

    @Test
    void helpDescribesTheCommandAndItsExitStatus() {
        assertThat(run("--help")).isZero();
        assertThat(out.toString()).contains("Usage: dtc").contains("--version").contains("--debug")
                .contains("Exit status");
        assertThat(err.toString()).isEmpty();
    }

    @Test
    void benchWithoutItsJarSaysHowToBuildIt() {
        assertThat(run("bench", "--jar", "no/such/benchmarks.jar")).isEqualTo(Main.FAILURE);
        assertThat(err.toString()).isEqualTo("dtc: no/such/benchmarks.jar is missing: build it with"
                + " 'mvn -DskipTests package'" + System.lineSeparator());
    }

    @Test
    void noArgumentsPrintsUsage() {
        assertThat(run()).isZero();
        assertThat(out.toString()).contains("Usage: dtc");
    }

    @Test
    void aUsageErrorIsOneLineOnStderrWithoutStackTrace() {
        assertThat(run("--no-such-option")).isEqualTo(Main.USAGE);
        assertThat(err.toString().lines()).hasSize(1);
        assertThat(err.toString()).startsWith("dtc: Unknown option: '--no-such-option'").contains("dtc --help");
        assertThat(out.toString()).isEmpty();
    }

    @Test
    void debugAddsTheStackTrace() {
        assertThat(run("--debug", "--no-such-option")).isEqualTo(Main.USAGE);
        assertThat(err.toString().lines().count()).isGreaterThan(1);
        assertThat(err.toString()).contains("at picocli.");
    }
}
