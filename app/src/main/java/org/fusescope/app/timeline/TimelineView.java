package org.fusescope.app.timeline;

import javafx.geometry.Insets;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.control.ToolBar;
import javafx.scene.control.Tooltip;
import javafx.scene.input.MouseButton;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.VBox;
import javafx.util.Duration;
import org.controlsfx.control.RangeSlider;
import org.fusescope.app.workbench.Icons;
import org.kordamp.ikonli.materialdesign2.MaterialDesignM;

/**
 * The timeline editor: search bar and zoom buttons, the canvas, and the minimap with a range
 * slider for the visible window. Layout and event wiring only.
 */
public final class TimelineView extends BorderPane {
    private final TimelineViewModel vm;
    private final TimelineCanvas canvas;
    private final Tooltip tooltip = new Tooltip();
    private final boolean compact;
    private double pressX;
    private double lastX;
    private boolean updatingSlider;

    public TimelineView(TimelineViewModel vm) {
        this(vm, false);
    }

    /**
     * A timeline editor; a compact one (the compare editor's) has no tool bar and no minimap, and its
     * mouse wheel zooms only with Ctrl held, so that the plain wheel scrolls the editor around it.
     */
    public TimelineView(TimelineViewModel vm, boolean compact) {
        this.vm = vm;
        this.compact = compact;
        this.canvas = new TimelineCanvas(vm);
        canvas.setId("timelineCanvas");
        canvas.setFocusTraversable(true);
        canvas.setMinHeight(Math.min(400, vm.layout().totalHeight()));
        if (!compact) {
            setTop(toolbar());
            setBottom(minimap());
        }
        setCenter(canvas);
        wireMouse();
        addEventHandler(javafx.scene.input.KeyEvent.KEY_PRESSED, e -> {
            if (!(e.getTarget() instanceof javafx.scene.control.TextInputControl)
                    && vm.key(e.getCode().getName())) {
                e.consume();
            }
        });
        tooltip.setShowDelay(Duration.millis(150));
        Tooltip.install(canvas, tooltip);
    }

    public TimelineViewModel viewModel() {
        return vm;
    }

    public TimelineCanvas canvas() {
        return canvas;
    }

    private ToolBar toolbar() {
        TextField search = new TextField();
        search.setId("kernelSearch");
        search.setPromptText("Find kernel (Enter: next)");
        Label status = new Label();
        search.setOnAction(e -> {
            if (vm.findStatus().isEmpty() || !search.getUserData().equals(search.getText())) {
                vm.find(search.getText());
                search.setUserData(search.getText());
            } else {
                vm.findNext();
            }
            status.setText(vm.findStatus().isEmpty() ? "no match" : vm.findStatus());
        });
        search.setUserData("");
        return new ToolBar(
                button("Zoom in (W)", MaterialDesignM.MAGNIFY_PLUS_OUTLINE, vm::zoomIn),
                button("Zoom out (S)", MaterialDesignM.MAGNIFY_MINUS_OUTLINE, vm::zoomOut),
                button("Fit the run", MaterialDesignM.MAGNIFY_SCAN, vm::fit),
                button("Zoom to selection", MaterialDesignM.MAGNIFY_PLUS_CURSOR, vm::zoomToSelection),
                search,
                status);
    }

    private static Button button(String tip, org.kordamp.ikonli.Ikon icon, Runnable action) {
        Button b = new Button(null, Icons.of(icon));
        b.setTooltip(new Tooltip(tip));
        b.setOnAction(e -> action.run());
        return b;
    }

    private VBox minimap() {
        RangeSlider slider = new RangeSlider(0, 1, 0, 1);
        slider.setId("minimapSlider");
        vm.revisionProperty().addListener((obs, old, now) -> {
            updatingSlider = true;
            double[] f = vm.fractions();
            slider.setHighValue(f[1]);
            slider.setLowValue(f[0]);
            updatingSlider = false;
        });
        Runnable push = () -> {
            if (!updatingSlider && slider.getHighValue() > slider.getLowValue()) {
                vm.showFractions(slider.getLowValue(), slider.getHighValue());
            }
        };
        slider.lowValueProperty().addListener((obs, o, n) -> push.run());
        slider.highValueProperty().addListener((obs, o, n) -> push.run());
        VBox box = new VBox(2, new Minimap(vm), slider);
        box.setPadding(new Insets(2, 4, 2, TimelineLayout.HEADER));
        return box;
    }

    private double plotWidth() {
        return canvas.getWidth() - TimelineLayout.HEADER;
    }

    private void wireMouse() {
        canvas.setOnScroll(e -> {
            if (compact && !e.isShortcutDown()) {
                return; // bubbles up: the compare editor's scroll pane scrolls
            }
            vm.wheel(e.getDeltaY(), e.getX() - TimelineLayout.HEADER, plotWidth());
            e.consume();
        });
        canvas.setOnMousePressed(e -> {
            canvas.requestFocus();
            pressX = e.getX();
            lastX = e.getX();
        });
        canvas.setOnMouseDragged(e -> {
            vm.drag(e.getX() - lastX, plotWidth());
            lastX = e.getX();
        });
        canvas.setOnMouseClicked(e -> {
            if (e.getButton() == MouseButton.PRIMARY && Math.abs(e.getX() - pressX) < 3) {
                vm.click(e.getX() - TimelineLayout.HEADER, e.getY(), plotWidth());
            }
        });
        canvas.setOnMouseMoved(e -> {
            String text = vm.describe(e.getX() - TimelineLayout.HEADER, e.getY(), plotWidth());
            tooltip.setText(text == null ? "" : text);
            if (text == null) {
                tooltip.hide();
            }
        });
    }
}
