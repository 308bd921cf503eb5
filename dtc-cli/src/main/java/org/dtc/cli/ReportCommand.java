package org.dtc.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.dtc.core.AtomicFile;
import org.dtc.report.CyclesCsv;
import org.dtc.report.Report;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code dtc report DIR}: re-renders a run's tables and figures from its cycles.csv. */
@Command(name = "report", mixinStandardHelpOptions = true,
        description = "Re-render table1.md, the figures (PNG and SVG) and report.md of a run from its cycles.csv, "
                + "without retraining.")
final class ReportCommand implements Callable<Integer> {
    @Parameters(paramLabel = "DIR", description = "The run's results folder.")
    Path dir;

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        Path csv = dir.resolve("cycles.csv");
        if (!Files.isRegularFile(csv)) {
            throw new IllegalArgumentException(csv + " does not exist: DIR must be a results folder of dtc reproduce");
        }
        Report.render(CyclesCsv.parse(csv), dir);
        AtomicFile.removeLeftovers(dir);
        spec.commandLine().getOut().println("rendered " + dir.resolve("report.md"));
        return 0;
    }
}
