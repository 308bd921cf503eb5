package org.dtc.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import org.dtc.engine.Checkpoint;
import org.dtc.engine.RunPlan;

/**
 * A run's results folder through its life: chosen (given, or results/&lt;timestamp&gt;), checked
 * before any work (never silently over earlier results, never a file in the way, writable),
 * holding one checkpoint folder per run, and taken away again if the run fails before it wrote
 * anything worth keeping.
 */
final class ResultsFolder {
    private final Path dir;
    /** The outermost folder this run made (dir or a parent), or null if dir existed. */
    private final Path made;

    private ResultsFolder(Path dir, Path made) {
        this.dir = dir;
        this.made = made;
    }

    /**
     * Opens {@code out} (null: a new timestamped folder under results/) for a new run, for a
     * resumed one ({@code resume}), or over earlier results ({@code force}).
     */
    static ResultsFolder open(Path out, boolean force, boolean resume) throws IOException {
        if (out != null && out.toString().isBlank()) {
            throw new IllegalArgumentException("--out is empty: name a folder");
        }
        if (resume && out == null) {
            throw new IllegalArgumentException("--resume needs --out DIR, the folder of the interrupted run");
        }
        Path dir = out != null ? out : Path.of("results",
                LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss")));
        if (Files.exists(dir) && !Files.isDirectory(dir)) {
            throw new IllegalArgumentException("cannot write results into " + dir + ": it is a file, not a folder");
        }
        if (resume && !Files.isDirectory(dir)) {
            throw new IllegalArgumentException("--resume: " + dir + " does not exist, so there is no run to resume"
                    + " (without --resume a new run starts there)");
        }
        if (!force && !resume && Files.isDirectory(dir)) {
            try (var listing = Files.list(dir)) {
                if (listing.findAny().isPresent()) {
                    throw new IllegalArgumentException(dir + " already holds results; choose another --out or add --force");
                }
            }
        }
        Path made = firstMissing(dir);
        try {
            Files.createDirectories(dir);
            Files.deleteIfExists(Files.createTempFile(dir, ".write-test", ".tmp"));
        } catch (IOException | RuntimeException e) {
            throw new IllegalArgumentException("cannot write results into " + dir + " (" + e.getMessage() + ")");
        }
        return new ResultsFolder(dir, made);
    }

    Path path() {
        return dir;
    }

    Path file(String name) {
        return dir.resolve(name);
    }

    /** Where a run's checkpoint lives. */
    Path checkpoint(RunPlan.Run run) {
        return dir.resolve("checkpoints").resolve(run.strategy().name() + "-seed" + run.seed());
    }

    /** The run's checkpoint, when one was written before an interruption; null otherwise. */
    Checkpoint resumable(RunPlan.Run run) throws IOException {
        Path folder = checkpoint(run);
        return Files.isDirectory(folder) ? Checkpoint.read(folder) : null;
    }

    /**
     * After a failure, takes away the folders this run made as long as nothing was written into
     * them: a run that failed before its first cycle leaves no trace, one that wrote cycles or
     * checkpoints keeps them for --resume.
     */
    void abandon() {
        if (made == null) {
            return;
        }
        for (Path p = dir.toAbsolutePath(); p != null; p = p.getParent()) {
            try {
                Files.deleteIfExists(p);
            } catch (IOException notEmpty) {
                return;
            }
            if (p.equals(made)) {
                return;
            }
        }
    }

    /** The outermost of {@code dir} and its parents that does not exist yet, or null if dir exists. */
    private static Path firstMissing(Path dir) {
        Path missing = null;
        for (Path p = dir.toAbsolutePath(); p != null && !Files.exists(p); p = p.getParent()) {
            missing = p;
        }
        return missing;
    }
}
