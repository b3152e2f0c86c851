package org.fusescope.profiler.cli;

import org.fusescope.profiler.analysis.ResultTable;

/** One table to print, with the run (or pair of runs) it belongs to and its short key. */
record Section(String subject, String key, ResultTable table) {}
