package org.dtc.cli;

/** The --threads option of the commands that run the engine. */
final class Threads {
    private Threads() {}

    /** The thread count given (null: all processors), refused outside 1 .. four per processor. */
    static int resolve(Integer given) {
        int processors = Runtime.getRuntime().availableProcessors();
        int count = given != null ? given : processors;
        // More threads than this only take turns on the same cores, each with its own buffers.
        int most = 4 * processors;
        if (count < 1 || count > most) {
            throw new IllegalArgumentException("--threads must lie in 1.." + most + " (four per processor), not "
                    + count);
        }
        return count;
    }
}
