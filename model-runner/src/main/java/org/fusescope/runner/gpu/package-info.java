/**
 * The MoE block on a real GPU: one layer's weights in device memory, the activations and routing
 * tables of a run, and the launches of {@link org.fusescope.runner.step.MoeBlockPlan} bound to our
 * kernels and cuBLAS. Everything here needs the CUDA context current on the calling thread.
 */
package org.fusescope.runner.gpu;
