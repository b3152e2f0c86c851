package org.fusescope.app.compare;

import javafx.scene.control.Label;
import javafx.scene.control.SplitPane;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.VBox;
import org.fusescope.app.stats.ResultTableView;
import org.fusescope.app.timeline.TimelineView;

/**
 * The compare editor: the two runs' timelines stacked on one time scale above the group table
 * (rows coloured faster / slower), step totals, kernel time per layer type and numeric checks. Layout
 * only.
 */
public final class CompareView extends BorderPane {
    public CompareView(CompareViewModel vm) {
        Label summary = new Label(vm.summary());
        summary.setId("compareSummary");
        VBox timelines = new VBox(
                new Label("Baseline: " + vm.baseline().title()),
                new TimelineView(vm.topTimeline(), true),
                new Label("Candidate: " + vm.candidate().title()),
                new TimelineView(vm.bottomTimeline(), true));
        ResultTableView groups = new ResultTableView();
        groups.setId("compareGroups");
        groups.setRowStyleClass(vm::rowStyle);
        groups.show(vm.groups());
        ResultTableView steps = new ResultTableView();
        steps.show(vm.stepTotals());
        ResultTableView layerTypes = new ResultTableView();
        layerTypes.setId("compareLayerTypes");
        layerTypes.show(vm.layerTypes());
        ResultTableView checks = new ResultTableView();
        checks.show(vm.checks());
        TabPane tables = new TabPane(
                new Tab("Fusion groups", groups),
                new Tab("Step totals", steps),
                new Tab("Layer types", layerTypes),
                new Tab("Numeric checks", checks));
        tables.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
        javafx.scene.control.ScrollPane scroll = new javafx.scene.control.ScrollPane(timelines);
        scroll.setFitToWidth(true);
        SplitPane split = new SplitPane(scroll, tables);
        split.setOrientation(javafx.geometry.Orientation.VERTICAL);
        split.setDividerPositions(0.5);
        setTop(summary);
        setCenter(split);
    }
}
