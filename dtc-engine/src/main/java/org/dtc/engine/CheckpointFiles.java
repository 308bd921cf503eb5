package org.dtc.engine;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.dtc.core.AtomicFile;
import org.dtc.core.Json;
import org.dtc.core.Npy;
import org.dtc.core.RandomStream;
import org.dtc.cs.SolverStatus;
import org.dtc.data.Batches;
import org.dtc.nn.Adam;
import org.dtc.nn.Mlp;
import org.dtc.nn.NetworkSize;
import org.dtc.nn.NetworkSpec;

/**
 * A checkpoint on disk: a folder with the large arrays as {@code .npy} files (parameters,
 * Adam's moments, running statistics, the shuffled order) and {@code checkpoint.json} with
 * everything else, a format version and the SHA-256 of every array file.
 *
 * <p>A kill at any moment leaves a whole checkpoint: the array files of a cycle carry its number
 * in their names and are written first; {@code checkpoint.json} is renamed into place last, and
 * only then are the previous cycle's arrays deleted. Reading checks the format and version and
 * every array's checksum, so that a damaged file is refused instead of resumed from.
 */
public final class CheckpointFiles {
    static final String FORMAT = "dtc-checkpoint";
    /** Raised whenever the layout below changes; older and newer checkpoints are refused. */
    static final int VERSION = 1;
    static final String INDEX = "checkpoint.json";

    private CheckpointFiles() {}

    static void write(Checkpoint c, Path dir) throws IOException {
        Files.createDirectories(dir);
        String prefix = "c" + c.nextCycle() + "-";
        Map<String, String> sums = new LinkedHashMap<>();
        Map<String, Object> j = new LinkedHashMap<>();
        j.put("format", FORMAT);
        j.put("version", VERSION);
        j.put("strategy", c.strategy());
        j.put("seed", c.seed());
        j.put("next_cycle", c.nextCycle());
        j.put("batch_index", c.batchIndex());
        j.put("finished", c.finished());
        j.put("config", ConfigJson.toMap(c.config()));

        Mlp.State net = c.network();
        Map<String, Object> network = new LinkedHashMap<>();
        network.put("spec", ConfigJson.recordToMap(net.spec()));
        network.put("params", array(dir, prefix + "params.npy", net.params(), sums));
        List<Object> means = new ArrayList<>();
        List<Object> vars = new ArrayList<>();
        for (int i = 0; i < net.runningMean().length; i++) {
            means.add(net.runningMean()[i] == null ? null
                    : array(dir, prefix + "running-mean-" + i + ".npy", net.runningMean()[i], sums));
            vars.add(net.runningVar()[i] == null ? null
                    : array(dir, prefix + "running-var-" + i + ".npy", net.runningVar()[i], sums));
        }
        network.put("running_mean", means);
        network.put("running_var", vars);
        j.put("network", network);

        if (c.adam() != null) {
            Map<String, Object> adam = new LinkedHashMap<>();
            adam.put("t", c.adam().t());
            adam.put("m", array(dir, prefix + "adam-m.npy", c.adam().m(), sums));
            adam.put("v", array(dir, prefix + "adam-v.npy", c.adam().v(), sums));
            j.put("adam", adam);
        } else {
            j.put("adam", null);
        }

        Batches.State b = c.batches();
        Map<String, Object> batches = new LinkedHashMap<>();
        batches.put("epoch", b.epoch());
        batches.put("index", b.index());
        batches.put("permutation", b.permutation() == null ? null
                : array(dir, prefix + "permutation.npy", toDouble(b.permutation()), sums));
        if (b.random() != null) {
            RandomStream.State r = b.random();
            Map<String, Object> random = new LinkedHashMap<>();
            random.put("words", r.words());
            random.put("position", r.position());
            random.put("has_cached_gaussian", r.hasCachedGaussian());
            // Bits, not a decimal: the cached normal may be any double, NaN excluded.
            random.put("cached_gaussian_bits", Double.doubleToRawLongBits(r.cachedGaussian()));
            batches.put("random", random);
        } else {
            batches.put("random", null);
        }
        j.put("batches", batches);

        List<Object> records = new ArrayList<>();
        for (CycleRecord r : c.records()) {
            records.add(recordToMap(r));
        }
        j.put("records", records);
        j.put("sha256", sums);

        Path index = dir.resolve(INDEX);
        AtomicFile.write(index, (Json.of(j) + "\n").getBytes(StandardCharsets.UTF_8));
        try (var listing = Files.list(dir)) {
            for (Path p : listing.toList()) {
                String name = p.getFileName().toString();
                if (name.endsWith(".npy") && !sums.containsKey(name)) {
                    Files.deleteIfExists(p);
                }
            }
        }
    }

