package org.dtc.data;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/**
 * A folder holding a dataset's four files, each either gzip'd under its standard name or
 * uncompressed without the {@code .gz}. Loading verifies every file's SHA-256 before use.
 */
public record DataFolder(DatasetSpec spec, Path dir) {
    /** The path of one file in this folder, gzip'd or raw, or null when neither exists. */
    public Path find(DataFile file) {
        Path gz = dir.resolve(file.gzName());
        if (Files.isRegularFile(gz)) {
            return gz;
        }
        Path raw = dir.resolve(file.name());
        return Files.isRegularFile(raw) ? raw : null;
    }

    /**
     * Why a file that is here in name cannot be used, or null: a folder in its place, a symbolic
     * link that leads nowhere (a loop, or a target that is gone), a file that cannot be read.
     */
    public String obstacle(DataFile file) {
        for (Path p : List.of(dir.resolve(file.gzName()), dir.resolve(file.name()))) {
            if (Files.isRegularFile(p)) {
                return Files.isReadable(p) ? null : p + " cannot be read (permission denied)";
            }
            if (Files.isDirectory(p)) {
                return p + " is a folder, not a data file";
            }
            if (Files.isSymbolicLink(p)) {
                return p + " is a symbolic link that leads nowhere (a loop, or its target is gone)";
            }
            if (Files.exists(p, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
                return p + " is not a regular file";
            }
        }
        return null;
    }

    /** The first file that is here in name but cannot be used, as a DataException; nothing if none. */
    public void checkUsable() {
        for (DataFile f : spec.files()) {
            String why = obstacle(f);
            if (why != null) {
                throw new DataException(why);
            }
        }
    }

    /** Whether all four files are here (not whether they verify). */
    public boolean complete() {
        return missing().isEmpty();
    }

    /** The files that are not here. */
    public List<DataFile> missing() {
        List<DataFile> missing = new ArrayList<>();
        for (DataFile f : spec.files()) {
            if (find(f) == null) {
                missing.add(f);
            }
        }
        return missing;
    }

    /** What went wrong reading a file, in words: the JDK's messages for these are just the path. */
    static String describe(IOException e) {
        if (e instanceof java.nio.file.AccessDeniedException) {
            return "cannot be read (permission denied)";
        }
        if (e instanceof java.nio.file.FileSystemLoopException) {
            return "is a symbolic link loop";
        }
        if (e instanceof java.nio.file.NoSuchFileException) {
            return "does not exist (removed while reading?)";
        }
        String message = e.getMessage();
        return message == null || message.isBlank() ? e.getClass().getSimpleName() : message;
    }

    /** Reads, verifies and normalises both splits. */
    public TrainTest load(Normalization normalization) {
        checkUsable();
        if (!complete()) {
            throw new DataException(dir + " lacks the " + spec.name() + " files "
                    + String.join(", ", missing().stream().map(DataFile::gzName).toList()));
        }
        // The test split on a second thread: unpacking, hashing and converting are serial per
        // file, and the other core has nothing to do yet. A training split that fails is reported
        // first, as before.
        CompletableFuture<Dataset> test = CompletableFuture.supplyAsync(
                () -> Dataset.fromIdx(read(spec.testImages()), read(spec.testLabels()), spec.classes(), normalization));
        Dataset train = Dataset.fromIdx(read(spec.trainImages()), read(spec.trainLabels()), spec.classes(), normalization);
        Dataset testSplit;
        try {
            testSplit = test.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException cause) {
                throw cause;
            }
            throw e;
        }
        if (train.count() == 0 || testSplit.count() == 0) {
            DataFile empty = train.count() == 0 ? spec.trainImages() : spec.testImages();
            throw new DataException(find(empty) + " holds no images: a split without samples can be neither trained "
                    + "on nor tested");
        }
        if (testSplit.height() != train.height() || testSplit.width() != train.width()) {
            throw new DataException(find(spec.testImages()) + " holds " + testSplit.height() + " x "
                    + testSplit.width() + " images, " + find(spec.trainImages()) + " "
                    + train.height() + " x " + train.width() + ": the splits must agree");
        }
        return new TrainTest(spec, train, testSplit);
    }

    /** Problems found when checking every file's presence and checksum: empty when all is well. */
    public List<String> verify() {
        List<String> problems = new ArrayList<>();
        for (DataFile f : spec.files()) {
            try {
                if (find(f) == null) {
                    String why = obstacle(f);
                    problems.add(why != null ? why : dir.resolve(f.gzName()) + ": missing");
                } else {
                    read(f);
                }
            } catch (DataException e) {
                problems.add(e.getMessage());
            }
        }
        return problems;
    }

    /** One file, parsed and checked against its SHA-256. */
    IdxFile read(DataFile file) {
        Path path = find(file);
        try {
            byte[] content = IdxFile.readContent(path, file.contentLimit());
            String actual = file.sha256() == null ? null : Checksums.sha256(content);
            if (actual != null && !actual.equals(file.sha256())) {
                throw new DataException(path + ": SHA-256 of the uncompressed content is " + actual + ", "
                        + spec.name() + "'s " + file.name() + " has " + file.sha256());
            }
            return IdxFile.parse(path, content);
        } catch (IOException e) {
            throw new DataException(path + ": " + describe(e), e);
        }
    }
}
