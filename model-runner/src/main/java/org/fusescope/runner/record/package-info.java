/**
 * Recording decode steps into a trace database: the run loop (warm-up, measured steps in eager or
 * graph mode), range markers, kernel attribution to ops, expert counts and their invariants,
 * progress, and failure handling. The GPU is reached through {@link
 * org.fusescope.runner.record.StepDevice}, so the loop is tested on the CPU with a labelled fake.
 */
package org.fusescope.runner.record;
