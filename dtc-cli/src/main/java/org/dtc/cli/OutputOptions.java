package org.dtc.cli;

import java.nio.file.Path;
import picocli.CommandLine.Option;

/** Where a command that runs the engine writes its results (a picocli mixin). */
final class OutputOptions {
    @Option(names = "--out", paramLabel = "DIR", description = "Results folder (default: results/<timestamp>).")
    Path out;

    @Option(names = "--force", description = "Write into --out even if it already holds results.")
    boolean force;
}
