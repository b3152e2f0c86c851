package org.fusescope.app.compare;

import javafx.beans.property.BooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.layout.Pane;
import javafx.scene.paint.Color;
import org.fusescope.app.timeline.TimelineCanvas;
import org.fusescope.app.timeline.TimelineLayout;

/**
 * The band between the two compare timelines: a line from each fusion group's kernel in the baseline
 * (top edge, at its x in the upper timeline) to its kernel(s) in the candidate (bottom edge, at their x
 * in the lower one); the selected group's lines are drawn bold in the highlight colour.
 */
final class ConnectorStrip extends Pane {
    static final double HEIGHT = 36;

    private final CompareViewModel vm;
    private final Canvas canvas = new Canvas();
    private final BooleanProperty dark = new SimpleBooleanProperty(this, "dark");

    ConnectorStrip(CompareViewModel vm) {
        this.vm = vm;
        getChildren().add(canvas);
        setMinHeight(HEIGHT);
        setPrefHeight(HEIGHT);
        widthProperty().addListener((obs, o, n) -> draw());
        dark.addListener((obs, o, n) -> draw());
        vm.topTimeline().revisionProperty().addListener((obs, o, n) -> draw());
        vm.bottomTimeline().revisionProperty().addListener((obs, o, n) -> draw());
    }

    BooleanProperty darkProperty() {
        return dark;
    }

    void draw() {
        canvas.setWidth(getWidth());
        canvas.setHeight(HEIGHT);
        GraphicsContext g = canvas.getGraphicsContext2D();
        double plotW = getWidth() - TimelineLayout.HEADER;
        g.setFill(dark.get() ? Color.rgb(30, 31, 34) : Color.WHITE);
        g.fillRect(0, 0, getWidth(), HEIGHT);
        if (plotW < 10) {
            return;
        }
        Color line = dark.get() ? Color.rgb(160, 160, 170, 0.6) : Color.rgb(90, 90, 100, 0.5);
        for (boolean selected : new boolean[] {false, true}) {
            g.setStroke(selected ? TimelineCanvas.HIGHLIGHT : line);
            g.setLineWidth(selected ? 2.5 : 1);
            for (CompareViewModel.Connector c : vm.connectors()) {
                if (c.selected() != selected) {
                    continue;
                }
                double x1 = TimelineLayout.HEADER + vm.topTimeline().window().xOf(c.baselineNs(), plotW);
                double x2 = TimelineLayout.HEADER + vm.bottomTimeline().window().xOf(c.candidateNs(), plotW);
                if (Math.max(x1, x2) >= TimelineLayout.HEADER && Math.min(x1, x2) <= getWidth()) {
                    g.strokeLine(x1, 0, x2, HEIGHT);
                }
            }
        }
    }
}
