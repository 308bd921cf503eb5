package org.dtc.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.dtc.data.DataFolder;
import org.dtc.data.DatasetSpec;
import org.dtc.data.TrainTest;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Loading a whole dataset from its gzip'd files into normalised float rows: gunzip, SHA-256 of
 * every file, header checks, normalisation. Reads {@code dir} (run from the repository root, the
 * shared data sits at ../shared/data).
 */
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@State(Scope.Benchmark)
@Fork(value = 1, jvmArgsAppend = {"--add-modules=jdk.incubator.vector", "-Xmx2g"})
@Warmup(iterations = 2)
@Measurement(iterations = 5)
public class DataLoadBenchmark {
    @Param({"mnist", "fashion-mnist"})
    public String dataset;

    @Param({"../shared/data"})
    public String root;

    private DataFolder folder;
    private DatasetSpec spec;

    @Setup
    public void setup() {
        spec = DatasetSpec.named(dataset);
        Path dir = Path.of(root, dataset);
        if (!Files.isDirectory(dir)) {
            throw new IllegalStateException(dir.toAbsolutePath() + " is absent: run from the repository root or "
                    + "pass -p root=DIR");
        }
        folder = new DataFolder(spec, dir);
    }

    @Benchmark
    public TrainTest load() {
        return folder.load(spec.normalization());
    }
}
