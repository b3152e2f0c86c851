package org.fusescope.app.compare;

import javafx.geometry.Insets;
import javafx.geometry.Orientation;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.SplitPane;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import org.fusescope.app.stats.ResultTableView;
import org.fusescope.app.timeline.TimelineView;
import org.fusescope.app.workbench.Themes;

/**
 * The compare editor: the step picker and the step times' verdicts; the two runs' timelines aligned at
 * the chosen step with the connector band between them (the wheel scrolls, Ctrl+wheel zooms); the
 * group verdict table (rows coloured faster / slower / added / removed; selecting one highlights its
 * kernels in both runs), the selected group's verdict and moved work, step totals, kernel time per
 * layer type and numeric checks. Layout only.
 */
public final class CompareView extends BorderPane {
    private final ResultTableView groups = new ResultTableView();
    private boolean showingGroups;

    public CompareView(CompareViewModel vm) {
        TimelineView top = new TimelineView(vm.topTimeline(), true);
        TimelineView bottom = new TimelineView(vm.bottomTimeline(), true);
        ConnectorStrip connectors = new ConnectorStrip(vm);
        connectors.setId("compareConnectors");
        top.canvas().darkProperty().bind(Themes.darkProperty());
        bottom.canvas().darkProperty().bind(Themes.darkProperty());
        connectors.darkProperty().bind(Themes.darkProperty());
        VBox timelines = new VBox(
                new Label("Baseline: " + vm.baseline().title()),
                top,
                connectors,
                new Label("Candidate: " + vm.candidate().title()),
                bottom);
        timelines.setId("compareTimelines");

        groups.setId("compareGroups");
        groups.setRowStyleClass(vm::rowStyle);
        showGroups(vm);
        groups.getSelectionModel().selectedItemProperty().addListener((obs, o, row) -> {
            if (row != null && !showingGroups) {
                vm.selectGroup((String) row.get(0));
            }
        });
        Label verdict = new Label();
        verdict.setId("compareVerdict");
        verdict.setWrapText(true);
        verdict.setPadding(new Insets(4, 6, 4, 6));
        vm.selectedGroupProperty().addListener((obs, o, group) -> {
            verdict.setText(vm.selectedVerdict());
            selectRow(group);
        });
        BorderPane groupPane = new BorderPane(groups);
        groupPane.setBottom(verdict);

        ResultTableView details = new ResultTableView();
        details.show(vm.groupDetails());
        ResultTableView steps = new ResultTableView();
        steps.show(vm.stepTotals());
        ResultTableView layerTypes = new ResultTableView();
        layerTypes.setId("compareLayerTypes");
        layerTypes.show(vm.layerTypes());
        ResultTableView checks = new ResultTableView();
        checks.show(vm.checks());
        TabPane tables = new TabPane(
                new Tab("Fusion groups", groupPane),
                new Tab("Group details", details),
                new Tab("Step totals", steps),
                new Tab("Layer types", layerTypes),
                new Tab("Numeric checks", checks));
        tables.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);

        ScrollPane scroll = new ScrollPane(timelines);
        scroll.setFitToWidth(true);
        SplitPane split = new SplitPane(scroll, tables);
        split.setOrientation(Orientation.VERTICAL);
        split.setDividerPositions(0.5);
        setTop(header(vm));
        setCenter(split);
        vm.stepProperty().addListener((obs, o, n) -> {
            showGroups(vm);
            selectRow(vm.selectedGroupProperty().get());
        });
    }

    private HBox header(CompareViewModel vm) {
        ComboBox<Integer> step = new ComboBox<>();
        step.setId("compareStep");
        step.getItems().setAll(vm.steps());
        if (vm.stepProperty().get() >= 0) {
            step.setValue(vm.stepProperty().get());
        }
        step.valueProperty().addListener((obs, o, n) -> {
            if (n != null && n != vm.stepProperty().get()) {
                vm.showStep(n);
            }
        });
        vm.stepProperty().addListener((obs, o, n) -> step.setValue(n.intValue()));
        Label summary = new Label(vm.summary());
        summary.setId("compareSummary");
        // the long verdict line gives way (ellipsis, full text in its tooltip); the picker never shrinks
        summary.setMinWidth(0);
        summary.setTooltip(new javafx.scene.control.Tooltip(vm.summary()));
        HBox.setHgrow(summary, javafx.scene.layout.Priority.ALWAYS);
        Label align = new Label("Align at step");
        align.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        step.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        HBox header = new HBox(8, align, step, summary);
        header.setPadding(new Insets(4, 6, 4, 6));
        header.setAlignment(javafx.geometry.Pos.CENTER_LEFT);
        return header;
    }

    private void showGroups(CompareViewModel vm) {
        showingGroups = true;
        groups.show(vm.groups());
        showingGroups = false;
    }

    private void selectRow(String group) {
        showingGroups = true;
        groups.getItems().stream()
                .filter(row -> row.get(0).equals(group))
                .findFirst()
                .ifPresent(row -> groups.getSelectionModel()
                        .clearAndSelect(groups.getItems().indexOf(row)));
        showingGroups = false;
    }
}
