package org.fusescope.profiler.model;

/** How bad a problem is. */
public enum Severity {
    ERROR,
    WARNING,
    INFO
}
