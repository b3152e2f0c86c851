/**
 * The trace model: immutable records of what a run recorded (kernels, API calls, copies, sets,
 * synchronizations, range markers) and what FuseScope adds (runs, devices with measured bandwidth,
 * kernel attribution, expert token counts, numeric checks, problems). Times are nanoseconds on the
 * CUPTI clock, sizes are bytes.
 */
package org.fusescope.profiler.model;
