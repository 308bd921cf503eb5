package org.dtc.cli;

import java.nio.file.Path;
import org.dtc.data.DataLocator;
import org.dtc.data.DatasetSpec;
import org.dtc.data.Downloader;
import org.dtc.data.TrainTest;

/** The --dataset and --data options' data: found where the user keeps it, downloaded once if it is nowhere. */
final class Datasets {
    private Datasets() {}

    static TrainTest load(DatasetSpec spec, Path data) {
        return DataLocator.fromEnvironment().locateOrDownload(spec, data,
                spec.verified() ? new Downloader(spec.mirrors(), System.err, Terminal.isInteractive()) : null)
                .load(spec.normalization());
    }
}
