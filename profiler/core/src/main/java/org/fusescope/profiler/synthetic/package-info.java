/**
 * Generator of SYNTHETIC decode-step traces of the Qwen3-Next MoE block (unfused and fused, eager
 * and graph mode) with H100-like durations, for tests, demos and the workbench without a GPU. Every
 * run it makes is marked {@code synthetic} and never passes for a measurement. Entry points:
 * {@link org.fusescope.profiler.synthetic.SyntheticTraceGenerator} and
 * {@link org.fusescope.profiler.synthetic.SyntheticRecording}; times are ns, sizes bytes.
 */
package org.fusescope.profiler.synthetic;
