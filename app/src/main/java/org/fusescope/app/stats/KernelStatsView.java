package org.fusescope.app.stats;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.List;
import javafx.scene.control.Button;
import javafx.scene.control.TextField;
import javafx.scene.control.ToolBar;
import javafx.scene.layout.BorderPane;
import javafx.stage.FileChooser;
import org.fusescope.app.workbench.Icons;
import org.kordamp.ikonli.materialdesign2.MaterialDesignC;
import org.kordamp.ikonli.materialdesign2.MaterialDesignE;

/** The kernel statistics tool window: filter, copy, CSV export and the summary table. Layout only. */
public final class KernelStatsView extends BorderPane {
    private final ResultTableView table = new ResultTableView();
    private boolean syncing;

    public KernelStatsView(KernelStatsViewModel vm) {
        table.setId("kernelStatsTable");
        TextField filter = new TextField();
        filter.setPromptText("Filter by kernel name");
        filter.setId("kernelStatsFilter");
        vm.filterProperty().bind(filter.textProperty());
        Button copy = new Button("Copy as CSV", Icons.of(MaterialDesignC.CONTENT_COPY));
        copy.setOnAction(e -> table.copyAsCsv());
        Button export = new Button("Export CSV", Icons.of(MaterialDesignE.EXPORT));
        export.setOnAction(e -> export(vm));
        setTop(new ToolBar(filter, copy, export));
        setCenter(table);
        vm.tableProperty().addListener((obs, old, now) -> table.setColumns(vm.columns()));
        table.setColumns(vm.columns());
        table.setRows(vm.rows());
        table.getSelectionModel().selectedItemProperty().addListener((obs, old, row) -> {
            if (row != null && !syncing) {
                vm.selectedNameProperty().set(vm.name(row));
            }
        });
        vm.selectedNameProperty().addListener((obs, old, name) -> {
            syncing = true;
            for (List<Object> row : table.getItems()) {
                if (vm.name(row).equals(name)) {
                    table.getSelectionModel().clearSelection();
                    table.getSelectionModel().select(row);
                    table.scrollTo(row);
                }
            }
            syncing = false;
        });
    }

    private void export(KernelStatsViewModel vm) {
        FileChooser chooser = new FileChooser();
        chooser.setInitialFileName("kernel-summary.csv");
        java.io.File file = chooser.showSaveDialog(getScene().getWindow());
        if (file != null) {
            try {
                Files.writeString(file.toPath(), vm.csv(), StandardCharsets.UTF_8);
            } catch (IOException ex) {
                new javafx.scene.control.Alert(javafx.scene.control.Alert.AlertType.ERROR, ex.getMessage()).show();
            }
        }
    }
}
