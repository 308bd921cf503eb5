package org.dtc.cli;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import org.dtc.engine.Checkpoint;
import org.dtc.engine.RunPlan;

/**
 * A run's results folder through its life: chosen (given, or results/&lt;timestamp&gt;), checked
 * before any work (never silently over earlier results, never a file in the way, writable),
 * locked against a second dtc run for as long as this one goes, holding one checkpoint folder
 * per run, and taken away again if the run fails before it wrote anything worth keeping.
 */
final class ResultsFolder implements AutoCloseable {
    /** Held while a run writes into the folder; the OS lets it go when the process ends, however. */
    static final String LOCK = ".dtc.lock";
    /** What a run writes: what --force clears so that no earlier run's files stay beside the new ones. */
    private static final List<String> RESULTS = List.of("checkpoints", "export", "cycles.csv", "table1.md",
            "report.md", "summary.json", "manifest.json", "cells", "study.csv", "overlap.csv", "study.md");

    private final Path dir;
    /** The outermost folder this run made (dir or a parent), or null if dir existed. */
    private final Path made;
    private final FileChannel lockFile;
    private final FileLock lock;

    private ResultsFolder(Path dir, Path made, FileChannel lockFile, FileLock lock) {
        this.dir = dir;
        this.made = made;
        this.lockFile = lockFile;
        this.lock = lock;
    }

    /**
     * Opens {@code out} (null: a new timestamped folder under results/) for a new run, for a
     * resumed one ({@code resume}), or over earlier results ({@code force}).
     */
    static ResultsFolder open(Path out, boolean force, boolean resume) throws IOException {
        return open(out, force, resume, "checkpoints");
    }

    /**
     * The same, for a command whose interrupted work is kept in the folder {@code progress}
     * ({@code dtc study}'s cells): --resume needs it to be there.
     */
    static ResultsFolder open(Path out, boolean force, boolean resume, String progress) throws IOException {
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
        if (!force && !resume && Files.isDirectory(dir) && !contents(dir).isEmpty()) {
            throw new IllegalArgumentException(dir + " already holds results; choose another --out or add --force");
        }
        if (resume && !Files.isDirectory(dir.resolve(progress))) {
            throw new IllegalArgumentException("--resume: " + dir + " holds no " + progress + ", so there is no interrupted "
                    + "run to resume" + (contents(dir).isEmpty() ? "" : " (add --force instead to replace its results)"));
        }
        Path made = firstMissing(dir);
        FileChannel channel;
        try {
            Files.createDirectories(dir);
            channel = FileChannel.open(dir.resolve(LOCK), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
        } catch (IOException | RuntimeException e) {
            throw new IllegalArgumentException("cannot write results into " + dir + " (" + e.getMessage() + ")");
        }
        FileLock lock;
        try {
            lock = channel.tryLock();
        } catch (IOException | OverlappingFileLockException e) {
            lock = null;
        }
        if (lock == null) {
            closeQuietly(channel);
            throw new IllegalArgumentException(dir + " is in use by another dtc run; wait for it to end or choose "
                    + "another --out");
        }
        ResultsFolder folder = new ResultsFolder(dir, made, channel, lock);
        if (force && !resume) {
            folder.clearEarlierResults();
        }
        return folder;
    }

    /** The folder's entries but for the lock. */
    private static List<Path> contents(Path dir) throws IOException {
        try (Stream<Path> listing = Files.list(dir)) {
            return listing.filter(p -> !p.getFileName().toString().equals(LOCK)).toList();
        }
    }

    /** --force: the earlier run's files go, so that none of them stays beside the new results. */
    private void clearEarlierResults() throws IOException {
        for (Path p : contents(dir)) {
            String name = p.getFileName().toString();
            if (RESULTS.contains(name) || name.matches("(figure\\d|study-).*\\.(png|svg)")) {
                deleteTree(p);
            }
        }
    }

    /**
     * Refuses a resume whose runs are not those the folder's checkpoints belong to: resuming part
     * of an interrupted experiment would rewrite its cycles.csv without the others.
     */
    void checkResumes(List<RunPlan.Run> runs) throws IOException {
        Set<String> planned = runs.stream().map(r -> checkpoint(r).getFileName().toString())
                .collect(Collectors.toSet());
        List<String> names;
        try (Stream<Path> listing = Files.list(dir.resolve("checkpoints"))) {
            names = listing.map(p -> p.getFileName().toString()).sorted().toList();
        }
        for (String name : names) {
            if (name.endsWith(".ckpt")) {
                throw new IllegalArgumentException(dir.resolve("checkpoints").resolve(name) + " is a checkpoint of an "
                        + "older dtc (before checkpoints were .npy and JSON): resume with the dtc that wrote it, or "
                        + "delete " + dir.resolve("checkpoints") + " to start afresh");
            }
        }
        List<String> others = names.stream().filter(n -> !planned.contains(n)).toList();
        if (!others.isEmpty()) {
            throw new IllegalArgumentException("--resume: " + dir + " holds runs these options do not name ("
                    + String.join(", ", others) + "); resume with the strategies and seeds of the interrupted run");
        }
    }

    @Override
    public void close() {
        try {
            lock.release();
        } catch (IOException e) {
            // the process lets go of it when it ends anyway
        }
        closeQuietly(lockFile);
    }

    private static void closeQuietly(FileChannel c) {
        try {
            c.close();
        } catch (IOException e) {
            // nothing more to do
        }
    }

    private static void deleteTree(Path p) throws IOException {
        try (Stream<Path> walk = Files.walk(p)) {
            for (Path q : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(q);
            }
        }
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
        close();
        try {
            Files.deleteIfExists(dir.resolve(LOCK));
        } catch (IOException e) {
            return;
        }
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
