package org.fusescope.app.run;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.fusescope.profiler.ops.Fusion;

/**
 * The run-configuration dialog's state: every option of {@code fusescope run}, validation with a
 * message per problem, and the argument list. Use on the FX thread (plain properties: tests use it
 * without a toolkit).
 */
public final class RunConfigViewModel {
    /** The runner's model presets. */
    public static final List<String> PRESETS = List.of("qwen3-next-80b-a3b", "tiny");

    private final StringProperty preset = new SimpleStringProperty(this, "preset", PRESETS.get(0));
    private final StringProperty configFile = new SimpleStringProperty(this, "configFile", "");
    private final StringProperty weights = new SimpleStringProperty(this, "weights", "");
    private final StringProperty batches = new SimpleStringProperty(this, "batches", "1,16");
    private final BooleanProperty unfused = new SimpleBooleanProperty(this, "unfused", true);
    private final BooleanProperty fused = new SimpleBooleanProperty(this, "fused", true);
    private final ObservableList<String> switches = FXCollections.observableArrayList();
    private final BooleanProperty graph = new SimpleBooleanProperty(this, "graph", true);
    private final BooleanProperty eager = new SimpleBooleanProperty(this, "eager", true);
    private final StringProperty layers = new SimpleStringProperty(this, "layers", "");
    private final StringProperty iters = new SimpleStringProperty(this, "iters", "20");
    private final StringProperty routing = new SimpleStringProperty(this, "routing", "router");
    private final StringProperty seed = new SimpleStringProperty(this, "seed", "42");
    private final BooleanProperty verify = new SimpleBooleanProperty(this, "verify", true);
    private final StringProperty out = new SimpleStringProperty(this, "out", "");

    /** Every fusion switch name, for the switch chooser. */
    public static List<String> switchNames() {
        return java.util.Arrays.stream(Fusion.values()).map(Fusion::switchName).toList();
    }

    /** What is wrong with the configuration, one message each; empty when it can run. */
    public List<String> errors() {
        List<String> e = new ArrayList<>();
        RunValidation.source(preset.get(), configFile.get(), e);
        RunValidation.existingDir("weights directory", weights.get(), e);
        RunValidation.intList("batch sizes", batches.get(), 1, 4096, e);
        if (!unfused.get() && !fused.get() && switches.isEmpty()) {
            e.add("choose at least one variant: unfused, fused or fusion switches");
        }
        if (!switches.isEmpty()) {
            try {
                Fusion.parseVariant(String.join("+", switches));
            } catch (IllegalArgumentException ex) {
                e.add(ex.getMessage());
            }
        }
        if (!graph.get() && !eager.get()) {
            e.add("choose at least one launch mode: graph or eager");
        }
        RunValidation.optionalInt("layers", layers.get(), 1, 1000, e);
        RunValidation.optionalInt("iterations", iters.get(), 1, 1_000_000, e);
        RunValidation.routing(routing.get(), e);
        RunValidation.seed(seed.get(), e);
        RunValidation.output(out.get(), e);
        return e;
    }

    /** The arguments after {@code fusescope}: {@code run … --progress json}. */
    public List<String> arguments() {
        List<String> a = new ArrayList<>(List.of("run"));
        if (!configFile.get().isBlank()) {
            a.addAll(List.of("--config", configFile.get().trim()));
        } else {
            a.addAll(List.of("--preset", preset.get().trim()));
        }
        if (!weights.get().isBlank()) {
            a.addAll(List.of("--weights", weights.get().trim()));
        }
        a.addAll(List.of("--batch", batches.get().replace(" ", "")));
        List<String> variants = new ArrayList<>();
        if (unfused.get()) {
            variants.add("unfused");
        }
        if (fused.get()) {
            variants.add("fused");
        }
        if (!switches.isEmpty()) {
            variants.add(String.join("+", switches));
        }
        a.addAll(List.of("--variants", String.join(",", variants)));
        List<String> modes = new ArrayList<>();
        Optional.of("graph").filter(m -> graph.get()).ifPresent(modes::add);
        Optional.of("eager").filter(m -> eager.get()).ifPresent(modes::add);
        a.addAll(List.of("--mode", String.join(",", modes)));
        if (!layers.get().isBlank()) {
            a.addAll(List.of("--layers", layers.get().trim()));
        }
        if (!iters.get().isBlank()) {
            a.addAll(List.of("--iters", iters.get().trim()));
        }
        a.addAll(List.of("--routing", routing.get().trim(), "--seed", seed.get().trim()));
        if (verify.get()) {
            a.add("--verify");
        }
        a.addAll(List.of("--out", out.get().trim(), "--progress", "json"));
        return a;
    }

    /** Every input, so a view can revalidate when any changes. */
    public List<javafx.beans.Observable> inputs() {
        return List.of(
                preset,
                configFile,
                weights,
                batches,
                unfused,
                fused,
                switches,
                graph,
                eager,
                layers,
                iters,
                routing,
                seed,
                verify,
                out);
    }

    public StringProperty presetProperty() {
        return preset;
    }

    public StringProperty configFileProperty() {
        return configFile;
    }

    public StringProperty weightsProperty() {
        return weights;
    }

    public StringProperty batchesProperty() {
        return batches;
    }

    public BooleanProperty unfusedProperty() {
        return unfused;
    }

    public BooleanProperty fusedProperty() {
        return fused;
    }

    /** The chosen fusion switches, e.g. add_rmsnorm and moe_align_fused. */
    public ObservableList<String> switches() {
        return switches;
    }

    public BooleanProperty graphProperty() {
        return graph;
    }

    public BooleanProperty eagerProperty() {
        return eager;
    }

    public StringProperty layersProperty() {
        return layers;
    }

    public StringProperty itersProperty() {
        return iters;
    }

    public StringProperty routingProperty() {
        return routing;
    }

    public StringProperty seedProperty() {
        return seed;
    }

    public BooleanProperty verifyProperty() {
        return verify;
    }

    public StringProperty outProperty() {
        return out;
    }
}
