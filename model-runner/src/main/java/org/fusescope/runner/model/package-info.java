/**
 * The Qwen3-Next model the decode step runs: its configuration ({@link
 * org.fusescope.runner.model.ModelConfig}, presets or a HuggingFace {@code config.json}, with each
 * layer's {@link org.fusescope.profiler.ops.LayerType}), one layer's MoE weights ({@link
 * org.fusescope.runner.model.MoeWeights}) and mixer weights ({@link
 * org.fusescope.runner.model.MixerWeights}: gated-delta-net or full attention), synthetic or read from a
 * safetensors {@link org.fusescope.runner.model.Checkpoint}, and the routing scenarios that decide which
 * experts each token goes to ({@link org.fusescope.runner.model.RoutingScenario}).
 *
 * <p>Tensors are row-major; bf16 tensors are {@code short[]} of raw bf16 bits (see {@link
 * org.fusescope.kernels.cuda.Bf16}). Bad input (an unknown preset, an inconsistent config, a damaged
 * checkpoint, a malformed scenario) throws an unchecked exception whose message names the file and the
 * field or tensor, fit to be shown to the user as one line.
 */
package org.fusescope.runner.model;
