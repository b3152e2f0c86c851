package org.fusescope.app.workbench;

/**
 * One entry of Search Everywhere: what it is, its text, a detail line and what Enter does.
 *
 * @param kind kernel, op, run or command (the list's order within a match rank)
 * @param text what the query is matched against, e.g. a kernel name
 * @param detail where it is, e.g. the run of a kernel or the key of a command
 * @param go navigates to it or runs it
 */
public record SearchHit(Kind kind, String text, String detail, Runnable go) {
    /** What an entry is. */
    public enum Kind {
        COMMAND("Command"),
        RUN("Run"),
        KERNEL("Kernel"),
        OP("Op");

        private final String label;

        Kind(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    @Override
    public String toString() {
        return kind.label() + ": " + text + (detail.isEmpty() ? "" : "  (" + detail + ")");
    }
}
