package org.dtc.core;

import java.nio.file.Files;
import java.nio.file.Path;

/** Locates the committed fixtures in the repository's src-test-data folder. */
final class TestData {
    private TestData() {}

    static Path path(String relative) {
        String root = System.getProperty("dtc.testdata", "../src-test-data");
        Path p = Path.of(root, relative);
        if (!Files.isRegularFile(p)) {
            throw new IllegalStateException("test fixture " + p.toAbsolutePath() + " is missing");
        }
        return p;
    }
}
