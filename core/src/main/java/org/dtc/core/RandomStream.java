package org.dtc.core;

/**
 * The project's one seeded random generator: MT19937 (the Mersenne Twister), seeded and used
 * exactly as numpy's legacy {@code numpy.random.RandomState(seed)} does.
 *
 * <p>Why this generator: the paper's experiment draws its measurement matrices and its random
 * pruning from numpy's legacy generator, and reproducing that run means drawing the same numbers
 * bit for bit. One generator for everything keeps every stream in the project equally
 * reproducible. Its period (2^19937 - 1) and equidistribution are ample for this work; it is not
 * for cryptography. Different purposes use different seeds, never a shared instance across
 * threads (an instance is not thread-safe).
 *
 * <p>Each method names the numpy call it equals for the same seed and call sequence.
 */
public final class RandomStream {
    private static final int N = 624;
    private static final int M = 397;
    private static final int MATRIX_A = 0x9908b0df;
    private static final int UPPER_MASK = 0x80000000;
    private static final int LOWER_MASK = 0x7fffffff;

    private final int[] state = new int[N];
    private int position;
    private boolean hasCachedGaussian;
    private double cachedGaussian;

    /** {@code RandomState(seed)}: MT19937's init_genrand with a seed in 0 .. 2^32 - 1. */
    public RandomStream(long seed) {
        if (seed < 0 || seed > 0xffffffffL) {
            throw new IllegalArgumentException("seed must be in 0 .. 4294967295, not " + seed);
        }
        state[0] = (int) seed;
        for (int i = 1; i < N; i++) {
            int prev = state[i - 1];
            state[i] = 1812433253 * (prev ^ (prev >>> 30)) + i;
        }
        position = N;
    }

    /** Where a stream stands: MT19937's 624 words, the next word's index and the cached normal. */
    public record State(int[] words, int position, boolean hasCachedGaussian, double cachedGaussian) {}

    /** A copy of where this stream stands. */
    public State state() {
        return new State(state.clone(), position, hasCachedGaussian, cachedGaussian);
    }

    /** A stream that goes on from a saved state exactly as the one it was taken from. */
    public static RandomStream restore(State saved) {
        if (saved.words().length != N || saved.position() < 0 || saved.position() > N) {
            throw new IllegalArgumentException("a random stream's state has " + N + " words and a position in 0.."
                    + N + ", not " + saved.words().length + " and " + saved.position());
        }
        RandomStream r = new RandomStream(0);
        System.arraycopy(saved.words(), 0, r.state, 0, N);
        r.position = saved.position();
        r.hasCachedGaussian = saved.hasCachedGaussian();
        r.cachedGaussian = saved.cachedGaussian();
        return r;
    }

    /** The next raw 32-bit output, as an unsigned value in an int. */
    public int nextInt32() {
        if (position >= N) {
            twist();
        }
        int y = state[position++];
        y ^= y >>> 11;
        y ^= (y << 7) & 0x9d2c5680;
        y ^= (y << 15) & 0xefc60000;
        y ^= y >>> 18;
        return y;
    }

    private void twist() {
        for (int i = 0; i < N; i++) {
            int y = (state[i] & UPPER_MASK) | (state[(i + 1) % N] & LOWER_MASK);
            int next = state[(i + M) % N] ^ (y >>> 1);
            state[i] = (y & 1) == 0 ? next : next ^ MATRIX_A;
        }
        position = 0;
    }

    /** {@code random_sample()}: a double in [0, 1) with 53 random bits. */
    public double nextDouble() {
        long high = (nextInt32() >>> 5) & 0xffffffffL;
        long low = (nextInt32() >>> 6) & 0xffffffffL;
        return (high * 67108864.0 + low) / 9007199254740992.0;
    }

    /** {@code uniform(low, high)}: low + (high - low) * random_sample(). */
    public double uniform(double low, double high) {
        return low + (high - low) * nextDouble();
    }

    /**
     * {@code standard_normal()}: the legacy polar Box-Muller method. It makes two values per
     * accepted pair, returns the second and keeps the first for the next call.
     */
    public double nextGaussian() {
        if (hasCachedGaussian) {
            hasCachedGaussian = false;
            return cachedGaussian;
        }
        double x1;
        double x2;
        double r2;
        do {
            x1 = 2.0 * nextDouble() - 1.0;
            x2 = 2.0 * nextDouble() - 1.0;
            r2 = x1 * x1 + x2 * x2;
        } while (r2 >= 1.0 || r2 == 0.0);
        double f = Math.sqrt(-2.0 * CorrectlyRoundedLog.log(r2) / r2);
        cachedGaussian = f * x1;
        hasCachedGaussian = true;
        return f * x2;
    }

    /** {@code normal(mean, std, n)} into {@code out[off .. off+n)}, rounded to float. */
    public void fillNormal(float[] out, int off, int n, double mean, double std) {
        Checks.vector("out", out, off, n);
        for (int i = 0; i < n; i++) {
            out[off + i] = (float) (mean + std * nextGaussian());
        }
    }

    /** {@code normal(mean, std, n)} into {@code out[off .. off+n)}. */
    public void fillNormal(double[] out, int off, int n, double mean, double std) {
        Checks.vector("out", out, off, n);
        for (int i = 0; i < n; i++) {
            out[off + i] = mean + std * nextGaussian();
        }
    }

    /** {@code uniform(low, high, n)} into {@code out[off .. off+n)}, rounded to float. */
    public void fillUniform(float[] out, int off, int n, double low, double high) {
        Checks.vector("out", out, off, n);
        for (int i = 0; i < n; i++) {
            out[off + i] = (float) uniform(low, high);
        }
    }

    /**
     * {@code randint(bound)}: uniform in 0 .. bound-1 by masked rejection, for 1 <= bound <= 2^32.
     */
    public long nextLong(long bound) {
        if (bound < 1 || bound > 0x1_0000_0000L) {
            throw new IllegalArgumentException("bound must be in 1 .. 4294967296, not " + bound);
        }
        return interval(bound - 1);
    }

    /** numpy's {@code random_interval(max)}: 0 .. max inclusive, masked rejection sampling. */
    private long interval(long max) {
        if (max == 0) {
            return 0;
        }
        long mask = max;
        mask |= mask >>> 1;
        mask |= mask >>> 2;
        mask |= mask >>> 4;
        mask |= mask >>> 8;
        mask |= mask >>> 16;
        long value;
        do {
            value = (nextInt32() & 0xffffffffL) & mask;
        } while (value > max);
        return value;
    }

    /** {@code shuffle(x)}: Fisher-Yates from the last element down, in place. */
    public void shuffle(int[] x) {
        for (int i = x.length - 1; i > 0; i--) {
            int j = (int) interval(i);
            int t = x[i];
            x[i] = x[j];
            x[j] = t;
        }
    }

    /** {@code permutation(n)}: 0 .. n-1 shuffled. */
    public int[] permutation(int n) {
        if (n < 0) {
            throw new IllegalArgumentException("permutation size must be >= 0, not " + n);
        }
        int[] p = new int[n];
        for (int i = 0; i < n; i++) {
            p[i] = i;
        }
        shuffle(p);
        return p;
    }

    /**
     * {@code choice(n, k, replace=False)}: the first k entries of {@code permutation(n)}, in that
     * order (not sorted).
     */
    public int[] choice(int n, int k) {
        if (k < 0 || k > n) {
            throw new IllegalArgumentException("cannot choose " + k + " of " + n + " without replacement");
        }
        return java.util.Arrays.copyOf(permutation(n), k);
    }
}
