package org.dtc.bench;

import java.util.concurrent.TimeUnit;
import org.dtc.core.RandomStream;
import org.dtc.nn.Evaluation;
import org.dtc.nn.Init;
import org.dtc.nn.Mlp;
import org.dtc.nn.NetworkSpec;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/** Loss and accuracy of 784-512-10 over 10,000 samples (the size of MNIST's test set) in one batch. */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@State(Scope.Benchmark)
@Fork(value = 1, jvmArgsAppend = {"--add-modules=jdk.incubator.vector"})
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 5, time = 1)
public class InferenceBenchmark {
    static final int SAMPLES = 10_000;

    private Mlp net;
    private float[] x;
    private int[] labels;

    @Setup
    public void setup() {
        net = new Mlp(NetworkSpec.parse("784-512-10"), SAMPLES);
        net.initialize(Init.XAVIER_NORMAL, 1.0, 42424242);
        RandomStream random = new RandomStream(2);
        x = new float[SAMPLES * 784];
        random.fillNormal(x, 0, x.length, 0, 1);
        labels = new int[SAMPLES];
        for (int i = 0; i < SAMPLES; i++) {
            labels[i] = (int) random.nextLong(10);
        }
    }

    @Benchmark
    public Evaluation infer() {
        return net.evaluate(x, labels, SAMPLES, SAMPLES);
    }
}
