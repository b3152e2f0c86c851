package org.fusescope.profiler.ops;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The fusion switches (docs/kernels.md); the {@code fused} variant turns all of them on but {@code
 * shared_gate} (superseded by {@code shared_as_expert}) and the {@link #optIn() opt-in} kernel choices.
 */
public enum Fusion {
    /** residual_add + rmsnorm → fused_add_rmsnorm. */
    ADD_RMSNORM,
    /** sigmoid + mul + add of the shared-expert gate → add_shared_expert_gate. */
    SHARED_GATE,
    /** the shared expert runs as expert E of the grouped GEMMs (supersedes SHARED_GATE). */
    SHARED_AS_EXPERT,
    /**
     * With shared_as_expert: the shared-expert gate row rides in the router GEMM (router_gate_gemm)
     * and topk_softmax appends the shared slot with weight sigmoid(gate) (topk_softmax_shared) —
     * the gate GEMV and append_shared_expert go away.
     */
    ROUTER_GATE,
    /** memset + moe_align → moe_align_fused. */
    MOE_ALIGN_FUSED,
    /** sigmoid + mul of the attention output gate → sigmoid_mul. */
    SIGMOID_MUL,
    /** causal_conv1d_update + gdn_split of the gated-delta-net layer → conv_pack_gdn. */
    CONV_PACK_GDN,
    /** separate q(+gate), k and v projection GEMMs of the attention layer → one qkv_proj_gemm. */
    QKVO_GEMM,
    /**
     * Opt-in, with router_gate: the router GEMM with the gate row runs as the router_gemv kernel (one warp
     * per weight row, the weights read once for all tokens) instead of cuBLAS (router_gate_gemv).
     */
    ROUTER_GEMV(ROUTER_GATE),
    /**
     * Opt-in, with router_gate: topk_softmax_shared runs with one block per token row, one thread per
     * expert (topk_softmax_shared_wide; the same outputs bit for bit).
     */
    TOPK_WIDE(ROUTER_GATE),
    /**
     * Opt-in, with moe_align_fused: its single-block path counts in shared memory, the block sized to the
     * slots (moe_align_shared_counts).
     */
    ALIGN_SHARED_COUNTS(MOE_ALIGN_FUSED);

    /** For an opt-in switch, the switch whose kernel it replaces; null for the others. */
    private final Fusion replacesKernelOf;

    Fusion() {
        this(null);
    }

    Fusion(Fusion replacesKernelOf) {
        this.replacesKernelOf = replacesKernelOf;
    }

    /** The switch's name on the command line and in the trace database, e.g. {@code add_rmsnorm}. */
    public String switchName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /**
     * Whether the switch is an opt-in kernel choice: off in {@code fused} until measured, named explicitly
     * ({@code fused+router_gemv}).
     */
    public boolean optIn() {
        return replacesKernelOf != null;
    }

    /**
     * The switches of a variant: {@code unfused} (none), {@code fused} (all but shared_gate and the
     * opt-in ones), or switch names joined by {@code +} or {@code ,}, where {@code fused} stands for its
     * switches ({@code fused+router_gemv}).
     *
     * @throws IllegalArgumentException naming an unknown switch, shared_gate with shared_as_expert, or
     *     router_gate without it, or an opt-in switch without the switch whose kernel it replaces
     */
    public static Set<Fusion> parseVariant(String variant) {
        String v = variant.trim().toLowerCase(Locale.ROOT);
        if (v.equals("unfused")) {
            return EnumSet.noneOf(Fusion.class);
        }
        Set<Fusion> switches = EnumSet.noneOf(Fusion.class);
        for (String name : v.split("[+,]")) {
            if (name.trim().equals("fused")) {
                switches.addAll(fused());
                continue;
            }
            switches.add(Arrays.stream(values())
                    .filter(f -> f.switchName().equals(name.trim()))
                    .findFirst()
                    .orElseThrow(() -> new IllegalArgumentException("unknown variant or fusion switch '" + name.trim()
                            + "'; use unfused, fused, or switches joined by '+': " + names())));
        }
        if (switches.contains(SHARED_GATE) && switches.contains(SHARED_AS_EXPERT)) {
            throw new IllegalArgumentException(
                    "shared_as_expert supersedes shared_gate (the gate becomes the shared expert's routing weight);"
                            + " choose one");
        }
        if (switches.contains(ROUTER_GATE) && !switches.contains(SHARED_AS_EXPERT)) {
            throw new IllegalArgumentException(
                    "router_gate needs shared_as_expert (the gate becomes the shared expert's routing weight)");
        }
        for (Fusion f : switches) {
            if (f.optIn() && !switches.contains(f.replacesKernelOf)) {
                throw new IllegalArgumentException(f.switchName() + " needs " + f.replacesKernelOf.switchName()
                        + " (it replaces a kernel of " + f.replacesKernelOf.switchName() + ")");
            }
        }
        return switches;
    }

    /** The switches of {@code fused}. */
    private static Set<Fusion> fused() {
        Set<Fusion> on = EnumSet.noneOf(Fusion.class);
        Arrays.stream(values()).filter(f -> f != SHARED_GATE && !f.optIn()).forEach(on::add);
        return on;
    }

    /** Every switch name, comma-separated. */
    public static String names() {
        return Arrays.stream(values()).map(Fusion::switchName).collect(Collectors.joining(", "));
    }
}
