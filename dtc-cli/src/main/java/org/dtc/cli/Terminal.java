package org.dtc.cli;

/** Whether standard output and error reach a person at a terminal (progress bars) or a file (plain lines). */
final class Terminal {
    private Terminal() {}

    /**
     * {@code System.console() != null} alone is true on recent JDKs even when output is
     * redirected; {@link java.io.Console#isTerminal()} (JDK 22+) says whether it really is one.
     */
    static boolean isInteractive() {
        java.io.Console console = System.console();
        if (console == null) {
            return false;
        }
        try {
            return (boolean) java.io.Console.class.getMethod("isTerminal").invoke(console);
        } catch (ReflectiveOperationException olderJdk) {
            return true; // before JDK 22 a console exists only for a terminal
        }
    }
}
