package org.fusescope.profiler.ops;

import java.util.Locale;

/**
 * The colour families of kernels on the timeline. Each op of the catalog names its family ({@link Op#family()}),
 * and a recording made by the runner stores it ({@link Op#familyKey}); {@link #ofName} guesses one from a
 * kernel name for traces that carry neither (nsys exports, recordings of ops this build does not know).
 * Colours are 0xRRGGBB so that view models stay free of JavaFX scene classes.
 */
public enum OpFamily {
    NORM("norm / residual", 0x4e79a7),
    ROUTING("routing", 0xf28e2b),
    ALIGN("moe align", 0xe15759),
    GEMM("GEMM", 0x59a14f),
    ACTIVATION("activation", 0x76b7b2),
    REDUCE("reduce", 0xedc948),
    SHARED("shared expert", 0xb07aa1),
    GATE("gate", 0xff9da7),
    MEMORY("memset / memcpy", 0x9c755f),
    LINEAR_ATTENTION("gated delta net", 0x499894),
    ATTENTION("attention", 0xa0cbe8),
    OTHER("other", 0x8c8c8c);

    private final String label;
    private final int rgb;

    OpFamily(String label, int rgb) {
        this.label = label;
        this.rgb = rgb;
    }

    public String label() {
        return label;
    }

    /** The colour as 0xRRGGBB. */
    public int rgb() {
        return rgb;
    }

    /** The family a recording stores, e.g. {@code gemm}; empty for a name this build does not know. */
    public static java.util.Optional<OpFamily> parse(String stored) {
        return java.util.Arrays.stream(values())
                .filter(f -> f.name().equalsIgnoreCase(stored.trim()))
                .findFirst();
    }

    /**
     * The family of an op or kernel name: the one a recording stored for it ({@code stored}, from its metadata
     * under {@link Op#familyKey}), else the catalog's for an op of that name, else a guess from the name.
     */
    public static OpFamily forName(String name, java.util.Map<String, String> stored) {
        String recorded = stored.get(Op.familyKey(name));
        if (recorded != null) {
            java.util.Optional<OpFamily> parsed = parse(recorded);
            if (parsed.isPresent()) {
                return parsed.get();
            }
        }
        return java.util.Arrays.stream(Op.values())
                .filter(op -> op.opName().equals(name))
                .map(Op::family)
                .findFirst()
                .orElseGet(() -> ofName(name));
    }

    /** A guess from an op or kernel name, for traces that do not say (foreign kernels, unknown ops). */
    public static OpFamily ofName(String name) {
        String n = name.toLowerCase(Locale.ROOT);
        if (n.startsWith("shared") || n.contains("append_shared")) {
            return SHARED;
        }
        if (n.contains("norm") || n.contains("residual")) {
            return NORM;
        }
        if (n.contains("delta_rule") || n.contains("conv1d") || n.contains("gdn_split") || n.contains("pack_gdn")) {
            return LINEAR_ATTENTION;
        }
        if (n.contains("attention") || n.contains("rotary") || n.contains("kv_append")) {
            return ATTENTION;
        }
        if (n.contains("topk") || n.contains("softmax") || n.contains("router")) {
            return ROUTING;
        }
        if (n.contains("gate")) {
            return GATE;
        }
        if (n.contains("align")) {
            return ALIGN;
        }
        if (n.contains("gemm") || n.contains("gemv") || n.contains("nvjet") || n.contains("cutlass")) {
            return GEMM;
        }
        if (n.contains("silu") || n.contains("sigmoid") || n.equals("mul") || n.equals("add") || n.contains("act")) {
            return ACTIVATION;
        }
        if (n.contains("reduce") || n.contains("sum")) {
            return REDUCE;
        }
        if (n.contains("memset") || n.contains("memcpy") || n.contains("copy")) {
            return MEMORY;
        }
        return OTHER;
    }
}
