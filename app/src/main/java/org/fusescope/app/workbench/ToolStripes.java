package org.fusescope.app.workbench;

import java.util.EnumMap;
import java.util.Map;
import javafx.geometry.Orientation;
import javafx.scene.Group;
import javafx.scene.Node;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToolBar;
import org.fusescope.app.prefs.Dock;

/**
 * The stripes on the window's edges, as in an IDE: one toggle button per tool window on the edge of
 * its dock (left, right, bottom), pressed while it is shown; a click hides it or brings it back.
 * They follow a tool window that moves to another dock. Layout only.
 */
final class ToolStripes {
    private final ToolWindows tools;
    private final Runnable beforeShowing;
    private final Map<Dock, ToolBar> stripes = new EnumMap<>(Dock.class);

    /** @param beforeShowing runs before a button shows its tool window (the editor un-maximises) */
    ToolStripes(ToolWindows tools, Runnable beforeShowing) {
        this.tools = tools;
        this.beforeShowing = beforeShowing;
        for (Dock d : Dock.values()) {
            ToolBar bar = new ToolBar();
            bar.setId(d.key() + "Stripe");
            bar.setOrientation(d == Dock.BOTTOM ? Orientation.HORIZONTAL : Orientation.VERTICAL);
            bar.getStyleClass().add("fs-stripe");
            stripes.put(d, bar);
        }
        tools.onMoved(this::refresh);
        refresh();
    }

    /** The stripe along a dock's edge. */
    Node stripe(Dock dock) {
        return stripes.get(dock);
    }

    private void refresh() {
        stripes.values().forEach(b -> b.getItems().clear());
        for (String id : tools.ids()) {
            Dock dock = tools.dock(id);
            ToggleButton button = new ToggleButton(tools.title(id));
            button.setId(id + "Stripe");
            button.setFocusTraversable(false);
            button.selectedProperty().bindBidirectional(tools.shownProperty(id));
            button.setOnAction(e -> {
                if (button.isSelected()) {
                    beforeShowing.run();
                }
            });
            if (dock == Dock.BOTTOM) {
                stripes.get(dock).getItems().add(button);
            } else {
                // vertical text, read from bottom to top on the left and top to bottom on the right
                button.setRotate(dock == Dock.LEFT ? -90 : 90);
                stripes.get(dock).getItems().add(new Group(button));
            }
        }
    }
}
