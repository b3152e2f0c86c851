/**
 * Plain-Java analyses of recorded runs: kernel statistics, NVTX-style range projection, per-step
 * totals, fused-versus-unfused comparison, expert load and roofline. They work on {@link
 * org.fusescope.profiler.model.RunTrace} objects and return immutable row records plus a {@link
 * org.fusescope.profiler.analysis.ResultTable} that the renderers turn into text, CSV or JSON.
 *
 * <p>Times are nanoseconds, sizes bytes, bandwidth bytes per second unless a column says
 * otherwise. GPU busy time is always the length of the union of kernel intervals, never their sum,
 * because kernels on different streams overlap. Every type here is immutable and thread-safe.
 */
package org.fusescope.profiler.analysis;
