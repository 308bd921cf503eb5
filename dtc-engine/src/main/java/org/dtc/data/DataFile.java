package org.dtc.data;

/**
 * One file of a dataset: its standard name without {@code .gz}, the SHA-256 of its uncompressed
 * content (so that a re-compressed copy verifies as well as the original) and the length of that
 * content, which bounds what a download or a gunzip may produce. Custom data knows neither
 * (null, -1).
 */
public record DataFile(String name, String sha256, long bytes) {
    /** A file of unknown content: custom data. */
    public static DataFile unknown(String name) {
        return new DataFile(name, null, -1);
    }

    /** The name under which mirrors serve the file and under which it is stored. */
    public String gzName() {
        return name + ".gz";
    }

    /**
     * The most bytes its content may take: its length when known, otherwise the largest array
     * the JVM can make, and no more than it may still allocate.
     */
    public long contentLimit() {
        return bytes >= 0 ? bytes : unknownContentLimit();
    }

    /** The most bytes any file's content may take here: the largest array, and what the JVM may still allocate. */
    static long unknownContentLimit() {
        Runtime rt = Runtime.getRuntime();
        long free = rt.maxMemory() - (rt.totalMemory() - rt.freeMemory());
        return Math.min(Integer.MAX_VALUE - 8, free);
    }

    /**
     * The most bytes a download of it may take: gzip stores incompressible data with a few bytes
     * per 32 KiB block, so a served file is never much longer than its content.
     */
    public long downloadLimit() {
        return bytes < 0 ? Long.MAX_VALUE : bytes + bytes / 100 + (1 << 16);
    }
}
