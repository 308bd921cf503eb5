package org.dtc.cli;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;

/** The command line run in-process, as a test sees it: the exit status and what went to stdout and stderr. */
record Dtc(int status, String out, String err) {
    static Dtc run(List<String> args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int status = Main.execute(args.toArray(String[]::new), new PrintWriter(out, true), new PrintWriter(err, true));
        return new Dtc(status, out.toString(), err.toString().strip());
    }

    static Dtc run(String... args) {
        return run(List.of(args));
    }
}
