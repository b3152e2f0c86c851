package org.fusescope.app.run;

import java.util.Optional;
import javafx.beans.binding.Bindings;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.ListChangeListener;
import javafx.scene.Node;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import org.controlsfx.control.CheckComboBox;

/**
 * The run-configuration dialog: every option of {@code fusescope run}, the problems of the current
 * input, and why Run is off on a machine without a GPU. Layout and bindings only.
 */
public final class RunDialog extends Dialog<ButtonType> {
    /** The dialog's Run button. */
    public static final ButtonType RUN = new ButtonType("Run", ButtonBar.ButtonData.OK_DONE);

    private final GridPane grid = new GridPane();
    private int row;

    public RunDialog(RunConfigViewModel vm, Optional<String> whyNoGpu) {
        setTitle("Run configuration");
        setResizable(true);
        grid.setHgap(8);
        grid.setVgap(6);
        ComboBox<String> preset = new ComboBox<>();
        preset.getItems().setAll(RunConfigViewModel.PRESETS);
        preset.valueProperty().bindBidirectional(vm.presetProperty());
        add("Preset", preset);
        add("or config.json", text(vm.configFileProperty(), "runConfig", "path to a HuggingFace config.json"));
        add("Weights", text(vm.weightsProperty(), "runWeights", "folder of safetensors (empty: synthetic)"));
        add("Batch sizes", text(vm.batchesProperty(), "runBatches", "1,4,16"));
        CheckComboBox<String> switches = new CheckComboBox<>();
        switches.setId("runSwitches");
        switches.getItems().setAll(RunConfigViewModel.switchNames());
        switches.getCheckModel().getCheckedItems().addListener((ListChangeListener<String>)
                c -> vm.switches().setAll(switches.getCheckModel().getCheckedItems()));
        add(
                "Variants",
                new HBox(8, check("unfused", vm.unfusedProperty()), check("fused", vm.fusedProperty()), switches));
        add("Modes", new HBox(8, check("graph", vm.graphProperty()), check("eager", vm.eagerProperty())));
        add("Layers", text(vm.layersProperty(), "runLayers", "all of the model"));
        add("Iterations", text(vm.itersProperty(), "runIters", "20"));
        add("Routing", text(vm.routingProperty(), "runRouting", "router, uniform, zipf:S, hot:N:F, file:PATH"));
        add("Seed", text(vm.seedProperty(), "runSeed", "42"));
        add("", check("verify against the CPU reference", vm.verifyProperty()));
        add("Output", text(vm.outProperty(), "runOut", "recording.sqlite"));
        Label errors = new Label();
        errors.setId("runErrors");
        errors.setWrapText(true);
        errors.setStyle("-fx-text-fill: -color-danger-fg;");
        Label gpu = new Label(whyNoGpu.orElse(""));
        gpu.setId("runNoGpu");
        gpu.setWrapText(true);
        gpu.setVisible(whyNoGpu.isPresent());
        Runnable validate = () -> errors.setText(String.join("\n", vm.errors()));
        for (javafx.beans.Observable o : vm.inputs()) {
            o.addListener(obs -> validate.run());
        }
        validate.run();
        VBox content = new VBox(10, grid, errors, gpu);
        content.setPrefWidth(620);
        getDialogPane().setContent(content);
        getDialogPane().getButtonTypes().setAll(RUN, ButtonType.CANCEL);
        Node run = getDialogPane().lookupButton(RUN);
        run.setId("runButton");
        run.disableProperty()
                .bind(Bindings.createBooleanBinding(
                        () -> whyNoGpu.isPresent() || !errors.getText().isEmpty(), errors.textProperty()));
    }

    private void add(String label, Node field) {
        grid.addRow(row++, new Label(label), field);
    }

    private static TextField text(StringProperty property, String id, String prompt) {
        TextField f = new TextField();
        f.setId(id);
        f.setPromptText(prompt);
        f.textProperty().bindBidirectional(property);
        f.setPrefColumnCount(30);
        return f;
    }

    private static CheckBox check(String text, BooleanProperty property) {
        CheckBox c = new CheckBox(text);
        c.selectedProperty().bindBidirectional(property);
        return c;
    }
}
