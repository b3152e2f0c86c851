package org.fusescope.runner.step;

import java.util.Locale;
import org.fusescope.kernels.shape.AttentionDims;
import org.fusescope.kernels.shape.LinearAttentionDims;
import org.fusescope.profiler.ops.LayerType;
import org.fusescope.runner.model.ModelConfig;

/**
 * The per-request state that a decode step of layers 0..L-1 keeps on the device, in bytes: per
 * gated-delta-net layer the conv state ({@code convDim × (W - 1)} bf16) and the recurrent state
 * ({@code Hv × Dk × Dv} fp32), per attention layer the KV cache (k and v, {@code Hkv × D} bf16 for each
 * of the context's tokens plus the one the step appends). Sizes multiply exactly: a size beyond {@code
 * Long.MAX_VALUE} throws {@link ArithmeticException} ({@link #requireFits} says so in words). Immutable.
 *
 * @param layers L, the step's decoder layers
 * @param batch M, requests in the batch
 */
public record DecodeStateSizes(ModelConfig config, int layers, int batch, DecodeContext context) {
    private static final int BF16 = 2;
    private static final int F32 = 4;

    /** @throws IllegalArgumentException for layers outside 1..config.layers() or a batch below 1 */
    public DecodeStateSizes {
        if (layers < 1 || layers > config.layers()) {
            throw new IllegalArgumentException(
                    "layers must be in 1.." + config.layers() + " for " + config.name() + ", not " + layers);
        }
        if (batch < 1) {
            throw new IllegalArgumentException("batch must be at least 1, not " + batch);
        }
    }

    /** The state of {@code spec}'s step. */
    public static DecodeStateSizes of(StepSpec spec) {
        return new DecodeStateSizes(spec.config(), spec.layers(), spec.batch(), spec.context());
    }

    /** Gated-delta-net layers among layers 0..L-1. */
    public int linearAttentionLayers() {
        return layers - attentionLayers();
    }

    /** Full attention layers among layers 0..L-1. */
    public int attentionLayers() {
        int n = 0;
        for (int layer = 0; layer < layers; layer++) {
            n += config.layerType(layer) == LayerType.FULL_ATTENTION ? 1 : 0;
        }
        return n;
    }

    /** One request's conv state in one gated-delta-net layer: {@code convDim × (W - 1)} bf16. */
    public long convStateBytesPerLayer() {
        LinearAttentionDims g = config.linear();
        return Math.multiplyExact((long) g.convDim() * (g.convKernel() - 1), BF16);
    }

    /** One request's recurrent state in one gated-delta-net layer: {@code Hv × Dk × Dv} fp32. */
    public long recurrentStateBytesPerLayer() {
        LinearAttentionDims g = config.linear();
        return Math.multiplyExact((long) g.valueHeads() * g.keyDim() * g.valueDim(), F32);
    }

    /** One request's KV cache in one attention layer: k and v, {@code Hkv × D} bf16 per attended token. */
    public long kvCacheBytesPerLayer() {
        AttentionDims a = config.attention();
        return Math.multiplyExact(2L * a.kvHeads() * a.headDim() * BF16, context.attendedTokens());
    }

    /** All conv states of the batch. */
    public long convStateBytes() {
        return perBatch(convStateBytesPerLayer(), linearAttentionLayers());
    }

    /** All recurrent states of the batch. */
    public long recurrentStateBytes() {
        return perBatch(recurrentStateBytesPerLayer(), linearAttentionLayers());
    }

    /** All KV caches of the batch. */
    public long kvCacheBytes() {
        return perBatch(kvCacheBytesPerLayer(), attentionLayers());
    }

    /** Everything: conv states, recurrent states and KV caches of every request. */
    public long totalBytes() {
        return Math.addExact(Math.addExact(convStateBytes(), recurrentStateBytes()), kvCacheBytes());
    }

    /**
     * Checks that the state fits in {@code availableBytes} of device memory, before anything is allocated.
     *
     * @throws IllegalArgumentException saying what the state needs, part by part, against what is
     *     available, and what to lower
     */
    public void requireFits(long availableBytes) {
        long total;
        try {
            total = totalBytes();
        } catch (ArithmeticException e) {
            throw new IllegalArgumentException(
                    String.format(
                            Locale.ROOT,
                            "the decode state of %d layers for batch %d at context %d needs more than 8 EiB; lower --batch,"
                                    + " --context or --layers",
                            layers,
                            batch,
                            context.tokens()),
                    e);
        }
        if (total > availableBytes) {
            throw new IllegalArgumentException(String.format(
                    Locale.ROOT,
                    "the decode state of %d layers (%d linear attention, %d attention) for batch %d at context %d"
                            + " needs %s (conv state %s, recurrent state %s, KV cache %s) but %s of device memory"
                            + " is available; lower --batch, --context or --layers",
                    layers,
                    linearAttentionLayers(),
                    attentionLayers(),
                    batch,
                    context.tokens(),
                    size(total),
                    size(convStateBytes()),
                    size(recurrentStateBytes()),
                    size(kvCacheBytes()),
                    size(availableBytes)));
        }
    }

    private long perBatch(long perRequestPerLayer, int layerCount) {
        return Math.multiplyExact(Math.multiplyExact(perRequestPerLayer, layerCount), (long) batch);
    }

    /** Bytes for a message: {@code 1.50 GiB}, {@code 12.0 MiB}, {@code 512 B}. */
    static String size(long bytes) {
        if (bytes >= 1L << 30) {
            return String.format(Locale.ROOT, "%.2f GiB", bytes / (double) (1L << 30));
        }
        if (bytes >= 1L << 20) {
            return String.format(Locale.ROOT, "%.1f MiB", bytes / (double) (1L << 20));
        }
        if (bytes >= 1L << 10) {
            return String.format(Locale.ROOT, "%.1f KiB", bytes / (double) (1L << 10));
        }
        return bytes + " B";
    }
}
