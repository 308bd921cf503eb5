package org.dtc.cli;

import java.nio.file.Path;
import org.dtc.data.DataLocator;
import org.dtc.data.DatasetSpec;
import org.dtc.data.Downloader;
import org.dtc.data.TrainTest;
import picocli.CommandLine.Option;

/**
 * The dataset a command runs on (a picocli mixin): found where the user keeps it, downloaded
 * once if it is nowhere.
 */
final class Datasets {
    @Option(names = "--dataset", defaultValue = "mnist", paramLabel = "NAME",
            description = "mnist, fashion-mnist, or custom: IDX files under the standard names in the --data folder, "
                    + "unverified, inputs scaled to [0, 1] (default: ${DEFAULT-VALUE}).")
    String dataset;

    @Option(names = "--data", paramLabel = "DIR", description = "Folder with the dataset's files (default: "
            + "$DTC_DATA, then ~/.cache/dtc/<dataset>, downloading there on first use).")
    Path data;

    DatasetSpec spec() {
        return DatasetSpec.named(dataset);
    }

    TrainTest load() {
        return load(spec(), data);
    }

    static TrainTest load(DatasetSpec spec, Path data) {
        return DataLocator.fromEnvironment().locateOrDownload(spec, data,
                spec.verified() ? new Downloader(spec.mirrors(), System.err, Terminal.isInteractive()) : null)
                .load(spec.normalization());
    }
}
