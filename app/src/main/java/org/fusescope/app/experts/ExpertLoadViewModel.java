package org.fusescope.app.experts;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.IntUnaryOperator;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.SimpleIntegerProperty;
import org.fusescope.app.data.OpenRun;
import org.fusescope.app.data.Selection;
import org.fusescope.profiler.analysis.AnalysisTables;
import org.fusescope.profiler.analysis.ExpertLoad;
import org.fusescope.profiler.analysis.ExpertLoadRow;
import org.fusescope.profiler.analysis.LayerLoadRow;
import org.fusescope.profiler.analysis.RoutedExperts;
import org.fusescope.profiler.model.KernelEvent;

/**
 * The Expert load tool window: tokens per expert for a chosen layer and step, hot experts, the
 * layers × experts heat map of mean counts, imbalance figures, and the grouped-GEMM kernels of the
 * chosen layer. Use on the FX thread; {@link #analyze} may run anywhere.
 */
public final class ExpertLoadViewModel {
    /** An expert is hot when its count is at least this multiple of the mean (and {@link #HOT_MIN_TOKENS}). */
    public static final double HOT_FACTOR = 2.0;

    /**
     * ... and at least this many tokens: each token picks K different experts, so at M = 1 every
     * touched expert has one token (50 × the mean K/E of 10/512) and none of them is hot.
     */
    public static final int HOT_MIN_TOKENS = 2;

    /** How many experts the top list shows. */
    public static final int TOP_N = 10;

    /** The fusion switch that runs the shared expert as expert E of the grouped GEMMs. */
    private final Selection selection;

    private final IntegerProperty layer = new SimpleIntegerProperty(this, "layer", -1);
    private final IntegerProperty step = new SimpleIntegerProperty(this, "step", -1);
    private final IntegerProperty revision = new SimpleIntegerProperty(this, "revision");
    private OpenRun run;
    private ExpertLoad load;
    private ExpertLoadRow routedOf;
    private RoutedLoad routed;
    /** The shown run's routed experts by number of counts (its config read once per shown run). */
    private IntUnaryOperator routedOfCounts = counts -> counts;

    public ExpertLoadViewModel(Selection selection) {
        this.selection = selection;
        layer.addListener((obs, o, n) -> revision.set(revision.get() + 1));
        step.addListener((obs, o, n) -> revision.set(revision.get() + 1));
    }

    /** The expert-load analysis of a run (blocking). */
    public static ExpertLoad analyze(OpenRun run) {
        return ExpertLoad.of(run.trace(), AnalysisTables.DEFAULT_TILE_HEIGHT);
    }

    /** Shows a run's analysis; picks its first layer and step. */
    public void show(OpenRun newRun, ExpertLoad newLoad) {
        this.run = newRun;
        this.load = newLoad;
        this.routedOfCounts = newRun == null ? counts -> counts : RoutedExperts.forRun(newRun.info());
        this.routedOf = null;
        List<Integer> layers = layers();
        layer.set(layers.isEmpty() ? -1 : layers.get(0));
        List<Integer> steps = steps();
        step.set(steps.isEmpty() ? -1 : steps.get(0));
        revision.set(revision.get() + 1);
    }

    public IntegerProperty layerProperty() {
        return layer;
    }

    public IntegerProperty stepProperty() {
        return step;
    }

    /** Changes whenever what is shown changes. */
    public IntegerProperty revisionProperty() {
        return revision;
    }

    /** Layers with counts, ascending. */
    public List<Integer> layers() {
        return load == null
                ? List.of()
                : load.layers().stream().map(LayerLoadRow::layer).toList();
    }

    /** Steps recorded for the chosen layer. */
    public List<Integer> steps() {
        return load == null
                ? List.of()
                : load.rows().stream()
                        .filter(r -> r.layer() == layer.get())
                        .map(ExpertLoadRow::step)
                        .toList();
    }

    /** The row of the chosen layer and step, or null. */
    public ExpertLoadRow current() {
        if (load == null) {
            return null;
        }
        return load.rows().stream()
                .filter(r -> r.layer() == layer.get() && r.step() == step.get())
                .findFirst()
                .orElse(null);
    }

    /** Tokens per expert of the chosen layer and step (one bar each). */
    public List<Integer> bars() {
        ExpertLoadRow r = current();
        return r == null ? List.of() : r.tokensPerExpert();
    }

    /** The chosen layer and step's load over the routed experts, or null without counts. */
    @SuppressWarnings("ReferenceEquality") // a cache of the very row shown; equal rows give equal loads anyway
    public RoutedLoad routedLoad() {
        ExpertLoadRow r = current();
        if (r == null) {
            return null;
        }
        // asked once per bar when the chart is drawn: computed once per layer and step
        if (routedOf != r) {
            routed = RoutedLoad.of(r.tokensPerExpert(), routedExperts());
            routedOf = r;
        }
        return routed;
    }

    /**
     * The fewest tokens that make a routed expert hot: at least {@link #HOT_MIN_TOKENS} and at least
     * {@link #HOT_FACTOR} × the routed experts' mean count, the expected load M·K/E (M tokens, K
     * experts per token, E routed experts). 0 without counts.
     */
    public int hotThreshold() {
        RoutedLoad routed = routedLoad();
        return routed == null ? 0 : Math.max(HOT_MIN_TOKENS, (int) Math.ceil(HOT_FACTOR * routed.mean() - 1e-9));
    }

