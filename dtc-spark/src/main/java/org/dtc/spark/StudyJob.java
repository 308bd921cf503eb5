package org.dtc.spark;

import java.io.PrintWriter;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;
import org.apache.spark.SparkConf;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.api.java.function.Function;
import org.dtc.cli.Main;
import org.dtc.cli.StudyCommand;
import org.dtc.study.Cell;
import org.dtc.study.StudyRunner;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code dtc study} on an Apache Spark cluster:
 * {@code spark-submit --class org.dtc.spark.StudyJob dtc-spark.jar study [dtc study's options]}.
 * The options are dtc study's own, parsed by the same class, plus {@code --cell-threads}; the
 * driver checks everything and loads the data as dtc study does, the cells run as Spark tasks
 * ({@link SparkCells}), and the driver writes the same files. {@code --threads} is the local
 * executor's and does nothing here: the cluster's cores decide how many cells run at once.
 */
@Command(name = "dtc-spark", mixinStandardHelpOptions = true,
        description = "dtc study's grid on Apache Spark: spark-submit --class org.dtc.spark.StudyJob dtc-spark.jar "
                + "study [options of dtc study] [--cell-threads T].",
        footer = {"", "Exit status: 0 on success, 1 on a failed command, 2 on a usage error."})
public final class StudyJob implements Runnable {
    @Option(names = "--debug", scope = CommandLine.ScopeType.INHERIT,
            description = "Print the stack trace of an error as well as its message.")
    boolean debug;

    @Spec
    CommandLine.Model.CommandSpec spec;

    /** Options only a cluster run has. */
    static final class ClusterOptions {
        @Option(names = "--cell-threads", defaultValue = "1", paramLabel = "T", description = "Threads each cell "
                + "multiplies on, within its task (default: ${DEFAULT-VALUE}; give Spark as many cores per task, "
                + "spark.task.cpus). Results do not depend on it.")
        int cellThreads;
    }

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    public static void main(String[] args) {
        Context context = new Context();
        int status;
        try {
            status = run(context, UnaryOperator.identity(), args, new PrintWriter(System.out, true),
                    new PrintWriter(System.err, true));
        } finally {
            context.stop();
        }
        System.exit(status);
    }

    /**
     * Parses and runs the command line on the Spark context {@code spark} gives (asked for only
     * once the study is checked and about to run) and returns the exit status; {@code wrap} may
     * decorate the task that runs a cell.
     */
    static int run(Supplier<JavaSparkContext> spark, UnaryOperator<Function<Cell, StudyRunner.CellResult>> wrap,
                   String[] args, PrintWriter out, PrintWriter err) {
        StudyJob job = new StudyJob();
        ClusterOptions cluster = new ClusterOptions();
        CommandLine cli = new CommandLine(job);
        StudyCommand study = new StudyCommand(threads -> {
            if (cluster.cellThreads < 1) {
                throw new IllegalArgumentException("--cell-threads must be at least 1, not " + cluster.cellThreads);
            }
            return new SparkCells(spark.get(), cluster.cellThreads, wrap);
        });
        CommandLine studyLine = new CommandLine(study);
        studyLine.addMixin("cluster", cluster);
        cli.addSubcommand("study", studyLine);
        return Main.execute(cli, () -> job.debug, args, out, err);
    }

    /** The job's own Spark context, made on first use with spark-submit's settings, stopped at the end. */
    private static final class Context implements Supplier<JavaSparkContext> {
        private JavaSparkContext spark;

        @Override
        public synchronized JavaSparkContext get() {
            if (spark == null) {
                SparkConf conf = new SparkConf().setAppName("dtc study");
                // Spark would refuse too, with a logged stack trace before its message.
                if (!conf.contains("spark.master")) {
                    throw new IllegalArgumentException("no Spark master: run the job with spark-submit --master "
                            + "(see docs/spark.md), or set spark.master");
                }
                spark = new JavaSparkContext(conf);
            }
            return spark;
        }

        synchronized void stop() {
            if (spark != null) {
                spark.stop();
            }
        }
    }
}
