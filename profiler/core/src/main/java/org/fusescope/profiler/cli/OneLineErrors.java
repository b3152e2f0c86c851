package org.fusescope.profiler.cli;

import picocli.CommandLine;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.ParseResult;

/** Turns any failure of a command into one line on stderr; the stack trace only with --debug. */
public final class OneLineErrors implements IExecutionExceptionHandler {
    public static final int FAILURE = 1;

    @Override
    public int handleExecutionException(Exception e, CommandLine commandLine, ParseResult parsed) {
        boolean debug = parsed.hasMatchedOption("--debug")
                || parsed.subcommands().stream().anyMatch(sub -> sub.hasMatchedOption("--debug"));
        commandLine.getErr().println("fusescope: " + TerminalText.safe(oneLine(e)));
        if (debug) {
            e.printStackTrace(commandLine.getErr());
        }
        return FAILURE;
    }

    /** The message of {@code e}, or of its first cause that has one, on a single line. */
    public static String oneLine(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            String message = t.getMessage();
            if (message != null && !message.isBlank()) {
                return message.replaceAll("\\s*\\R\\s*", " ").trim();
            }
        }
        return e.getClass().getSimpleName();
    }
}
