package org.fusescope.profiler.store;

import java.util.Arrays;
import java.util.List;
import org.fusescope.profiler.model.ApiCall;
import org.fusescope.profiler.model.KernelEvent;
import org.fusescope.profiler.model.RangeEvent;
import org.fusescope.profiler.model.RangeLevel;

/**
 * What a timeline needs to draw a run, as parallel primitive arrays: its kernels, CUDA API calls
 * and ranges, each sorted by start exactly as {@link org.fusescope.profiler.model.RunTrace} sorts
 * them, so that index {@code i} here is index {@code i} of the run's full lists. Strings are ids
 * into a small per-table string table. A million kernels cost a few arrays, not a million objects.
 *
 * <p>Immutable by convention: the accessors hand out the arrays themselves (no copies); callers
 * must not modify them. Thread-safe once published.
 */
public final class TimelineColumns {
    private final Kernels kernels;
    private final Calls calls;
    private final Ranges ranges;

    public TimelineColumns(Kernels kernels, Calls calls, Ranges ranges) {
        this.kernels = kernels;
        this.calls = calls;
        this.ranges = ranges;
    }

    /** The columns of lists already in memory (e.g. a run loaded in full, or a synthetic one). */
    public static TimelineColumns of(List<KernelEvent> kernels, List<ApiCall> calls, List<RangeEvent> ranges) {
        return new TimelineColumns(Kernels.of(kernels), Calls.of(calls), Ranges.of(ranges));
    }

    public Kernels kernels() {
        return kernels;
    }

    public Calls calls() {
        return calls;
    }

    public Ranges ranges() {
        return ranges;
    }

    /**
     * Kernel executions: start/end (ns), device, stream, correlation id, short name, and the
     * attributed op (-1 when unattributed, e.g. nsys exports) with its fused flag, layer and step.
     */
    public static final class Kernels {
        private final long[] starts;
        private final long[] ends;
        private final int[] devices;
        private final int[] streams;
        private final long[] correlations;
        private final int[] names;
        private final int[] ops;
        private final boolean[] fused;
        private final int[] layers;
        private final int[] steps;
        private final String[] strings;

        /**
         * Arrays of equal length; {@code names} and {@code ops} index {@code strings} (ops -1: none);
         * {@code layers} and {@code steps} are the attribution's (-1: none, or no attribution).
         */
        @SuppressWarnings("TooManyParameters") // one parameter per column
        public Kernels(
                long[] starts,
                long[] ends,
                int[] devices,
                int[] streams,
                long[] correlations,
                int[] names,
                int[] ops,
                boolean[] fused,
                int[] layers,
                int[] steps,
                String[] strings) {
            this.starts = starts;
            this.ends = ends;
            this.devices = devices;
            this.streams = streams;
            this.correlations = correlations;
            this.names = names;
            this.ops = ops;
            this.fused = fused;
            this.layers = layers;
            this.steps = steps;
            this.strings = strings;
        }

        static Kernels of(List<KernelEvent> list) {
            int n = list.size();
            Kernels k = new Kernels(
                    new long[n],
                    new long[n],
                    new int[n],
                    new int[n],
                    new long[n],
                    new int[n],
                    new int[n],
                    new boolean[n],
                    new int[n],
                    new int[n],
                    null);
            StringTable table = new StringTable();
            for (int i = 0; i < n; i++) {
                KernelEvent e = list.get(i);
                k.starts[i] = e.startNs();
                k.ends[i] = e.endNs();
                k.devices[i] = e.deviceId();
                k.streams[i] = e.streamId();
                k.correlations[i] = e.correlationId();
                k.names[i] = table.id(e.name());
                k.ops[i] = e.hasAttribution() ? table.id(e.attribution().op()) : -1;
                k.fused[i] = e.hasAttribution() && e.attribution().fused();
                k.layers[i] = e.hasAttribution() ? e.attribution().layer() : -1;
                k.steps[i] = e.hasAttribution() ? e.attribution().step() : -1;
            }
            return k.withStrings(table.strings());
        }

        Kernels withStrings(String[] table) {
            return new Kernels(starts, ends, devices, streams, correlations, names, ops, fused, layers, steps, table);
        }

        Kernels permuted(int[] order) {
            return new Kernels(
                    permute(starts, order),
                    permute(ends, order),
                    permute(devices, order),
                    permute(streams, order),
                    permute(correlations, order),
                    permute(names, order),
                    permute(ops, order),
                    permute(fused, order),
                    permute(layers, order),
                    permute(steps, order),
                    strings);
        }

        public int size() {
            return starts.length;
        }

        public long[] starts() {
            return starts;
        }

        public long[] ends() {
            return ends;
        }

        public int[] devices() {
            return devices;
        }

        public int[] streams() {
            return streams;
        }

        public long[] correlations() {
            return correlations;
        }

        /** Ids into {@link #strings()}. */
        public int[] names() {
            return names;
        }

        /** Ids into {@link #strings()}, -1 where the kernel has no attribution. */
        public int[] ops() {
            return ops;
        }

        public boolean[] fused() {
            return fused;
        }

        /** The attributed decoder layer of each kernel, -1 where it has none (or no attribution). */
        public int[] layers() {
            return layers;
        }

        /** The attributed decode step of each kernel, -1 where it has none (warm-up) or no attribution. */
        public int[] steps() {
            return steps;
        }

