package org.fusescope.runner.cli;

import java.io.PrintWriter;
import org.fusescope.profiler.cli.TraceCli;
import picocli.CommandLine;

/**
 * The whole {@code fusescope} command line as the runner image and the GPU scripts start it: the trace core's
 * commands plus the runner's ({@link RunnerCommands}), which {@link TraceCli} finds on the class path.
 */
public final class FuseScopeCli {
    private FuseScopeCli() {}

    /** Runs the command line and returns the exit status. */
    public static int execute(String... args) {
        return TraceCli.execute(args);
    }

    /** The configured command line writing to the given streams (tests capture them). */
    public static CommandLine commandLine(PrintWriter out, PrintWriter err) {
        return TraceCli.commandLine(out, err);
    }

    /** The command line with {@code factory} creating the commands (tests give {@code run} a fake device). */
    static CommandLine commandLine(PrintWriter out, PrintWriter err, CommandLine.IFactory factory) {
        return TraceCli.commandLine(out, err, factory);
    }

    public static void main(String[] args) {
        System.exit(execute(args));
    }
}
