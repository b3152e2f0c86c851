package org.fusescope.app.workbench;

import javafx.collections.ListChangeListener;
import javafx.scene.control.SplitPane;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import org.fusescope.app.prefs.Dock;

/**
 * One dock for tool windows: a tab pane that is the last item of a split pane while it holds a tool
 * window and leaves it when it is empty, so an empty dock takes no room. Remembers its divider
 * position while it is away. Layout only.
 */
final class DockArea {
    private final Dock dock;
    private final TabPane tabs = new TabPane();
    private final SplitPane split;
    private double position;

    /**
     * @param split the split pane whose last item the dock is; its other items are already there
     * @param position the divider position before the dock (0..1) when it first appears
     */
    DockArea(Dock dock, SplitPane split, double position) {
        this.dock = dock;
        this.split = split;
        this.position = position;
        tabs.setId(dock.key() + "Dock");
        tabs.getTabs().addListener((ListChangeListener<Tab>) c -> refresh());
    }

    Dock dock() {
        return dock;
    }

    TabPane tabs() {
        return tabs;
    }

    /** The divider position before the dock: the current one while shown, else the remembered one. */
    double position() {
        double[] d = split.getDividerPositions();
        return shown() && d.length > 0 ? d[d.length - 1] : position;
    }

    /** Sets the divider position before the dock (applied now, or when it next appears). */
    void setPosition(double p) {
        position = p;
        if (shown()) {
            split.setDividerPosition(split.getDividers().size() - 1, p);
        }
    }

    boolean shown() {
        return split.getItems().contains(tabs);
    }

    private void refresh() {
        if (tabs.getTabs().isEmpty() && shown()) {
            position = position();
            split.getItems().remove(tabs);
        } else if (!tabs.getTabs().isEmpty() && !shown()) {
            split.getItems().add(tabs);
            split.setDividerPosition(split.getDividers().size() - 1, position);
        }
    }
}
