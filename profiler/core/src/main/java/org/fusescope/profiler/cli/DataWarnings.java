package org.fusescope.profiler.cli;

import java.io.PrintWriter;
import org.fusescope.profiler.model.Problem;
import org.fusescope.profiler.store.TraceReader;

/** Prints the damaged-data problems of a file on stderr, one line each; the command goes on. */
final class DataWarnings {
    private DataWarnings() {}

    static void print(PrintWriter err, TraceReader reader) {
        for (Problem p : reader.dataProblems()) {
            err.println("fusescope: " + TerminalText.safe(reader.file() + ": warning: " + p.message()));
        }
    }
}
