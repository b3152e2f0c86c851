package org.fusescope.profiler.cli;

/** How {@code report} and {@code compare} print their tables. */
enum OutputFormat {
    TABLE,
    CSV,
    JSON
}
