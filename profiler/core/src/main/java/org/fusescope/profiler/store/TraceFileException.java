package org.fusescope.profiler.store;

import java.nio.file.Path;

/**
 * A trace file could not be read or written. Unchecked, so that callers that already handle
 * failure at one place (the workbench's open action, the CLI's main) need no plumbing in between.
 * The message is one line naming the file and the problem, fit for a status bar or a log line.
 */
public final class TraceFileException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final transient Path file;

    public TraceFileException(Path file, String problem) {
        super(file + ": " + problem);
        this.file = file;
    }

    public TraceFileException(Path file, String problem, Throwable cause) {
        super(file + ": " + problem + oneLine(cause), cause);
        this.file = file;
    }

    private TraceFileException(String message, Path file) {
        super(message);
        this.file = file;
    }

    /** An exception whose whole message is {@code message} (which must name the file). */
    static TraceFileException withMessage(Path file, String message) {
        return new TraceFileException(message, file);
    }

    /** The file concerned. */
    public Path file() {
        return file;
    }

    private static String oneLine(Throwable cause) {
        String m = cause.getMessage();
        return m == null ? "" : " (" + m.replaceAll("\\s+", " ").trim() + ")";
    }
}
