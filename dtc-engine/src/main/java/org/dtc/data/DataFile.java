package org.dtc.data;

/**
 * One file of a dataset: its standard name without {@code .gz}, and the SHA-256 of its
 * uncompressed content, so that a re-compressed copy verifies as well as the original.
 */
public record DataFile(String name, String sha256) {
    /** The name under which mirrors serve the file and under which it is stored. */
    public String gzName() {
        return name + ".gz";
    }
}