    /**
     * True when routed expert {@code e} is hot: at least {@link #hotThreshold()} tokens (the shared
     * expert, which every token visits, is never hot and not in the mean).
     */
    public boolean hot(int e) {
        RoutedLoad routed = routedLoad();
        return routed != null && e < routed.routed() && bars().get(e) >= hotThreshold();
    }

    /** The hot rule in words, with this layer and step's numbers, for the view's legend. */
    public String hotRule() {
        RoutedLoad routed = routedLoad();
        if (routed == null) {
            return "";
        }
        return String.format(
                Locale.ROOT,
                "red: hot, ≥ %d tokens (at least %d, and %.0f × the mean M·K/E = %.2f)%s",
                hotThreshold(),
                HOT_MIN_TOKENS,
                HOT_FACTOR,
                routed.mean(),
                routed.hasShared() ? "; grey S: the shared expert, one slot per token, not routed" : "");
    }

    /** The {@link #TOP_N} routed experts with the most tokens, most first. */
    public List<ExpertShare> topExperts() {
        RoutedLoad routed = routedLoad();
        return routed == null ? List.of() : ExpertShare.top(bars(), routed.routed(), TOP_N);
    }

    /** The tooltip of expert {@code e}'s bar: id, tokens and share of the routed tokens. */
    public String describe(int e) {
        RoutedLoad routed = routedLoad();
        if (routed == null || e < 0 || e >= bars().size()) {
            return "";
        }
        int count = bars().get(e);
        String tokens = count + (count == 1 ? " token" : " tokens");
        if (shared(e)) {
            return String.format(Locale.ROOT, "shared expert (S, id %d): %s, one per token, not routed", e, tokens);
        }
        return String.format(
                Locale.ROOT,
                "expert %d: %s, %.1f %% of %d routed tokens%s",
                e,
                tokens,
                routed.total() == 0 ? 0.0 : 100.0 * count / routed.total(),
                routed.total(),
                hot(e) ? ", hot" : "");
    }

    /** Imbalance, experts touched and padding waste of the chosen layer and step (routed experts; padding of the whole GEMM). */
    public String figures() {
        ExpertLoadRow r = current();
        if (r == null) {
            return "No expert counts in this run";
        }
        RoutedLoad routed = routedLoad();
        return String.format(
                Locale.ROOT,
                "layer %d step %d: %d slots%s, max %d, mean %.2f, imbalance (max/mean) %.2f, %d of %d experts touched,"
                        + " padding waste %d rows (%.0f %%, tile %d)",
                r.layer(),
                r.step(),
                routed.total(),
                routed.hasShared() ? " + " + routed.sharedSlots() + " of the shared expert" : "",
                routed.max(),
                routed.mean(),
                routed.imbalance(),
                routed.touched(),
                routed.routed(),
                r.paddingWasteRows(),
                100 * r.paddingWasteFraction(),
                load.tileHeight());
    }

    /** Mean tokens per expert of every layer (rows: layers ascending), for the heat map. */
    public double[][] heatMap() {
        if (load == null) {
            return new double[0][];
        }
        return load.layers().stream()
                .map(l -> l.meanTokensPerExpert().stream()
                        .mapToDouble(Double::doubleValue)
                        .toArray())
                .toArray(double[][]::new);
    }

    /**
     * The routed experts E of the shown run: its configuration's {@code num_experts} (fused runs
     * with the shared expert as expert E record E + 1 counts), else every count but the last when
     * the run appends the shared expert, else every count.
     */
    public int routedExperts() {
        int counts = bars().size();
        if (run == null || counts == 0) {
            return counts;
        }
        return routedOfCounts.applyAsInt(counts);
    }

    /** True when expert {@code e} is the shared expert (appended after the routed ones). */
    public boolean shared(int e) {
        return e == routedExperts() && e < bars().size();
    }

    /** The heat map's colour scale: the routed experts only ({@link HeatScale}). */
    public HeatScale heatScale() {
        return HeatScale.of(heatMap(), routedExperts());
    }

    /** Kernel indices of the chosen layer's (and step's) grouped GEMMs. */
    public List<Integer> groupedGemmKernels() {
        List<Integer> out = new ArrayList<>();
        if (run == null) {
            return out;
        }
        List<KernelEvent> kernels = run.trace().kernels();
        for (int i = 0; i < kernels.size(); i++) {
            KernelEvent k = kernels.get(i);
            if (k.hasAttribution()
                    && k.attribution().layer() == layer.get()
                    && (step.get() < 0 || k.attribution().step() == step.get())
                    && k.attribution().op().startsWith("grouped_gemm")) {
                out.add(i);
            }
        }
        return out;
    }

    /**
     * Selects the first grouped GEMM of the chosen layer and step, the kernel that computes every
     * expert, and brings it into view on the timeline; false when there is none.
     */
    public boolean selectGroupedGemm() {
        List<Integer> gemms = groupedGemmKernels();
        if (gemms.isEmpty()) {
            return false;
        }
        selection.selectAndReveal(run, gemms.get(0));
        return true;
    }
}