    static Checkpoint read(Path dir) throws IOException {
        Path index = dir.resolve(INDEX);
        String text;
        try {
            text = Files.readString(index, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            throw new IOException(dir + " holds no checkpoint (no " + INDEX + ")");
        } catch (java.nio.charset.CharacterCodingException e) {
            throw damaged(index, "not UTF-8 text");
        }
        Map<?, ?> j;
        try {
            j = (Map<?, ?>) Json.parse(text);
        } catch (IllegalArgumentException | ClassCastException e) {
            throw damaged(index, e.getMessage());
        }
        if (!FORMAT.equals(j.get("format"))) {
            throw damaged(index, "it is not a dtc checkpoint (format " + j.get("format") + ")");
        }
        Object version = j.get("version");
        if (!(version instanceof Long v) || v != VERSION) {
            throw new IOException(index + " is a checkpoint of format version " + version + "; this dtc reads version "
                    + VERSION + ": resume with the dtc that wrote it, or delete " + dir + " to start that run afresh");
        }
        try {
            Map<?, ?> sums = (Map<?, ?>) j.get("sha256");
            EngineConfig config = ConfigJson.fromMap((Map<?, ?>) j.get("config"));
            Map<?, ?> network = (Map<?, ?>) j.get("network");
            NetworkSpec spec = ConfigJson.recordFromMap((Map<?, ?>) network.get("spec"), NetworkSpec.class,
                    "network.spec");
            float[] params = floats(dir, (String) network.get("params"), sums);
            List<?> meanNames = (List<?>) network.get("running_mean");
            List<?> varNames = (List<?>) network.get("running_var");
            float[][] means = new float[meanNames.size()][];
            float[][] vars = new float[varNames.size()][];
            for (int i = 0; i < means.length; i++) {
                means[i] = meanNames.get(i) == null ? null : floats(dir, (String) meanNames.get(i), sums);
                vars[i] = varNames.get(i) == null ? null : floats(dir, (String) varNames.get(i), sums);
            }
            Adam.State adam = null;
            if (j.get("adam") instanceof Map<?, ?> a) {
                adam = new Adam.State(floats(dir, (String) a.get("m"), sums), floats(dir, (String) a.get("v"), sums),
                        (Long) a.get("t"));
            }
            Map<?, ?> b = (Map<?, ?>) j.get("batches");
            int[] permutation = b.get("permutation") == null ? null
                    : toInt(Npy.read(checked(dir, (String) b.get("permutation"), sums)).data());
            RandomStream.State random = null;
            if (b.get("random") instanceof Map<?, ?> r) {
                List<?> words = (List<?>) r.get("words");
                int[] w = new int[words.size()];
                for (int i = 0; i < w.length; i++) {
                    w[i] = Math.toIntExact((Long) words.get(i));
                }
                random = new RandomStream.State(w, Math.toIntExact((Long) r.get("position")),
                        (Boolean) r.get("has_cached_gaussian"),
                        Double.longBitsToDouble((Long) r.get("cached_gaussian_bits")));
            }
            Batches.State batches = new Batches.State(Math.toIntExact((Long) b.get("epoch")),
                    Math.toIntExact((Long) b.get("index")), permutation, random);
            List<CycleRecord> records = new ArrayList<>();
            for (Object r : (List<?>) j.get("records")) {
                records.add(recordFromMap((Map<?, ?>) r));
            }
            return new Checkpoint(config, (String) j.get("strategy"), (Long) j.get("seed"),
                    Math.toIntExact((Long) j.get("next_cycle")), (Long) j.get("batch_index"),
                    new Mlp.State(spec, params, means, vars), adam, batches, List.copyOf(records),
                    (Boolean) j.get("finished"));
        } catch (ClassCastException | NullPointerException | ArithmeticException | IllegalArgumentException e) {
            throw damaged(index, "a field is missing or of the wrong kind"
                    + (e.getMessage() != null && e instanceof IllegalArgumentException ? " (" + e.getMessage() + ")" : ""));
        }
    }

    private static IOException damaged(Path file, String why) {
        return new IOException(file + " is damaged: " + why + "; delete its folder to start that run afresh");
    }

    /** Writes one array file and notes its checksum; returns its name. */
    private static String array(Path dir, String name, float[] values, Map<String, String> sums) throws IOException {
        Path file = dir.resolve(name);
        Npy.write(file, new int[] {values.length}, values);
        sums.put(name, sha256(file));
        return name;
    }

    private static String array(Path dir, String name, double[] values, Map<String, String> sums) throws IOException {
        Path file = dir.resolve(name);
        Npy.write(file, new int[] {values.length}, values);
        sums.put(name, sha256(file));
        return name;
    }

    /** The file, once its checksum matches the one recorded. */
    private static Path checked(Path dir, String name, Map<?, ?> sums) throws IOException {
        if (name.contains("/") || name.contains("\\") || !sums.containsKey(name)) {
            throw damaged(dir.resolve(INDEX), "array " + name + " has no checksum");
        }
        Path file = dir.resolve(name);
        if (!Files.isRegularFile(file)) {
            throw damaged(dir.resolve(INDEX), "its array file " + name + " is missing");
        }
        if (!sha256(file).equals(sums.get(name))) {
            throw new IOException(file + " is damaged: its SHA-256 differs from the one " + INDEX
                    + " recorded; delete " + dir + " to start that run afresh");
        }
        return file;
    }

    private static float[] floats(Path dir, String name, Map<?, ?> sums) throws IOException {
        double[] d = Npy.read(checked(dir, name, sums)).data();
        float[] f = new float[d.length];
        for (int i = 0; i < d.length; i++) {
            f[i] = (float) d[i];
        }
        return f;
    }

    private static String sha256(Path file) throws IOException {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }

    private static double[] toDouble(int[] a) {
        double[] d = new double[a.length];
        for (int i = 0; i < a.length; i++) {
            d[i] = a[i];
        }
        return d;
    }

    private static int[] toInt(double[] d) {
        int[] a = new int[d.length];
        for (int i = 0; i < d.length; i++) {
            a[i] = (int) d[i];
        }
        return a;
    }

    private static Map<String, Object> recordToMap(CycleRecord r) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("strategy", r.strategy());
        m.put("seed", r.seed());
        m.put("cycle", r.cycle());
        m.put("hidden", r.hidden());
        m.put("sparsity", r.sparsity());
        m.put("accuracy", r.accuracy());
        m.put("loss", r.loss());
        m.put("gibbs_previous", r.gibbsPrevious());
        m.put("gibbs_next", r.gibbsNext());
        m.put("seconds", r.seconds());
        m.put("training_flops", r.trainingFlops());
        m.put("size", ConfigJson.recordToMap(r.size()));
        m.put("test_loss", r.testLoss());
        m.put("test_seconds", r.testSeconds());
        List<Object> layers = new ArrayList<>();
        for (CycleRecord.Layer l : r.layers()) {
            Map<String, Object> lm = new LinkedHashMap<>();
            lm.put("width", l.width());
            lm.put("measured_incoming", l.measuredIncoming());
            lm.put("measured_outgoing", l.measuredOutgoing());
            lm.put("gibbs_previous", l.gibbsPrevious());
            lm.put("gibbs_next", l.gibbsNext());
            lm.put("outside_previous", l.outsidePrevious());
            lm.put("outside_next", l.outsideNext());
            lm.put("scores", l.scores());
            lm.put("solver_status", l.solverStatus() == null ? null : l.solverStatus().name());
            lm.put("solver_iterations", l.solverIterations());
            lm.put("solver_seconds", l.solverSeconds());
            layers.add(lm);
        }
        m.put("layers", layers);
        return m;
    }

