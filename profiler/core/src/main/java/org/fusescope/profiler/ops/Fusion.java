package org.fusescope.profiler.ops;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/** The fusion switches (docs/kernels.md); the {@code fused} variant turns all of them on. */
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
    QKVO_GEMM;

    /** The switch's name on the command line and in the trace database, e.g. {@code add_rmsnorm}. */
    public String switchName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /**
     * The switches of a variant: {@code unfused} (none), {@code fused} (all, with shared_as_expert
     * rather than shared_gate), or switch names joined by {@code +} or {@code ,}.
     *
     * @throws IllegalArgumentException naming an unknown switch, shared_gate with shared_as_expert, or
     *     router_gate without it
     */
    public static Set<Fusion> parseVariant(String variant) {
        String v = variant.trim().toLowerCase(Locale.ROOT);
        if (v.equals("unfused")) {
            return EnumSet.noneOf(Fusion.class);
        }
        if (v.equals("fused")) {
            return EnumSet.complementOf(EnumSet.of(SHARED_GATE));
        }
        Set<Fusion> switches = EnumSet.noneOf(Fusion.class);
        for (String name : v.split("[+,]")) {
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
        return switches;
    }

    /** Every switch name, comma-separated. */
    public static String names() {
        return Arrays.stream(values()).map(Fusion::switchName).collect(Collectors.joining(", "));
    }
}
