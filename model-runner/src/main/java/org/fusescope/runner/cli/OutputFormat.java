package org.fusescope.runner.cli;

/** How {@code report} and {@code compare} print their tables. */
enum OutputFormat {
    TABLE,
    CSV,
    JSON
}