    private static CycleRecord recordFromMap(Map<?, ?> m) {
        List<CycleRecord.Layer> layers = new ArrayList<>();
        for (Object o : (List<?>) m.get("layers")) {
            Map<?, ?> l = (Map<?, ?>) o;
            layers.add(new CycleRecord.Layer(Math.toIntExact((Long) l.get("width")), doubles(l.get("measured_incoming")),
                    doubles(l.get("measured_outgoing")), number(l.get("gibbs_previous")), number(l.get("gibbs_next")),
                    Math.toIntExact((Long) l.get("outside_previous")), Math.toIntExact((Long) l.get("outside_next")),
                    l.get("scores") == null ? null : doubles(l.get("scores")),
                    l.get("solver_status") == null ? null : SolverStatus.valueOf((String) l.get("solver_status")),
                    Math.toIntExact((Long) l.get("solver_iterations")), number(l.get("solver_seconds"))));
        }
        List<?> hidden = (List<?>) m.get("hidden");
        int[] h = new int[hidden.size()];
        for (int i = 0; i < h.length; i++) {
            h[i] = Math.toIntExact((Long) hidden.get(i));
        }
        return new CycleRecord((String) m.get("strategy"), (Long) m.get("seed"), Math.toIntExact((Long) m.get("cycle")),
                h, number(m.get("sparsity")), number(m.get("accuracy")), number(m.get("loss")),
                number(m.get("gibbs_previous")), number(m.get("gibbs_next")), List.copyOf(layers),
                number(m.get("seconds")), number(m.get("training_flops")),
                ConfigJson.recordFromMap((Map<?, ?>) m.get("size"), NetworkSize.class, "records.size"),
                number(m.get("test_loss")), number(m.get("test_seconds")));
    }

    // A record's numbers are written as decimals, which read back to the same double; JSON has
    // no NaN (an entropy with no values in range), so it is written as null and read back as NaN.
    private static double number(Object value) {
        return value == null ? Double.NaN : ((Number) value).doubleValue();
    }

    private static double[] doubles(Object values) {
        List<?> list = (List<?>) values;
        double[] d = new double[list.size()];
        for (int i = 0; i < d.length; i++) {
            d[i] = number(list.get(i));
        }
        return d;
    }
}
