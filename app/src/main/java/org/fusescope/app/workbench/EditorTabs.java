package org.fusescope.app.workbench;

import java.util.IdentityHashMap;
import java.util.Map;
import javafx.collections.ListChangeListener;
import javafx.scene.Node;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.input.MouseButton;
import javafx.scene.input.MouseEvent;
import org.fusescope.app.compare.CompareView;
import org.fusescope.app.compare.CompareViewModel;
import org.fusescope.app.timeline.TimelineView;
import org.fusescope.app.timeline.TimelineViewModel;

/** The editor area: a tab per editor view model, kept in step with the workbench. Layout only. */
public final class EditorTabs extends TabPane {
    private final Map<Object, Tab> tabs = new IdentityHashMap<>();

    public EditorTabs(WorkbenchViewModel vm) {
        setId("editors");
        vm.editorWidthProperty().bind(widthProperty());
        vm.editors().addListener((ListChangeListener<Object>) change -> {
            while (change.next()) {
                change.getRemoved().forEach(e -> getTabs().remove(tabs.remove(e)));
                change.getAddedSubList().forEach(e -> getTabs().add(tab(vm, e)));
            }
        });
        getSelectionModel().selectedItemProperty().addListener((obs, o, tab) -> {
            if (tab != null) {
                vm.activeEditorProperty().set(tab.getUserData());
            }
        });
        vm.activeEditorProperty().addListener((obs, o, editor) -> {
            Tab tab = tabs.get(editor);
            if (tab != null) {
                getSelectionModel().select(tab);
            }
        });
    }

    private Tab tab(WorkbenchViewModel vm, Object editor) {
        Tab tab;
        if (editor instanceof TimelineViewModel t) {
            TimelineView view = new TimelineView(t);
            view.canvas().darkProperty().bind(Themes.darkProperty());
            tab = new Tab(t.run().title(), view);
        } else {
            CompareViewModel c = (CompareViewModel) editor;
            tab = new Tab(c.title(), new CompareView(c));
        }
        tab.setUserData(editor);
        tab.setOnClosed(e -> vm.editors().remove(editor));
        tabs.put(editor, tab);
        return tab;
    }

    /** Runs {@code action} on a double-click on a tab's header (the editor maximises, or comes back). */
    void onHeaderDoubleClick(Runnable action) {
        addEventHandler(MouseEvent.MOUSE_CLICKED, e -> {
            if (e.getButton() == MouseButton.PRIMARY
                    && e.getClickCount() == 2
                    && onTabHeader(e.getPickResult().getIntersectedNode())) {
                action.run();
                e.consume();
            }
        });
    }

    private boolean onTabHeader(Node node) {
        for (Node n = node; n != null && n != this; n = n.getParent()) {
            if (n.getStyleClass().contains("tab-close-button")) {
                return false;
            }
            if (n.getStyleClass().contains("tab")) {
                return true;
            }
        }
        return false;
    }

    /** The timeline view in front, or null. */
    public TimelineView activeTimeline() {
        Tab tab = getSelectionModel().getSelectedItem();
        return tab != null && tab.getContent() instanceof TimelineView t ? t : null;
    }
}
