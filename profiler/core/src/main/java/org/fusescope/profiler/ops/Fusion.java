package org.fusescope.profiler.ops;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The fusion switches (docs/kernels.md). Each switch says whether the {@code fused} variant includes it
 * ({@link #inFused()}): all of them but {@code shared_gate} (superseded by {@code shared_as_expert}) and the
 * {@link #optIn() opt-in} kernel choices. A kernel choice replaces a kernel of another switch; it joins
 * {@code fused} once measured to win at every batch size, as {@code topk_wide} and {@code
 * align_shared_counts} did (H100, 2026-12-07, docs/kernels.md). Three switches are small-batch kernels that
 * the plan uses only up to a batch size ({@code router_gemv} to M = 4, {@code gemm1_silu} and {@code
 * gemm2_sum} to M = 4; the runner's MoeBlockPlan), where they were measured to win.
 */
public enum Fusion {
    /** residual_add + rmsnorm → fused_add_rmsnorm. */
    ADD_RMSNORM,
    /** sigmoid + mul + add of the shared-expert gate → add_shared_expert_gate. Not in fused. */
    SHARED_GATE(null, false),
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
     * Kernel choice in fused, with router_gate, at small batches: the router GEMM with the gate row runs as the
     * router_gemv kernel (one warp per weight row, the weights read once for all tokens) instead of cuBLAS
     * (router_gate_gemv) up to M = 4, where it wins; cuBLAS above.
     */
    ROUTER_GEMV(ROUTER_GATE, true),
    /**
     * Kernel choice in fused, with router_gate: topk_softmax_shared runs with one block per token row, one
     * thread per expert (topk_softmax_shared_wide; the same outputs bit for bit). {@code fused-topk_wide}
     * gives the warp-per-row topk_softmax_shared back.
     */
    TOPK_WIDE(ROUTER_GATE, true),
    /**
     * Kernel choice in fused, with moe_align_fused: its single-block path counts in shared memory, the
     * block sized to the slots (moe_align_shared_counts). {@code fused-align_shared_counts} gives
     * moe_align_fused back.
     */
    ALIGN_SHARED_COUNTS(MOE_ALIGN_FUSED, true),
    /**
     * At small batches (M ≤ 4): grouped_gemm1 + silu_and_mul → grouped_gemm1_silu (CUDA-core items that hold
     * a gate row and its up row and write the SiLU product; no h1).
     */
    GEMM1_SILU,
    /**
     * At small batches (M ≤ 4): grouped_gemm2 + moe_sum_reduce → grouped_gemm2_sum (each warp computes one
     * output row for every slot, in registers, and writes every token's sum of its slots).
     */
    GEMM2_SUM,
    /**
     * Programmatic dependent launch (Hopper and later) for the MoE block's own kernels: each may start while the
     * kernel before it drains, and waits on the device (griddepcontrol.wait) before it reads that kernel's
     * output; weights it can load before that are already on their way. Same launches, same results; a launch
     * mode rather than a fusion (no fusion group changes).
     */
    PDL;

    /** Whether the switch changes how launches are made, not which (pdl). */
    public boolean launchMode() {
        return this == PDL;
    }

    /** For a kernel choice, the switch whose kernel it replaces; null for the others. */
    private final Fusion replacesKernelOf;
    /** Whether {@code fused} includes the switch. */
    private final boolean inFused;

    Fusion() {
        this(null, true);
    }

    Fusion(Fusion replacesKernelOf, boolean inFused) {
        this.replacesKernelOf = replacesKernelOf;
        this.inFused = inFused;
    }

    /** The switch's name on the command line and in the trace database, e.g. {@code add_rmsnorm}. */
    public String switchName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Whether the {@code fused} variant includes the switch. */
    public boolean inFused() {
        return inFused;
    }

    /**
     * Whether the switch is a kernel choice: it replaces a kernel of another switch ({@link
     * #replacesKernelOf()}) rather than fusing kernels.
     */
    public boolean kernelChoice() {
        return replacesKernelOf != null;
    }

    /** For a {@link #kernelChoice() kernel choice}, the switch whose kernel it replaces; null otherwise. */
    public Fusion replacesKernelOf() {
        return replacesKernelOf;
    }

    /**
     * Whether the switch is an opt-in kernel choice: a kernel choice that {@code fused} leaves off, named
     * explicitly ({@code fused+router_gemv}).
     */
    public boolean optIn() {
        return kernelChoice() && !inFused;
    }

    /**
     * The switches of a variant: {@code unfused} (none), {@code fused} (every switch that is {@link
     * #inFused() in fused}: all but shared_gate), or switch names joined by {@code +} or
     * {@code ,}, where {@code fused} stands for its switches. A name after {@code -} takes that switch out
     * again: {@code fused-router_gemv} keeps cuBLAS for the router at every batch, {@code fused-topk_wide-align_shared_counts}
     * is fused with the kernels those two replace ({@code topk_softmax_shared}, {@code moe_align_fused}),
     * so one recording can compare the old kernels with the new.
     *
     * @throws IllegalArgumentException naming an unknown switch, a switch taken out that is not on,
     *     shared_gate with shared_as_expert, router_gate without it, or a kernel choice without the switch
     *     whose kernel it replaces
     */
    public static Set<Fusion> parseVariant(String variant) {
        String v = variant.trim().toLowerCase(Locale.ROOT);
        if (v.equals("unfused")) {
            return EnumSet.noneOf(Fusion.class);
        }
        Set<Fusion> switches = EnumSet.noneOf(Fusion.class);
        Set<Fusion> byFused = EnumSet.noneOf(Fusion.class);
        for (String term : v.split("(?=[+,-])")) {
            boolean takeOut = term.startsWith("-");
            String name = (term.startsWith("+") || term.startsWith(",") || takeOut ? term.substring(1) : term).trim();
            Set<Fusion> named = name.equals("fused") ? fused() : EnumSet.of(byName(name));
            if (!takeOut) {
                switches.addAll(named);
                if (name.equals("fused")) {
                    byFused.addAll(named);
                } else {
                    byFused.removeAll(named);
                }
            } else if (switches.containsAll(named)) {
                switches.removeAll(named);
                byFused.removeAll(named);
            } else {
                throw new IllegalArgumentException("cannot take out " + name + ": it is not on in '" + variant.trim()
                        + "' before the '-' (fused's switches: " + names(fused()) + ")");
            }
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
            if (f.kernelChoice() && !switches.contains(f.replacesKernelOf)) {
                throw new IllegalArgumentException(f.switchName() + " needs " + f.replacesKernelOf.switchName()
                        + " (it replaces a kernel of " + f.replacesKernelOf.switchName() + ")"
                        + (byFused.contains(f) ? "; take it out too (-" + f.switchName() + ")" : ""));
            }
        }
        return switches;
    }

    private static Fusion byName(String name) {
        return Arrays.stream(values())
                .filter(f -> f.switchName().equals(name))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("unknown variant or fusion switch '" + name
                        + "'; use unfused, fused, or switches joined by '+' (and taken out by '-'): " + names()));
    }

    /** The switches of {@code fused}. */
    public static Set<Fusion> fused() {
        Set<Fusion> on = EnumSet.noneOf(Fusion.class);
        Arrays.stream(values()).filter(Fusion::inFused).forEach(on::add);
        return on;
    }

    /** Every switch name, comma-separated. */
    public static String names() {
        return names(EnumSet.allOf(Fusion.class));
    }

    private static String names(Set<Fusion> switches) {
        return switches.stream().map(Fusion::switchName).collect(Collectors.joining(", "));
    }
}
