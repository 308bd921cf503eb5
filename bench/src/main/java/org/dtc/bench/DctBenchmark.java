package org.dtc.bench;

import java.util.concurrent.TimeUnit;
import org.dtc.core.RandomStream;
import org.dtc.cs.Dct;
import org.dtc.cs.DctType;
import org.jtransforms.dct.DoubleDCT_1D;
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
 * Orthonormal DCTs of one vector: ours against JTransforms for the DCT-II (the type both have),
 * ours alone for the DCT-I (through a real FFT of the even extension), and building the explicit
 * DCT-I basis.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@State(Scope.Benchmark)
@Fork(value = 1, jvmArgsAppend = {"--add-modules=jdk.incubator.vector"})
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
public class DctBenchmark {
    @Param({"64", "256", "512"})
    public int m;

    private double[] x;
    private double[] out;
    private double[] scratch;
    private Dct dct2;
    private Dct dct1;
    private DoubleDCT_1D jtransforms;

    @Setup
    public void setup() {
        x = new double[m];
        RandomStream random = new RandomStream(1);
        random.fillNormal(x, 0, m, 0, 1);
        out = new double[m];
        scratch = new double[m];
        dct2 = new Dct(DctType.II, m);
        dct1 = new Dct(DctType.I, m);
        jtransforms = new DoubleDCT_1D(m);
        // Both DCT-IIs must agree before either is timed.
        ours2();
        double[] theirs = jtransforms2().clone();
        for (int i = 0; i < m; i++) {
            if (Math.abs(out[i] - theirs[i]) > 1e-12 * Math.sqrt(m)) {
                throw new IllegalStateException("DCT-II disagrees with JTransforms at " + i);
            }
        }
    }

    @Benchmark
    public double[] ours2() {
        dct2.apply(x, 0, out, 0);
        return out;
    }

    @Benchmark
    public double[] jtransforms2() {
        System.arraycopy(x, 0, scratch, 0, m);
        jtransforms.forward(scratch, true);
        return scratch;
    }

    @Benchmark
    public double[] ours1() {
        dct1.apply(x, 0, out, 0);
        return out;
    }

    @Benchmark
    public double[] basis1() {
        return Dct.matrix(DctType.I, m);
    }
}
