package org.dtc.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.dtc.data.DataFolder;
import org.dtc.data.DataLocator;
import org.dtc.data.DatasetSpec;
import org.dtc.data.Downloader;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code dtc data}: fetch and check the datasets. */
@Command(name = "data", mixinStandardHelpOptions = true,
        description = "Download and verify the datasets (mnist, fashion-mnist).",
        subcommands = {DataCommand.Download.class, DataCommand.Verify.class})
final class DataCommand implements Runnable {
    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    @Command(name = "download", mixinStandardHelpOptions = true,
            description = {"Fetch a dataset's four files from its public mirrors, tried in turn, and keep them "
                    + "(gzip'd, under their standard names) only once their SHA-256 checks out.",
                "Files already present and verified are kept."})
    static final class Download implements Callable<Integer> {
        @Option(names = "--dataset", defaultValue = "mnist", paramLabel = "NAME",
                description = "mnist or fashion-mnist (default: ${DEFAULT-VALUE}).")
        String dataset;

        @Option(names = "--dir", paramLabel = "DIR",
                description = "Where to put the files (default: ~/.cache/dtc/<dataset>, or $XDG_CACHE_HOME/dtc/<dataset>).")
        Path dir;

        @Option(names = "--mirror", paramLabel = "URL",
                description = "A base URL to fetch from instead of the built-in mirrors; repeat to give several, "
                        + "tried in order.")
        List<String> mirrors = new ArrayList<>();

        @Spec
        picocli.CommandLine.Model.CommandSpec command;

        @Override
        public Integer call() {
            DatasetSpec data = DatasetSpec.named(dataset);
            if (!data.verified()) {
                throw new IllegalArgumentException("the custom dataset has no mirrors: put its files in a folder and "
                        + "give it with --data");
            }
            Path target = dir != null ? dir : DataLocator.fromEnvironment().cacheFolder(data);
            List<String> from = mirrors.isEmpty() ? data.mirrors() : mirrors;
            new Downloader(from, System.err, Terminal.isInteractive()).download(data, target);
            command.commandLine().getOut().println(data.name() + " is in " + target.toAbsolutePath());
            return 0;
        }
    }

    @Command(name = "verify", mixinStandardHelpOptions = true,
            description = "Check that a folder holds a dataset's four files with the right SHA-256.")
    static final class Verify implements Callable<Integer> {
        @Parameters(paramLabel = "DIR", description = "The folder to check.")
        Path dir;

        @Option(names = "--dataset", paramLabel = "NAME",
                description = "mnist or fashion-mnist (default: whichever the folder holds).")
        String dataset;

        @Spec
        picocli.CommandLine.Model.CommandSpec command;

        @Override
        public Integer call() {
            List<DatasetSpec> candidates = dataset != null ? List.of(DatasetSpec.named(dataset))
                    : List.of(DatasetSpec.MNIST, DatasetSpec.FASHION_MNIST);
            PrintWriter out = command.commandLine().getOut();
            List<String> fewest = null;
            for (DatasetSpec data : candidates) {
                List<String> problems = new DataFolder(data, dir).verify();
                if (problems.isEmpty()) {
                    out.println(dir + ": " + data.name() + ", all " + data.files().size() + " files "
                            + (data.verified() ? "verified" : "readable (no checksums to verify)"));
                    return 0;
                }
                if (fewest == null || problems.size() < fewest.size()) {
                    fewest = problems;
                }
            }
            PrintWriter err = command.commandLine().getErr();
            for (String problem : fewest) {
                err.println("dtc: " + problem);
            }
            return Main.FAILURE;
        }
    }
}
