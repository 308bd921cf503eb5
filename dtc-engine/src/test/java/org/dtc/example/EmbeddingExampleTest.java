package org.dtc.example;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.IntStream;
import org.dtc.core.RandomStream;
import org.dtc.cs.DctType;
import org.dtc.cs.LassoOptions;
import org.dtc.cs.LassoPlan;
import org.dtc.cs.LassoResult;
import org.dtc.cs.Solver;
import org.dtc.cs.Measurement;
import org.dtc.cs.SolverStatus;
import org.dtc.data.Dataset;
import org.dtc.data.TrainTest;
import org.dtc.engine.CycleRecord;
import org.dtc.engine.EngineConfig;
import org.dtc.engine.Experiment;
import org.dtc.engine.KeepRule;
import org.dtc.engine.PruningStrategy;
import org.dtc.engine.RunRequest;
import org.dtc.nn.Adam;
import org.dtc.nn.Evaluation;
import org.dtc.nn.Init;
import org.dtc.nn.Mlp;
import org.dtc.nn.NetworkSpec;
import org.junit.jupiter.api.Test;

/**
 * docs/embedding.md's examples, compiled and run by the build so that it stays
 * true: one DTC step by hand on the engine's parts, then the whole train-compress loop.
 */
class EmbeddingExampleTest {
    private static final int FEATURES = 20;

    /** Two Gaussian blobs, label i % 2, centred at -1 and +1 in every feature. */
    private static Dataset blobs(int samples, long seed) {
        RandomStream random = new RandomStream(seed);
        float[] x = new float[samples * FEATURES];
        int[] y = new int[samples];
        for (int i = 0; i < samples; i++) {
            y[i] = i % 2;
            for (int f = 0; f < FEATURES; f++) {
                x[i * FEATURES + f] = (float) (random.nextGaussian() + (y[i] == 1 ? 1 : -1));
            }
        }
        return Dataset.of(x, y, 1, FEATURES, 2);
    }

    @Test
    void oneDtcStepByHand() {
        Dataset train = blobs(1000, 1);
        float[] x = train.inputs();
        int[] y = train.labels();

        // A 20-64-2 network for batches of up to 100, Xavier-initialised from a seed, Adam.
        Mlp net = new Mlp(NetworkSpec.parse("20-64-2"), 100);
        net.initialize(Init.XAVIER_NORMAL, 1.0, 42);
        Adam adam = new Adam(net.layout().size());
        for (int step = 0; step < 50; step++) {
            int first = step % 10 * 100;
            net.trainStep(x, first * FEATURES, y, first, 100, adam, step);
        }
        Evaluation trained = net.evaluate(x, y, 1000, 100);

        // Weight rays of hidden layer 0: each unit's incoming and outgoing weights summed.
        float[] incoming = new float[64];
        float[] outgoing = new float[64];
        net.incomingSums(0, incoming);
        net.outgoingSums(0, outgoing);

        // Measured by a seeded Gaussian Phi (n = int(64 * 0.1) = 6 rows), each recovered as a
        // sparse vector of DCT-I coefficients by the LASSO; the two solutions added score the units.
        Measurement phi = Measurement.gaussian(64, 0.9, 42424242, DctType.I);
        LassoPlan lasso = Solver.LARS.create().plan(phi.theta(), phi.n(), phi.m());
        double[] s1 = new double[64];
        double[] s2 = new double[64];
        LassoResult r1 = lasso.solve(phi.measure(toDouble(incoming)), 0.3, s1, LassoOptions.DEFAULT);
        LassoResult r2 = lasso.solve(phi.measure(toDouble(outgoing)), 0.3, s2, LassoOptions.DEFAULT);

        // Remove the units of largest |s1 + s2| for real, as many as the experiment's rule removes
        // at a fraction of 0.1 (it keeps numpy's 0.9-quantile count, 57 of 64): now 20-57-2.
        int[] remove = IntStream.range(0, 64).boxed()
                .sorted(Comparator.comparingDouble(u -> -Math.abs(s1[u] + s2[u])))
                .limit(64 - KeepRule.keptCount(64, 0.1)).mapToInt(Integer::intValue).toArray();
        net.removeUnits(0, remove, adam, false);
        Evaluation pruned = net.evaluate(x, y, 1000, 100);

        assertThat(r1.status()).isEqualTo(SolverStatus.SOLVED);
        assertThat(r2.status()).isEqualTo(SolverStatus.SOLVED);
        assertThat(phi.n()).isEqualTo(6);
        assertThat(net.spec().toString()).isEqualTo("20-57-2");
        assertThat(trained.accuracy()).isGreaterThan(0.95); // the blobs are 8.9 standard deviations apart
        assertThat(pruned.accuracy()).isGreaterThan(0.9);
    }

    @Test
    void theWholeLoop() {
        TrainTest data = new TrainTest(null, blobs(1000, 1), blobs(400, 2));
        // The paper's settings on a small network: 20 batches of 50 per cycle, remove 10% of the
        // hidden units per cycle until 10 or fewer remain.
        EngineConfig config = EngineConfig.paper()
                .withNetwork(NetworkSpec.parse("20-64-2"))
                .withTraining(t -> t.withBatchesPerCycle(20).withBatchSize(50).withEvalBatchSize(100));
        List<CycleRecord> cycles = new ArrayList<>();
        Experiment.run(RunRequest.of(config, data, PruningStrategy.named("dtc"), 42424242)
                .withListener(cycles::add));

        assertThat(cycles.get(0).hidden()).containsExactly(57);
        assertThat(cycles.get(cycles.size() - 1).hidden()[0]).isLessThanOrEqualTo(10);
        assertThat(cycles).allSatisfy(c -> assertThat(c.accuracy()).isGreaterThan(0.9));
    }

    private static double[] toDouble(float[] v) {
        double[] d = new double[v.length];
        for (int i = 0; i < v.length; i++) {
            d[i] = v[i];
        }
        return d;
    }
}
