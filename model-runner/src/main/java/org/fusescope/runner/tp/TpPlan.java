package org.fusescope.runner.tp;

import static org.fusescope.runner.tp.ShardedTensor.Split.COLUMN_PARALLEL;
import static org.fusescope.runner.tp.ShardedTensor.Split.REPLICATED;
import static org.fusescope.runner.tp.ShardedTensor.Split.ROW_PARALLEL;

import java.util.List;
import org.fusescope.kernels.shape.AttentionDims;
import org.fusescope.kernels.shape.LinearAttentionDims;
import org.fusescope.runner.model.ModelConfig;

/**
 * How Qwen3-Next is split over {@code ranks} GPUs, as serving engines (vLLM, SGLang) shard it: the
 * attention query heads and the gated-delta-net key and value heads are split between the ranks
 * (input projections column-parallel, output projection row-parallel, so its result is a partial sum
 * to reduce); attention KV heads are split too, or, when there are fewer KV heads than ranks, each is
 * replicated on {@code ranks / Hkv} ranks; every expert's intermediate dimension is split (TP MoE:
 * gate/up column-parallel, down row-parallel), the shared expert's likewise; the router, the norms and
 * the shared expert's gate are replicated. Immutable.
 *
 * @param config the model
 * @param ranks the tensor-parallel size N
 */
public record TpPlan(ModelConfig config, int ranks) {

    /**
     * Checks that the model can be split {@code ranks} ways.
     *
     * @throws IllegalArgumentException in one line naming the size that does not divide
     */
    public TpPlan {
        if (ranks < 1) {
            throw new IllegalArgumentException("the tensor-parallel size must be at least 1, not " + ranks);
        }
        AttentionDims a = config.attention();
        LinearAttentionDims l = config.linear();
        divides(ranks, a.queryHeads(), "attention query heads");
        if (ranks <= a.kvHeads()) {
            divides(ranks, a.kvHeads(), "attention KV heads");
        } else if (ranks % a.kvHeads() != 0) {
            throw new IllegalArgumentException("the tensor-parallel size " + ranks + " is neither a divisor nor a"
                    + " multiple of the attention KV heads (" + a.kvHeads() + ")");
        }
        divides(ranks, l.keyHeads(), "gated-delta-net key heads");
        divides(ranks, l.valueHeads(), "gated-delta-net value heads");
        divides(ranks, config.inter(), "expert intermediate size (moe_intermediate_size)");
        divides(ranks, config.sharedInter(), "shared expert intermediate size (shared_expert_intermediate_size)");
    }

    private static void divides(int ranks, int size, String what) {
        if (size % ranks != 0) {
            throw new IllegalArgumentException(
                    "the tensor-parallel size " + ranks + " does not divide the " + what + " (" + size + ")");
        }
    }

    /** Attention query heads per rank. */
    public int queryHeadsPerRank() {
        return config.attention().queryHeads() / ranks;
    }

    /** Attention KV heads per rank: {@code Hkv / N}, or 1 when KV heads are replicated. */
    public int kvHeadsPerRank() {
        return Math.max(1, config.attention().kvHeads() / ranks);
    }

    /** Ranks that hold each KV head: 1, or {@code N / Hkv} when there are fewer KV heads than ranks. */
    public int kvHeadReplicas() {
        return Math.max(1, ranks / config.attention().kvHeads());
    }

    /** Gated-delta-net key heads per rank. */
    public int keyHeadsPerRank() {
        return config.linear().keyHeads() / ranks;
    }

    /** Gated-delta-net value heads per rank. */
    public int valueHeadsPerRank() {
        return config.linear().valueHeads() / ranks;
    }

    /** Each routed expert's intermediate size per rank, {@code I / N}. */
    public int interPerRank() {
        return config.inter() / ranks;
    }

    /** The shared expert's intermediate size per rank, {@code SI / N}. */
    public int sharedInterPerRank() {
        return config.sharedInter() / ranks;
    }

