package org.dtc.engine;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.io.OutputStream;
import java.io.Serializable;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import org.dtc.data.Batches;
import org.dtc.nn.Adam;
import org.dtc.nn.Mlp;

/**
 * Everything a run needs to go on after a cycle as if it had never stopped: the network, Adam's
 * state (null when the optimizer starts afresh every cycle), the position in the training
 * batches, the global batch count and the cycles so far.
 * {@code finished} marks a run that ended. Written through a temporary file renamed into place,
 * so a kill at any moment leaves the previous checkpoint or the new one, never half of one.
 *
 * @param settings the run's configuration as text; a resume with other settings is refused
 */
public record Checkpoint(String settings, String strategy, long seed, int nextCycle, long batchIndex,
                         Mlp.State network, Adam.State adam, Batches.State batches, List<CycleRecord> records,
                         boolean finished) implements Serializable {

    public void write(Path file) throws IOException {
        Path dir = file.toAbsolutePath().getParent();
        Files.createDirectories(dir);
        Path temp = Files.createTempFile(dir, "." + file.getFileName(), ".part");
        try {
            // Buffered: the object stream alone writes 1 KB at a time, a system call each.
            try (OutputStream raw = new BufferedOutputStream(Files.newOutputStream(temp), 1 << 16);
                 ObjectOutputStream out = new ObjectOutputStream(raw)) {
                out.writeObject(this);
            }
            Files.move(temp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } finally {
            Files.deleteIfExists(temp);
        }
    }

    public static Checkpoint read(Path file) throws IOException {
        try (InputStream raw = new BufferedInputStream(Files.newInputStream(file), 1 << 16);
             ObjectInputStream in = new ObjectInputStream(raw)) {
            return (Checkpoint) in.readObject();
        } catch (ClassNotFoundException | ClassCastException | java.io.InvalidClassException e) {
            throw new IOException(file + " is not a checkpoint of this version of dtc", e);
        } catch (java.io.EOFException | java.io.ObjectStreamException e) {
            // Checkpoints are renamed into place whole, so this one was cut short or changed since.
            throw new IOException(file + " is damaged or not a checkpoint (" + e.getClass().getSimpleName()
                    + (e.getMessage() != null ? ": " + e.getMessage() : "") + "); delete it to start that run afresh", e);
        }
    }
}
