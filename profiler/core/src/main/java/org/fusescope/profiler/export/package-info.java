/**
 * Exports of runs to formats other tools open: Chrome trace JSON for Perfetto and
 * {@code chrome://tracing} ({@link org.fusescope.profiler.export.ChromeTraceExporter}).
 */
package org.fusescope.profiler.export;
