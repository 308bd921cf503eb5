package org.dtc.cli;

import java.io.PrintWriter;
import java.util.function.BooleanSupplier;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * The {@code dtc} command. Subcommands are added by the features that own them (data, lasso,
 * reproduce, report, bench). Errors are one line on stderr and a non-zero exit status; with
 * {@code --debug} the stack trace follows.
 */
@Command(
        name = "dtc",
        mixinStandardHelpOptions = true,
        versionProvider = VersionInfo.class,
        description = "Compression-aware training with Dual Tomographic Compression (DTC): train an MLP, "
                + "measure its per-neuron weight rays with compressed sensing, prune neurons for real, keep training.",
        subcommands = {ReproduceCommand.class, StudyCommand.class, TrainCommand.class, EvalCommand.class,
            PruneCommand.class, ReportCommand.class, DataCommand.class, LassoCommand.class,
            BenchCommand.class},
        footer = {"", "Exit status: 0 on success, 1 on a failed command, 2 on a usage error."})
public final class Main implements Runnable {
    /** Exit status of a command that failed while running. */
    static final int FAILURE = 1;
    /** Exit status of a command line that could not be understood. */
    static final int USAGE = 2;

    @Option(names = "--debug", scope = CommandLine.ScopeType.INHERIT,
            description = "Print the stack trace of an error as well as its message.")
    boolean debug;

    @Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    public static void main(String[] args) {
        PrintWriter out = new PrintWriter(System.out, true);
        PrintWriter err = new PrintWriter(System.err, true);
        System.exit(execute(args, out, err));
    }

    /** Runs the command line and returns its exit status. */
    static int execute(String[] args, PrintWriter out, PrintWriter err) {
        Main main = new Main();
        return execute(new CommandLine(main), () -> main.debug, args, out, err);
    }

    /**
     * Runs {@code cli} (dtc, or another program built on its commands, such as dtc-spark's study
     * job) the dtc way and returns its exit status: an error is one line on stderr, prefixed with
     * the program's name, and its stack trace follows only when {@code debug} says so.
     */
    public static int execute(CommandLine cli, BooleanSupplier debug, String[] args, PrintWriter out,
                              PrintWriter err) {
        String name = cli.getCommandName();
        cli.setOut(out);
        cli.setErr(err);
        // Solvers, bases and rules are enums; users type them as the docs do (--solver lars).
        cli.setCaseInsensitiveEnumValuesAllowed(true);
        cli.setParameterExceptionHandler((ParameterException e, String[] ignored) -> {
            err.println(name + ": " + e.getMessage() + " (see '" + name + " --help')");
            if (debug.getAsBoolean()) {
                e.printStackTrace(err);
            }
            return USAGE;
        });
        cli.setExecutionExceptionHandler((Exception e, CommandLine failed, CommandLine.ParseResult parsed) -> {
            err.println(name + ": " + describe(e));
            if (debug.getAsBoolean()) {
                e.printStackTrace(err);
            }
            return FAILURE;
        });
        try {
            return cli.execute(args);
        } catch (OutOfMemoryError e) {
            // Memory is checked before the runs start; this is what the check could not foresee.
            err.println(name + ": out of memory (" + e.getMessage() + "); give the JVM more with "
                    + "DTC_JAVA_OPTS=-Xmx...");
            if (debug.getAsBoolean()) {
                e.printStackTrace(err);
            }
            return FAILURE;
        }
    }

    /** The message of an error, or its type when it has none. */
    private static String describe(Throwable e) {
        // The JDK's messages for these are the path alone.
        if (e instanceof java.nio.file.NoSuchFileException) {
            return "no such file: " + e.getMessage();
        }
        if (e instanceof java.nio.file.AccessDeniedException) {
            return "cannot use " + e.getMessage() + " (permission denied)";
        }
        if (e instanceof java.nio.file.FileSystemLoopException) {
            return e.getMessage() + " is a symbolic link loop";
        }
        String message = e.getMessage();
        return message == null || message.isBlank() ? e.getClass().getSimpleName() : message;
    }
}
