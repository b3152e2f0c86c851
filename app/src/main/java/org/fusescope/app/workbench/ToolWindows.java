package org.fusescope.app.workbench;

import java.util.LinkedHashMap;
import java.util.Map;
import javafx.scene.Node;
import javafx.scene.control.CheckMenuItem;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import org.fusescope.app.prefs.WorkbenchPrefs;

/**
 * The tool windows docked in tab panes on the right and at the bottom: each can be hidden and
 * restored from the View menu, and its visibility persists. Layout only.
 */
public final class ToolWindows {
    private final Map<String, Tab> tabs = new LinkedHashMap<>();
    private final Map<String, TabPane> homes = new LinkedHashMap<>();
    private final Map<String, CheckMenuItem> items = new LinkedHashMap<>();
    private final WorkbenchPrefs prefs;

    public ToolWindows(WorkbenchPrefs prefs) {
        this.prefs = prefs;
    }

    /** Docks a tool window in {@code home}; {@code id} names it in the preferences and in tests. */
    public void add(String id, String title, Node content, TabPane home) {
        Tab tab = new Tab(title, content);
        tab.setId(id + "Tab");
        tab.setClosable(true);
        tab.setOnClosed(e -> show(id, false));
        tabs.put(id, tab);
        homes.put(id, home);
        CheckMenuItem item = new CheckMenuItem(title);
        item.setId(id + "MenuItem");
        item.setSelected(prefs.toolWindowVisible(id));
        item.selectedProperty().addListener((obs, o, n) -> show(id, n));
        items.put(id, item);
        if (item.isSelected()) {
            home.getTabs().add(tab);
        }
    }

    /** Shows or hides a tool window; showing brings it to front. */
    public void show(String id, boolean visible) {
        Tab tab = tabs.get(id);
        TabPane home = homes.get(id);
        if (visible && !home.getTabs().contains(tab)) {
            home.getTabs().add(tab);
        } else if (!visible) {
            home.getTabs().remove(tab);
        }
        if (visible) {
            home.getSelectionModel().select(tab);
        }
        items.get(id).setSelected(visible);
        prefs.setToolWindowVisible(id, visible);
    }

    /** True when the tool window is docked. */
    public boolean visible(String id) {
        return homes.get(id).getTabs().contains(tabs.get(id));
    }

    /** The View menu's check items, in the order added. */
    public Iterable<CheckMenuItem> menuItems() {
        return items.values();
    }
}
