package org.dtc.bench;

import java.util.concurrent.TimeUnit;
import org.dtc.core.Kernels;
import org.dtc.core.Op;
import org.dtc.core.RandomStream;
import org.ejml.data.FMatrixRMaj;
import org.ejml.dense.row.CommonOps_FDRM;
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
 * Our multi-threaded SIMD GEMM against EJML's single-threaded float multiply, on the shapes a
 * 784-512-10 network trains with at batch 512 (forward, both backward products, the output
 * layer) and on test-set inference. GFLOP/s = 2 M K N / time.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@State(Scope.Benchmark)
@Fork(value = 1, jvmArgsAppend = {"--add-modules=jdk.incubator.vector"})
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 5, time = 1)
public class GemmBenchmark {
    @Param({"512x784x512", "512x512x784:TN", "512x512x784:NT", "512x512x10", "10000x784x512"})
    public String shape;

    private GemmShape s;
    private float[] a;
    private float[] b;
    private float[] c;
    private FMatrixRMaj ejmlA;
    private FMatrixRMaj ejmlB;
    private FMatrixRMaj ejmlC;

    @Setup
    public void setup() {
        s = GemmShape.parse(shape);
        RandomStream random = new RandomStream(42);
        a = new float[s.aRows() * s.aCols()];
        b = new float[s.bRows() * s.bCols()];
        c = new float[s.m() * s.n()];
        random.fillUniform(a, 0, a.length, -1, 1);
        random.fillUniform(b, 0, b.length, -1, 1);
        ejmlA = new FMatrixRMaj(s.aRows(), s.aCols(), true, a);
        ejmlB = new FMatrixRMaj(s.bRows(), s.bCols(), true, b);
        ejmlC = new FMatrixRMaj(s.m(), s.n());
        // A fast wrong kernel must not score: both sides have to agree before anything is timed.
        ours();
        ejml();
        PeerCheck.sameFloats("GEMM " + shape, c, ejmlC.data, s.k());
    }

    @Benchmark
    public float[] ours() {
        Kernels.gemm(s.opA(), s.opB(), s.m(), s.n(), s.k(), 1f, a, 0, s.aCols(), b, 0, s.bCols(), 0f, c, 0, s.n());
        return c;
    }

    @Benchmark
    public FMatrixRMaj ejml() {
        if (s.opA() == Op.N && s.opB() == Op.N) {
            CommonOps_FDRM.mult(ejmlA, ejmlB, ejmlC);
        } else if (s.opA() == Op.T && s.opB() == Op.N) {
            CommonOps_FDRM.multTransA(ejmlA, ejmlB, ejmlC);
        } else if (s.opA() == Op.N) {
            CommonOps_FDRM.multTransB(ejmlA, ejmlB, ejmlC);
        } else {
            CommonOps_FDRM.multTransAB(ejmlA, ejmlB, ejmlC);
        }
        return ejmlC;
    }
}
