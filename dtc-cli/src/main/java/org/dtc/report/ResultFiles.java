package org.dtc.report;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.dtc.core.AtomicFile;

/** Writes result files whole or not at all: a temporary file in the same folder, then a rename. */
public final class ResultFiles {
    private ResultFiles() {}

    public static void write(Path file, String text) throws IOException {
        AtomicFile.write(file, text.getBytes(StandardCharsets.UTF_8));
    }
}
