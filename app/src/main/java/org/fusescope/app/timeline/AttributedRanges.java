package org.fusescope.app.timeline;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import org.fusescope.profiler.model.RangeLevel;
import org.fusescope.profiler.store.TimelineColumns;

/**
 * The layer and op ranges of a run on the GPU's time, derived from its kernels' attribution: per
 * decode step and layer one range {@code layer N} from the start of its first kernel to the latest
 * end of its kernels, and per op one range over its consecutive kernels (of one step and layer),
 * named by the op. This is how an eager step's NVTX layer and op ranges look projected onto the GPU,
 * and graph runs get the same although their replays carry no such ranges. Kernels outside the
 * measured steps (step -1: warm-up, capture) get none, as they get no NVTX ranges either; a layer -1
 * kernel gets an op range but no layer range. Unattributed kernels (an nsys export, an old recording)
 * give no ranges. Stateless.
 */
final class AttributedRanges {
    private AttributedRanges() {}

    /**
     * The ranges in the shape of NVTX ranges: first the layer ranges, then the op ranges, each level
     * sorted by start; levels {@link RangeLevel#LAYER} and {@link RangeLevel#OP}, texts indexing the
     * kernels' strings followed by the layer names. One pass over the kernels (sorted by start),
     * primitive arrays only.
     */
    static TimelineColumns.Ranges of(TimelineColumns.Kernels kernels) {
        Spans ops = new Spans();
        Spans layers = new Spans();
        Map<Long, Integer> layerOf = new HashMap<>();
        Map<Integer, Integer> layerName = new HashMap<>();
        int strings = kernels.strings().length;
        int[] op = kernels.ops();
        int[] layer = kernels.layers();
        int[] step = kernels.steps();
        long[] starts = kernels.starts();
        long[] ends = kernels.ends();
        int opNow = -1;
        int opLayer = -1;
        int opStep = -1;
        long layerKey = -1;
        int layerAt = -1;
        for (int i = 0; i < op.length; i++) {
            if (op[i] < 0 || step[i] < 0) {
                continue;
            }
            if (op[i] != opNow || layer[i] != opLayer || step[i] != opStep) {
                ops.add(starts[i], op[i]);
                opNow = op[i];
                opLayer = layer[i];
                opStep = step[i];
            }
            ops.end[ops.size - 1] = Math.max(ops.end[ops.size - 1], ends[i]);
            if (layer[i] < 0) {
                continue;
            }
            long key = (long) step[i] << 32 | layer[i];
            if (key != layerKey) {
                // the first kernel of a step's layer starts it; the map is asked once per change of layer
                layerKey = key;
                Integer known = layerOf.get(key);
                int name = layerName.computeIfAbsent(layer[i], l -> strings + layerName.size());
                layerAt = known != null ? known : layers.add(starts[i], name);
                layerOf.put(key, layerAt);
            }
            layers.end[layerAt] = Math.max(layers.end[layerAt], ends[i]);
        }
        String[] texts = Arrays.copyOf(kernels.strings(), strings + layerName.size());
        layerName.forEach((l, id) -> texts[id] = "layer " + l);
        return concat(layers, ops, texts);
    }

    /** True when some kernel gets a range: one attributed to a measured step. */
    static boolean anyIn(TimelineColumns.Kernels kernels) {
        for (int i = 0; i < kernels.size(); i++) {
            if (kernels.ops()[i] >= 0 && kernels.steps()[i] >= 0) {
                return true;
            }
        }
        return false;
    }

    /** The layer ranges, then the op ranges. */
    private static TimelineColumns.Ranges concat(Spans layers, Spans ops, String[] texts) {
        int n = layers.size + ops.size;
        long[] starts = Arrays.copyOf(layers.start, n);
        long[] ends = Arrays.copyOf(layers.end, n);
        int[] textIds = Arrays.copyOf(layers.text, n);
        System.arraycopy(ops.start, 0, starts, layers.size, ops.size);
        System.arraycopy(ops.end, 0, ends, layers.size, ops.size);
        System.arraycopy(ops.text, 0, textIds, layers.size, ops.size);
        RangeLevel[] levels = new RangeLevel[n];
        Arrays.fill(levels, 0, layers.size, RangeLevel.LAYER);
        Arrays.fill(levels, layers.size, n, RangeLevel.OP);
        return new TimelineColumns.Ranges(starts, ends, levels, textIds, texts);
    }

    /** Ranges of one level as they are found, in start order: parallel arrays that grow. */
    private static final class Spans {
        long[] start = new long[0];
        long[] end = new long[0];
        int[] text = new int[0];
        int size;

        /** Opens a range at {@code startNs}; its end is raised by the caller. Returns its index. */
        int add(long startNs, int textId) {
            if (size == start.length) {
                int grown = Math.max(1024, size * 2);
                start = Arrays.copyOf(start, grown);
                end = Arrays.copyOf(end, grown);
                text = Arrays.copyOf(text, grown);
            }
            start[size] = startNs;
            end[size] = Long.MIN_VALUE;
            text[size] = textId;
            return size++;
        }
    }
}
