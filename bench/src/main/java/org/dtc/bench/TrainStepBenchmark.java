package org.dtc.bench;

import java.util.concurrent.TimeUnit;
import org.dtc.core.RandomStream;
import org.dtc.nn.Adam;
import org.dtc.nn.Init;
import org.dtc.nn.Mlp;
import org.dtc.nn.NetworkSpec;
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
 * One training step of the paper's network, 784-H-10 without bias or batch norm, at batch 512:
 * forward, softmax cross-entropy, backward, Adam update. Inputs are seeded normal values (the
 * arithmetic does not depend on them).
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@State(Scope.Benchmark)
@Fork(value = 1, jvmArgsAppend = {"--add-modules=jdk.incubator.vector"})
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 5, time = 1)
public class TrainStepBenchmark {
    static final int BATCH = 512;

    @Param({"512", "256", "64"})
    public int hidden;

    private Mlp net;
    private Adam adam;
    private float[] x;
    private int[] labels;
    private long step;

    @Setup
    public void setup() {
        net = new Mlp(new NetworkSpec(new int[] {784, hidden, 10}, false, false, false, true), BATCH);
        net.initialize(Init.XAVIER_NORMAL, 1.0, 42424242);
        adam = new Adam(net.layout().size());
        RandomStream random = new RandomStream(1);
        x = new float[BATCH * 784];
        random.fillNormal(x, 0, x.length, 0, 1);
        labels = new int[BATCH];
        for (int i = 0; i < BATCH; i++) {
            labels[i] = (int) random.nextLong(10);
        }
    }

    @Benchmark
    public double step() {
        return net.trainStep(x, 0, labels, 0, BATCH, adam, step++);
    }
}
