/**
 * Recording with CUPTI's activity API through JavaCPP ({@code org.bytedeco.cuda.global.cupti}):
 * {@link org.fusescope.profiler.cupti.ActivityCollector} turns CUPTI's kernel, API, copy, set and
 * synchronization records into the {@link org.fusescope.profiler.model} records and hands them to a
 * {@link org.fusescope.profiler.cupti.Sink} on its own writer thread.
 *
 * <p>Loading the binding needs {@code libcuda.so.1}, {@code libcudart.so.13} and {@code
 * libcupti.so.13}; {@link org.fusescope.profiler.cupti.Cupti#isAvailable()} probes that once and
 * says what is missing, so that machines without a GPU degrade cleanly ({@link
 * org.fusescope.profiler.cupti.CuptiTestRule} decides whether a CUPTI test skips or fails). Times are nanoseconds on the
 * CUPTI clock ({@link org.fusescope.profiler.cupti.Cupti#timestampNs()}), sizes bytes.
 *
 * <p>The translation of record fields into model values lives in small pure classes ({@link
 * org.fusescope.profiler.cupti.KernelNames}, {@link org.fusescope.profiler.cupti.GlobalIds}, {@link
 * org.fusescope.profiler.cupti.CuptiEnums}, {@link org.fusescope.profiler.cupti.RecordBatch}) that
 * are tested without CUPTI.
 */
package org.fusescope.profiler.cupti;
