package org.fusescope.runner.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintWriter;
import java.util.Locale;
import org.fusescope.runner.record.Progress;
import org.fusescope.runner.record.ProgressEvent;

/** The {@code --progress} styles of {@code fusescope run}. */
final class ProgressPrinters {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int BAR_WIDTH = 30;

    private ProgressPrinters() {}

    /**
     * {@code json}: one object per line ({@code phase}, {@code run}, {@code runIndex}, {@code runs},
     * {@code step}, {@code steps}, {@code fraction}, {@code message}; absent fields left out), flushed
     * at once, for the workbench.
     */
    static Progress json(PrintWriter out) {
        return e -> {
            ObjectNode o = JSON.createObjectNode();
            o.put("phase", e.phase());
            if (e.run() != null) {
                o.put("run", e.run());
                o.put("runIndex", e.runIndex());
            }
            o.put("runs", e.runs());
            if (e.step() >= 0) {
                o.put("step", e.step());
                o.put("steps", e.steps());
            }
            o.put("fraction", Math.round(e.fraction() * 1e4) / 1e4);
            if (e.message() != null) {
                o.put("message", e.message());
            }
            out.println(o.toString());
            out.flush();
        };
    }

    /** {@code bar}: one line redrawn in place with {@code \r} (for a terminal). */
    static Progress bar(PrintWriter err) {
        return e -> {
            int filled = (int) Math.round(e.fraction() * BAR_WIDTH);
            String bar = "#".repeat(filled) + "-".repeat(BAR_WIDTH - filled);
            err.print(String.format(Locale.ROOT, "\r[%s] %3.0f%% %-60.60s", bar, 100 * e.fraction(), describe(e)));
            if (e.phase().equals("done") || e.phase().equals("error")) {
                err.println();
            }
            err.flush();
        };
    }

    /** {@code lines}: one plain line per phase change (logs, pipes). */
    static Progress lines(PrintWriter err) {
        return new Progress() {
            private String last = "";

            @Override
            public void update(ProgressEvent e) {
                String line = describe(e);
                String key = e.phase() + " " + e.run();
                if (!key.equals(last) || e.message() != null) {
                    last = key;
                    err.println(String.format(Locale.ROOT, "%3.0f%% %s", 100 * e.fraction(), line));
                    err.flush();
                }
            }
        };
    }

    static String describe(ProgressEvent e) {
        StringBuilder s = new StringBuilder();
        if (e.run() != null) {
            s.append("run ")
                    .append(e.runIndex())
                    .append('/')
                    .append(e.runs())
                    .append(' ')
                    .append(e.run())
                    .append(": ");
        }
        s.append(e.phase());
        if (e.step() >= 0) {
            s.append(" step ").append(e.step() + 1).append('/').append(e.steps());
        }
        if (e.message() != null) {
            s.append(" — ").append(e.message());
        }
        return s.toString();
    }
}
