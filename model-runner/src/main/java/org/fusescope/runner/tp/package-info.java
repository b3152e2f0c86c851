/**
 * Tensor parallelism on the CPU: how Qwen3-Next is sharded over N ranks the way serving engines shard
 * it ({@link org.fusescope.runner.tp.TpPlan}), a plain-Java stand-in for NCCL's collectives ({@link
 * org.fusescope.runner.tp.CpuCommunicator}), one decoder layer's output projection, residual, norm and
 * MoE block run rank by rank on the sharded weights ({@link org.fusescope.runner.tp.TpLayerStep}) with
 * the reduction after the mixer and after the MoE block as a switch ({@link
 * org.fusescope.runner.tp.TpReduction}), and the check of that step against the one-rank step ({@link
 * org.fusescope.runner.tp.TpVerifier}). The multi-GPU run with NCCL is not built yet (issue 18).
 */
package org.fusescope.runner.tp;
