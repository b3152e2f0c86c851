package org.fusescope.profiler.analysis;

import org.fusescope.profiler.model.NumericCheck;

/**
 * The same numeric check (same name, layer and step) in both runs. Immutable.
 *
 * @param baseline the baseline's check, or null when it has none
 * @param candidate the candidate's check, or null when it has none
 */
public record CheckPair(String name, int layer, int step, NumericCheck baseline, NumericCheck candidate) {}
