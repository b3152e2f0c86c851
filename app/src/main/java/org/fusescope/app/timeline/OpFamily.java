package org.fusescope.app.timeline;

import java.util.Locale;
import org.fusescope.profiler.model.KernelEvent;

/**
 * The colour families of kernels on the timeline, chosen from the op (or, for foreign traces, the
 * kernel name). Colours are 0xRRGGBB so that view models stay free of JavaFX scene classes.
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

    /** The family of a kernel: by its attributed op, else by its name. */
    public static OpFamily of(KernelEvent kernel) {
        return ofName(kernel.hasAttribution() ? kernel.attribution().op() : kernel.name());
    }

    /** The family of an op or kernel name. */
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