        public String[] strings() {
            return strings;
        }

        /** The short name of kernel {@code i}. */
        public String name(int i) {
            return strings[names[i]];
        }

        /** The attributed op of kernel {@code i}, or null. */
        public String op(int i) {
            return ops[i] < 0 ? null : strings[ops[i]];
        }
    }

    /** CUDA runtime and driver API calls: start/end (ns), correlation id and name. */
    public static final class Calls {
        private final long[] starts;
        private final long[] ends;
        private final long[] correlations;
        private final int[] names;
        private final String[] strings;

        public Calls(long[] starts, long[] ends, long[] correlations, int[] names, String[] strings) {
            this.starts = starts;
            this.ends = ends;
            this.correlations = correlations;
            this.names = names;
            this.strings = strings;
        }

        static Calls of(List<ApiCall> list) {
            int n = list.size();
            long[] s = new long[n];
            long[] e = new long[n];
            long[] c = new long[n];
            int[] names = new int[n];
            StringTable table = new StringTable();
            for (int i = 0; i < n; i++) {
                ApiCall a = list.get(i);
                s[i] = a.startNs();
                e[i] = a.endNs();
                c[i] = a.correlationId();
                names[i] = table.id(a.name());
            }
            return new Calls(s, e, c, names, table.strings());
        }

        Calls permuted(int[] order) {
            return new Calls(
                    permute(starts, order),
                    permute(ends, order),
                    permute(correlations, order),
                    permute(names, order),
                    strings);
        }

        public int size() {
            return starts.length;
        }

        public long[] starts() {
            return starts;
        }

        public long[] ends() {
            return ends;
        }

        public long[] correlations() {
            return correlations;
        }

        public int[] names() {
            return names;
        }

        public String[] strings() {
            return strings;
        }

        public String name(int i) {
            return strings[names[i]];
        }

        /** True for the calls that put kernels on the GPU: {@link ApiCall#isLaunch(String)} of its name. */
        public boolean isLaunch(int i) {
            return ApiCall.isLaunch(name(i));
        }
    }

    /** NVTX ranges: start/end (ns), level (null for foreign ranges) and text. */
    public static final class Ranges {
        private final long[] starts;
        private final long[] ends;
        private final RangeLevel[] levels;
        private final int[] texts;
        private final String[] strings;

        public Ranges(long[] starts, long[] ends, RangeLevel[] levels, int[] texts, String[] strings) {
            this.starts = starts;
            this.ends = ends;
            this.levels = levels;
            this.texts = texts;
            this.strings = strings;
        }

        static Ranges of(List<RangeEvent> list) {
            int n = list.size();
            long[] s = new long[n];
            long[] e = new long[n];
            RangeLevel[] levels = new RangeLevel[n];
            int[] texts = new int[n];
            StringTable table = new StringTable();
            for (int i = 0; i < n; i++) {
                RangeEvent r = list.get(i);
                s[i] = r.startNs();
                e[i] = r.endNs();
                levels[i] = r.level();
                texts[i] = table.id(r.text());
            }
            return new Ranges(s, e, levels, texts, table.strings());
        }

        Ranges permuted(int[] order) {
            return new Ranges(
                    permute(starts, order),
                    permute(ends, order),
                    permute(levels, order),
                    permute(texts, order),
                    strings);
        }

        public int size() {
            return starts.length;
        }

        public long[] starts() {
            return starts;
        }

        public long[] ends() {
            return ends;
        }

        /** Levels, null for foreign ranges. */
        public RangeLevel[] levels() {
            return levels;
        }

        public int[] texts() {
            return texts;
        }

        public String[] strings() {
            return strings;
        }

        /** The level of range {@code i}, or null for a foreign range. */
        public RangeLevel level(int i) {
            return levels[i];
        }

        public String text(int i) {
            return strings[texts[i]];
        }
    }

    /** Interns strings to dense ids. */
    static final class StringTable {
        private final java.util.HashMap<String, Integer> ids = new java.util.HashMap<>();

        int id(String s) {
            return ids.computeIfAbsent(s == null ? "" : s, k -> ids.size());
        }

        String[] strings() {
            String[] out = new String[ids.size()];
            ids.forEach((s, i) -> out[i] = s);
            return out;
        }
    }

    /** {@code a[order[i]]} for each i (order: a permutation, or a selection of indices); {@code a} when null. */
    static long[] permute(long[] a, int[] order) {
        if (order == null) {
            return a;
        }
        long[] out = new long[order.length];
        Arrays.setAll(out, i -> a[order[i]]);
        return out;
    }

    static int[] permute(int[] a, int[] order) {
        if (order == null) {
            return a;
        }
        int[] out = new int[order.length];
        Arrays.setAll(out, i -> a[order[i]]);
        return out;
    }

    static <T> T[] permute(T[] a, int[] order) {
        if (order == null) {
            return a;
        }
        T[] out = Arrays.copyOf(a, order.length);
        for (int i = 0; i < out.length; i++) {
            out[i] = a[order[i]];
        }
        return out;
    }

    static boolean[] permute(boolean[] a, int[] order) {
        if (order == null) {
            return a;
        }
        boolean[] out = new boolean[order.length];
        for (int i = 0; i < out.length; i++) {
            out[i] = a[order[i]];
        }
        return out;
    }
}
