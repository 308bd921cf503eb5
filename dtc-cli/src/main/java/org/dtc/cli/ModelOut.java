package org.dtc.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/** Where a command that makes a model writes it (a picocli mixin). */
final class ModelOut {
    @Option(names = "--out", required = true, paramLabel = "FILE", description = "The model file to write "
            + "(.safetensors).")
    Path out;

    @Option(names = "--force", description = "Replace --out if it exists.")
    boolean force;

    /** Refuses, before any work, a file that would be replaced without --force, or a folder that is not there. */
    Path check() {
        if (!out.getFileName().toString().endsWith(".safetensors")) {
            throw new IllegalArgumentException("--out " + out + ": dtc writes models as .safetensors files; name it so");
        }
        if (Files.exists(out) && !force) {
            throw new IllegalArgumentException("--out " + out + " exists; choose another file or add --force");
        }
        if (Files.isDirectory(out)) {
            throw new IllegalArgumentException("--out " + out + " is a folder, not a file");
        }
        Path folder = out.toAbsolutePath().getParent();
        if (folder != null && !Files.isDirectory(folder)) {
            throw new IllegalArgumentException("--out " + out + ": there is no folder " + folder);
        }
        return out;
    }
}
