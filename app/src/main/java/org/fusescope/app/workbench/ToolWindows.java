package org.fusescope.app.workbench;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javafx.beans.binding.Bindings;
import javafx.beans.property.BooleanProperty;
import javafx.beans.value.ObservableValue;
import javafx.scene.Node;
import javafx.scene.control.CheckMenuItem;
import javafx.scene.control.ContextMenu;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuItem;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import org.fusescope.app.data.OpenRun;
import org.fusescope.app.prefs.Dock;
import org.fusescope.app.prefs.WorkbenchPrefs;

/**
 * The tool windows, docked as tabs on the left, the right or at the bottom: each can be hidden and
 * restored from the View menu and moved to another dock from its tab's context menu (Move to ▸
 * Left / Right / Bottom); visibility and dock persist. Layout only.
 */
public final class ToolWindows {
    private final Map<String, Tab> tabs = new LinkedHashMap<>();
    private final Map<String, Dock> docks = new LinkedHashMap<>();
    private final Map<String, CheckMenuItem> items = new LinkedHashMap<>();
    private final Map<Dock, DockArea> areas = new EnumMap<>(Dock.class);
    private final WorkbenchPrefs prefs;
    private final List<Runnable> moved = new ArrayList<>();

    ToolWindows(WorkbenchPrefs prefs, DockArea... areas) {
        this.prefs = prefs;
        for (DockArea a : areas) {
            this.areas.put(a.dock(), a);
        }
    }

    /**
     * Docks a tool window where it was last moved to, else in {@code fallback}; {@code id} names it
     * in the preferences and in tests.
     */
    public void add(String id, String title, Node content, Dock fallback) {
        Tab tab = new Tab(title, content);
        tab.setId(id + "Tab");
        tab.setClosable(true);
        tab.setOnClosed(e -> show(id, false));
        tab.setContextMenu(contextMenu(id));
        tabs.put(id, tab);
        docks.put(id, prefs.toolWindowDock(id, fallback));
        CheckMenuItem item = new CheckMenuItem(title);
        item.setId(id + "MenuItem");
        item.setSelected(prefs.toolWindowVisible(id));
        item.selectedProperty().addListener((obs, o, n) -> show(id, n));
        items.put(id, item);
        if (item.isSelected()) {
            home(id).getTabs().add(tab);
        }
    }

    private ContextMenu contextMenu(String id) {
        Menu moveTo = new Menu("Move to");
        moveTo.setId(id + "MoveTo");
        for (Dock d : Dock.values()) {
            MenuItem to = new MenuItem(d.title());
            to.setId(id + "MoveTo" + d.title());
            to.setOnAction(e -> move(id, d));
            moveTo.getItems().add(to);
        }
        moveTo.setOnShowing(e -> moveTo.getItems()
                .forEach(i -> i.setDisable(i.getId().endsWith(docks.get(id).title()))));
        MenuItem hide = new MenuItem("Hide");
        hide.setOnAction(e -> show(id, false));
        return new ContextMenu(moveTo, hide);
    }

    /**
     * Heads a tool window's tab with its title and the run it shows ({@code Expert load — fused b=16
     * graph}); just the title while {@code run} is null.
     */
    public void nameRun(String id, ObservableValue<OpenRun> run) {
        Tab tab = tabs.get(id);
        String title = tab.getText();
        tab.textProperty()
                .bind(Bindings.createStringBinding(
                        () -> run.getValue() == null
                                ? title
                                : title + " — " + run.getValue().info().name(),
                        run));
    }

    /** The title of a tool window's tab as shown (with the run it shows). */
    public String tabText(String id) {
        return tabs.get(id).getText();
    }

    /** Moves a tool window to another dock (showing it there, in front) and remembers the dock. */
    public void move(String id, Dock to) {
        Tab tab = tabs.get(id);
        home(id).getTabs().remove(tab);
        docks.put(id, to);
        prefs.setToolWindowDock(id, to);
        show(id, true);
        moved.forEach(Runnable::run);
    }

    /** The dock a tool window belongs to (also while it is hidden). */
    public Dock dock(String id) {
        return docks.get(id);
    }

    /** Shows or hides a tool window; showing brings it to front. */
    public void show(String id, boolean visible) {
        Tab tab = tabs.get(id);
        TabPane home = home(id);
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
        return home(id).getTabs().contains(tabs.get(id));
    }

    /** Whether a tool window is shown; setting it shows (in front) or hides it. */
    public BooleanProperty shownProperty(String id) {
        return items.get(id).selectedProperty();
    }

    /** The tool windows' ids, in the order added. */
    public List<String> ids() {
        return List.copyOf(tabs.keySet());
    }

    /** A tool window's title without the run it shows, e.g. {@code Expert load}. */
    public String title(String id) {
        return items.get(id).getText();
    }

    /** Runs {@code listener} after a tool window moved to another dock. */
    void onMoved(Runnable listener) {
        moved.add(listener);
    }

    /** The View menu's check items, in the order added. */
    public Iterable<CheckMenuItem> menuItems() {
        return items.values();
    }

    private TabPane home(String id) {
        return areas.get(docks.get(id)).tabs();
    }
}
