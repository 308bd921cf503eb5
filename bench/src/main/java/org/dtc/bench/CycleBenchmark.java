package org.dtc.bench;

import java.util.concurrent.TimeUnit;
import org.dtc.core.Gemm;
import org.dtc.core.RandomStream;
import org.dtc.data.Dataset;
import org.dtc.data.TrainTest;
import org.dtc.engine.EngineConfig;
import org.dtc.engine.Experiment;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * One training cycle of {@code reproduce} (the reference preset: 200 batches of 512 through a
 * 784-H-10 network from a fresh Adam, the loss over the batch axis) on one thread, as each of
 * the runs side by side trains (or on two, {@code -p threads=2}, as the shared first cycle and
 * {@code dtc train} do): at the sizes where a run spends its time (H = 460) and where
 * fixed costs per step weigh most (H = 28, 11, the last size trained). The images are seeded normal values in 20
 * batches (the arithmetic does not depend on them). {@code bench/peers/pytorch.py cycle} is
 * PyTorch's same loop.
 */
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@State(Scope.Thread)
@Fork(value = 1, jvmArgsAppend = {"--add-modules=jdk.incubator.vector"})
@Warmup(iterations = 5)
@Measurement(iterations = 10)
public class CycleBenchmark {
    private static final int SAMPLES = 20 * 512;

    @Param({"460", "100", "28", "11"})
    public int hidden;

    /** GEMM threads of the run. */
    @Param({"1"})
    public int threads;

    private EngineConfig config;
    private TrainTest data;
    private Gemm gemm;

    @Setup(Level.Trial)
    public void setup() {
        EngineConfig reference = EngineConfig.reference();
        config = reference.withNetwork(reference.network().withHidden(0, hidden));
        RandomStream random = new RandomStream(3);
        float[] x = new float[SAMPLES * 784];
        random.fillNormal(x, 0, x.length, 0, 1);
        int[] labels = new int[SAMPLES];
        for (int i = 0; i < SAMPLES; i++) {
            labels[i] = (int) random.nextLong(10);
        }
        Dataset images = Dataset.of(x, labels, 28, 28, 10);
        data = new TrainTest(null, images, images);
        gemm = new Gemm(threads);
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        gemm.close();
    }

    @Benchmark
    public Object cycle() {
        try (Gemm.Binding bound = Gemm.bind(gemm)) {
            return Experiment.trainDense(config, data, 42424242L, 1, config.training().batchesPerCycle());
        }
    }
}