    /** A full-attention layer's weights and their shards. */
    public List<ShardedTensor> attentionTensors() {
        AttentionDims a = config.attention();
        int h = config.hidden();
        int d = a.headDim();
        return List.of(
                tensor("input_layernorm.weight", REPLICATED, List.of(h), List.of(h)),
                tensor(
                        "self_attn.q_proj.weight",
                        COLUMN_PARALLEL,
                        List.of(2 * a.queryHeads() * d, h),
                        List.of(2 * queryHeadsPerRank() * d, h)),
                tensor(
                        "self_attn.k_proj.weight",
                        COLUMN_PARALLEL,
                        List.of(a.kvWidth(), h),
                        List.of(kvHeadsPerRank() * d, h)),
                tensor(
                        "self_attn.v_proj.weight",
                        COLUMN_PARALLEL,
                        List.of(a.kvWidth(), h),
                        List.of(kvHeadsPerRank() * d, h)),
                tensor("self_attn.q_norm.weight", REPLICATED, List.of(d), List.of(d)),
                tensor("self_attn.k_norm.weight", REPLICATED, List.of(d), List.of(d)),
                tensor(
                        "self_attn.o_proj.weight",
                        ROW_PARALLEL,
                        List.of(h, a.queryWidth()),
                        List.of(h, queryHeadsPerRank() * d)));
    }

    /** A gated-delta-net layer's weights and their shards (every section of the input projection split by heads). */
    public List<ShardedTensor> linearAttentionTensors() {
        LinearAttentionDims l = config.linear();
        int h = config.hidden();
        int hv = l.valueHeads();
        return List.of(
                tensor("input_layernorm.weight", REPLICATED, List.of(h), List.of(h)),
                tensor(
                        "linear_attn.in_proj.weight",
                        COLUMN_PARALLEL,
                        List.of(l.projectionDim(), h),
                        List.of(l.projectionDim() / ranks, h)),
                tensor(
                        "linear_attn.conv1d.weight",
                        COLUMN_PARALLEL,
                        List.of(l.convDim(), l.convKernel()),
                        List.of(l.convDim() / ranks, l.convKernel())),
                tensor("linear_attn.dt_bias", COLUMN_PARALLEL, List.of(hv), List.of(valueHeadsPerRank())),
                tensor("linear_attn.A_log", COLUMN_PARALLEL, List.of(hv), List.of(valueHeadsPerRank())),
                tensor("linear_attn.norm.weight", REPLICATED, List.of(l.valueDim()), List.of(l.valueDim())),
                tensor(
                        "linear_attn.out_proj.weight",
                        ROW_PARALLEL,
                        List.of(h, l.vDim()),
                        List.of(h, valueHeadsPerRank() * l.valueDim())));
    }

    /** An MoE block's weights and their shards. */
    public List<ShardedTensor> moeTensors() {
        int h = config.hidden();
        int e = config.experts();
        int i = config.inter();
        int si = config.sharedInter();
        return List.of(
                tensor("post_attention_layernorm.weight", REPLICATED, List.of(h), List.of(h)),
                tensor("mlp.gate.weight", REPLICATED, List.of(e, h), List.of(e, h)),
                tensor(
                        "mlp.experts.gate_up_proj",
                        COLUMN_PARALLEL,
                        List.of(e, 2 * i, h),
                        List.of(e, 2 * interPerRank(), h)),
                tensor("mlp.experts.down_proj", ROW_PARALLEL, List.of(e, h, i), List.of(e, h, interPerRank())),
                tensor(
                        "mlp.shared_expert.gate_up_proj",
                        COLUMN_PARALLEL,
                        List.of(2 * si, h),
                        List.of(2 * sharedInterPerRank(), h)),
                tensor(
                        "mlp.shared_expert.down_proj.weight",
                        ROW_PARALLEL,
                        List.of(h, si),
                        List.of(h, sharedInterPerRank())),
                tensor("mlp.shared_expert_gate.weight", REPLICATED, List.of(1, h), List.of(1, h)));
    }

    private static ShardedTensor tensor(
            String name, ShardedTensor.Split split, List<Integer> shape, List<Integer> shard) {
        return new ShardedTensor(name, split, shape, shard);
    }

    /** One line, e.g. {@code TP 2 of qwen3-next-80b-a3b: 8 query heads, 1 KV head, ...}. */
    @Override
    public String toString() {
        return "TP " + ranks + " of " + config.name() + ": per rank " + queryHeadsPerRank() + " query heads, "
                + kvHeadsPerRank() + " KV heads (each on " + kvHeadReplicas() + " ranks), " + keyHeadsPerRank()
                + " key and " + valueHeadsPerRank() + " value heads, expert intermediate " + interPerRank()
                + ", shared expert intermediate " + sharedInterPerRank();
    }
}
