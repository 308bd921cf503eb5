package org.dtc.core;

import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Files written whole or not at all: the content goes to a temporary file beside the target,
 * which is then renamed over it, so that a reader (or a kill at any moment) sees the old file or
 * the new one, never half of one. The temporary file is created as any new file is, so that the
 * result's mode follows the user's umask ({@code Files.createTempFile} would make it 0600).
 */
public final class AtomicFile {
    private AtomicFile() {}

    /** A new, empty temporary file in the target's folder (which is created if need be), named after it. */
    public static Path temporaryBeside(Path file) throws IOException {
        Path dir = file.toAbsolutePath().getParent();
        Files.createDirectories(dir);
        while (true) {
            Path temp = dir.resolve("." + file.getFileName() + "." + Long.toHexString(
                    ThreadLocalRandom.current().nextLong() & Long.MAX_VALUE) + ".part");
            try {
                return Files.createFile(temp);
            } catch (FileAlreadyExistsException taken) {
                // another writer's: draw another name
            }
        }
    }

    /** Renames a finished temporary file over the target, atomically. */
    public static void moveIntoPlace(Path temp, Path file) throws IOException {
        Files.move(temp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    }

    /** Writes the bytes to {@code file} whole or not at all. */
    public static void write(Path file, byte[] bytes) throws IOException {
        Path temp = temporaryBeside(file);
        try {
            Files.write(temp, bytes);
            moveIntoPlace(temp, file);
        } finally {
            Files.deleteIfExists(temp);
        }
    }

    /**
     * Takes away the temporary files that writes into {@code dir} left when they were killed
     * midway; returns how many.
     */
    public static int removeLeftovers(Path dir) throws IOException {
        int removed = 0;
        try (var listing = Files.newDirectoryStream(dir, ".*.part")) {
            for (Path p : listing) {
                if (p.getFileName().toString().matches("\\..+\\.[0-9a-f]+\\.part") && Files.isRegularFile(p)) {
                    Files.delete(p);
                    removed++;
                }
            }
        }
        return removed;
    }
}
