package org.fusescope.app.experts;

import java.util.List;
import javafx.collections.FXCollections;
import javafx.scene.chart.BarChart;
import javafx.scene.chart.CategoryAxis;
import javafx.scene.chart.NumberAxis;
import javafx.scene.chart.XYChart;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Hyperlink;
import javafx.scene.control.Label;
import javafx.scene.control.SplitPane;
import javafx.scene.control.ToolBar;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.VBox;

/**
 * The Expert load tool window: layer and step choosers, a bar chart of tokens per expert (hot
 * experts in red, the shared expert of fused runs grey, a tooltip per bar), the hot rule and the
 * imbalance figures, the top experts, a link to the layer's grouped GEMMs (also a click on a bar or
 * a top expert) and the heat map. Layout only.
 */
public final class ExpertLoadView extends BorderPane {
    private final ExpertLoadViewModel vm;
    private final BarChart<String, Number> chart = new BarChart<>(new CategoryAxis(), new NumberAxis());
    private final ComboBox<Integer> layer = new ComboBox<>();
    private final ComboBox<Integer> step = new ComboBox<>();
    private final Label figures = new Label();
    private final Label hotRule = new Label();
    private final TopExpertsTable top = new TopExpertsTable();
    private final HeatMap heatMap;
    private boolean updating;

    public ExpertLoadView(ExpertLoadViewModel vm) {
        this.vm = vm;
        this.heatMap = new HeatMap(vm);
        chart.setId("expertBars");
        chart.setAnimated(false);
        chart.setLegendVisible(false);
        chart.setBarGap(0);
        chart.setCategoryGap(1);
        chart.getXAxis().setLabel("expert");
        chart.getYAxis().setLabel("tokens (slots)");
        figures.setId("expertFigures");
        figures.setWrapText(true);
        hotRule.setId("expertHotRule");
        hotRule.setWrapText(true);
        top.setOnShow(e -> vm.selectGroupedGemm());
        layer.setPromptText("layer");
        step.setPromptText("step");
        layer.valueProperty().addListener((obs, o, n) -> {
            if (!updating && n != null) {
                vm.layerProperty().set(n);
            }
        });
        step.valueProperty().addListener((obs, o, n) -> {
            if (!updating && n != null) {
                vm.stepProperty().set(n);
            }
        });
        Hyperlink gemms = new Hyperlink("Grouped GEMM kernels of this layer");
        gemms.setOnAction(e -> vm.selectGroupedGemm());
        setTop(new ToolBar(new Label("Layer"), layer, new Label("Step"), step, gemms));
        SplitPane split =
                new SplitPane(new BorderPane(chart, null, null, new VBox(hotRule, figures), null), top, heatMap);
        split.setDividerPositions(0.5, 0.72);
        setCenter(split);
        vm.revisionProperty().addListener((obs, o, n) -> refresh());
        refresh();
    }

    /**
     * Scales the bars to the routed experts' maximum {@code routedMax}, so that the shared expert's
     * bar (one slot per token) runs off the top instead of flattening the others; -1 scales to all.
     */
    private void scaleToRoutedExperts(int routedMax) {
        NumberAxis y = (NumberAxis) chart.getYAxis();
        if (routedMax < 0) {
            y.setAutoRanging(true);
            return;
        }
        double top = Math.max(1, Math.ceil(routedMax * 1.15));
        y.setAutoRanging(false);
        y.setLowerBound(0);
        y.setUpperBound(top);
        y.setTickUnit(Math.max(1, Math.ceil(top / 5)));
    }

    private void refresh() {
        updating = true;
        layer.setItems(FXCollections.observableArrayList(vm.layers()));
        layer.setValue(vm.layerProperty().get() < 0 ? null : vm.layerProperty().get());
        step.setItems(FXCollections.observableArrayList(vm.steps()));
        step.setValue(vm.stepProperty().get() < 0 ? null : vm.stepProperty().get());
        updating = false;
        List<Integer> bars = vm.bars();
        RoutedLoad routed = vm.routedLoad();
        boolean clipShared = routed != null && routed.sharedSlots() > routed.max();
        scaleToRoutedExperts(clipShared ? routed.max() : -1);
        XYChart.Series<String, Number> series = new XYChart.Series<>();
        for (int e = 0; e < bars.size(); e++) {
            String name = !vm.shared(e) ? String.valueOf(e) : clipShared ? "S " + bars.get(e) + " ▲" : "S";
            series.getData().add(new XYChart.Data<>(name, bars.get(e)));
        }
        chart.getData().setAll(List.of(series));
        for (int e = 0; e < bars.size(); e++) {
            javafx.scene.Node node = series.getData().get(e).getNode();
            if (node != null && vm.hot(e)) {
                node.getStyleClass().add("fs-hot-expert");
                node.setStyle("-fx-bar-fill: #d62728;");
            } else if (node != null && vm.shared(e)) {
                node.getStyleClass().add("fs-shared-expert");
                node.setStyle("-fx-bar-fill: #7f7f7f;");
            }
            if (node != null) {
                Tooltip.install(node, new Tooltip(vm.describe(e)));
                node.setOnMouseClicked(click -> vm.selectGroupedGemm());
            }
        }
        figures.setText(vm.figures());
        hotRule.setText(vm.hotRule());
        top.getItems().setAll(vm.topExperts());
        heatMap.draw();
    }
}
