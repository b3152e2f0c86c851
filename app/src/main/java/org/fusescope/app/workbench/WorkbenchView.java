package org.fusescope.app.workbench;

import java.util.List;
import javafx.beans.binding.Bindings;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.geometry.Orientation;
import javafx.scene.control.SplitPane;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.util.Duration;
import org.controlsfx.control.Notifications;
import org.controlsfx.control.StatusBar;
import org.fusescope.app.console.ConsoleView;
import org.fusescope.app.experts.ExpertLoadView;
import org.fusescope.app.explorer.RunsExplorerView;
import org.fusescope.app.explorer.RunsExplorerViewModel.RunNode;
import org.fusescope.app.prefs.Dock;
import org.fusescope.app.prefs.WorkbenchPrefs;
import org.fusescope.app.problems.ProblemsView;
import org.fusescope.app.properties.PropertiesView;
import org.fusescope.app.roofline.RooflineView;
import org.fusescope.app.run.RunNotice;
import org.fusescope.app.run.RunTasksView;
import org.fusescope.app.stats.KernelStatsView;

/**
 * The main window's layout: menu and tool bar, the Runs explorer on the left, editors in the
 * centre (the {@link WelcomePage} while none is open), tool windows in three docks (left under the explorer, right, bottom; a dock with no tool
 * window takes no room), the status bar. Drops of files open them ({@link FileDrop}). Layout only;
 * commands live in {@link WorkbenchActions}.
 */
public final class WorkbenchView extends BorderPane {
    private final WorkbenchViewModel vm;
    private final SplitPane outer = new SplitPane();
    private final SplitPane leftColumn = new SplitPane();
    private final SplitPane middle = new SplitPane();
    private final SplitPane editorRow = new SplitPane();
    private final EditorTabs editors;
    private final DockArea left;
    private final DockArea right;
    private final DockArea bottom;
    private final ToolWindows tools;
    private final WorkbenchActions actions;
    private final FileDrop drop;
    private final StackPane editorArea;
    private final BooleanProperty maximized = new SimpleBooleanProperty(this, "maximized");
    private double[] savedDividers;

    public WorkbenchView(WorkbenchViewModel vm, RunController runs) {
        this.vm = vm;
        this.editors = new EditorTabs(vm);
        WorkbenchPrefs prefs = vm.prefs();
        RunsExplorerView explorer = new RunsExplorerView(
                vm.explorer(), n -> vm.openRun(n.recording(), n.run().id()), this::compare, vm::close);
        leftColumn.setOrientation(Orientation.VERTICAL);
        leftColumn.getItems().setAll(explorer);
        this.actions = new WorkbenchActions(vm, runs, this);
        WelcomePage welcome = new WelcomePage(vm, actions, runs.whyNoGpu());
        welcome.visibleProperty().bind(Bindings.isEmpty(vm.editors()));
        StackPane editorArea = new StackPane(editors, welcome);
        editorArea.setId("editorArea");
        editorRow.getItems().setAll(editorArea);
        middle.setOrientation(Orientation.VERTICAL);
        middle.getItems().setAll(editorRow);
        outer.getItems().setAll(leftColumn, middle);
        this.left = new DockArea(Dock.LEFT, leftColumn, first(prefs.dividers("leftColumn", 0.55)));
        this.right = new DockArea(Dock.RIGHT, editorRow, first(prefs.dividers("editorRow", 0.74)));
        this.bottom = new DockArea(Dock.BOTTOM, middle, first(prefs.dividers("middle", 0.62)));
        this.tools = new ToolWindows(prefs, left, right, bottom);
        setId("workbench");
        tools.add("properties", "Properties", new PropertiesView(vm.properties()), Dock.RIGHT);
        tools.add("roofline", "Roofline", new RooflineView(vm.roofline()), Dock.RIGHT);
        tools.add("kernelStats", "Kernel statistics", new KernelStatsView(vm.stats()), Dock.BOTTOM);
        tools.add("expertLoad", "Expert load", new ExpertLoadView(vm.experts()), Dock.BOTTOM);
        tools.add("problems", "Problems", new ProblemsView(vm.problems(), vm::navigate), Dock.BOTTOM);
        tools.add("console", "Console", new ConsoleView(vm.console()), Dock.BOTTOM);
        tools.add("runProgress", "Progress", new RunTasksView(runs.taskProperty()), Dock.BOTTOM);
        tools.nameRun("properties", vm.selection().activeRunProperty());
        tools.nameRun("roofline", vm.analysedRunProperty());
        tools.nameRun("kernelStats", vm.analysedRunProperty());
        tools.nameRun("expertLoad", vm.analysedRunProperty());
        outer.setDividerPositions(first(prefs.dividers("outer", 0.2)));
        this.editorArea = editorArea;
        ToolStripes stripes = new ToolStripes(tools, () -> maximized.set(false));
        maximized.addListener((obs, was, now) -> maximize(now));
        editors.onHeaderDoubleClick(() -> maximized.set(!maximized.get()));
        setTop(new VBox(actions.menuBar(), actions.toolBar()));
        setCenter(outer);
        setLeft(stripes.stripe(Dock.LEFT));
        setRight(stripes.stripe(Dock.RIGHT));
        setBottom(new VBox(stripes.stripe(Dock.BOTTOM), statusBar(runs)));
        runs.taskProperty().addListener((obs, old, task) -> {
            if (task != null) {
                tools.show("runProgress", true);
            }
        });
        runs.noticeProperty().addListener((obs, old, notice) -> notify(notice));
        addEventFilter(KeyEvent.ANY, new DoubleShift(actions::searchEverywhere));
        this.drop = new FileDrop(vm, () -> tools.show("problems", true));
        drop.install(this);
    }

    private static double first(double[] positions) {
        return positions.length > 0 ? positions[0] : 0.5;
    }

    private StatusBar statusBar(RunController runs) {
        StatusBar bar = new StatusBar();
        bar.setId("statusBar");
        bar.textProperty().bind(vm.statusProperty());
        Runnable progress = () -> bar.setProgress(
                runs.runningProperty().get()
                        ? runs.progressProperty().get()
                        : vm.pendingProperty().get() > 0 ? -1 : 0);
        vm.pendingProperty().addListener((obs, o, n) -> progress.run());
        runs.progressProperty().addListener((obs, o, n) -> progress.run());
        runs.runningProperty().addListener((obs, o, n) -> progress.run());
        return bar;
    }

    /** Shows how a run ended in a notification popup over the window. */
    private void notify(RunNotice notice) {
        if (notice == null || getScene() == null || getScene().getWindow() == null) {
            return;
        }
        Notifications popup = Notifications.create()
                .owner(getScene().getWindow())
                .title(notice.title())
                .text(notice.text())
                .hideAfter(Duration.seconds(notice.kind() == RunNotice.Kind.FAILED ? 15 : 8));
        switch (notice.kind()) {
            case SUCCEEDED -> popup.showInformation();
            case STOPPED -> popup.showWarning();
            case FAILED -> popup.showError();
        }
    }

    private void compare(List<RunNode> nodes) {
        if (nodes.size() == 2) {
            vm.compare(
                    nodes.get(0).recording(),
                    nodes.get(0).run().id(),
                    nodes.get(1).recording(),
                    nodes.get(1).run().id());
        } else {
            actions.compareDialog();
        }
    }

    /**
     * True while the editors fill the window: the explorer and the docks are put away (the stripes
     * stay); false puts them back where they were.
     */
    public BooleanProperty maximizedProperty() {
        return maximized;
    }

    private void maximize(boolean on) {
        if (on) {
            savedDividers = new double[] {outer.getDividerPositions()[0], bottom.position(), right.position()};
            editorRow.getItems().remove(editorArea);
            setCenter(editorArea);
        } else {
            setCenter(outer);
            editorRow.getItems().add(0, editorArea);
            setDividers(savedDividers[0], savedDividers[1], savedDividers[2]);
        }
    }

    /** Sets the divider positions of the explorer, the bottom dock and the right dock. */
    void setDividers(double outerPosition, double bottomPosition, double rightPosition) {
        outer.setDividerPositions(outerPosition);
        bottom.setPosition(bottomPosition);
        right.setPosition(rightPosition);
    }

    /** Stores divider positions (tool-window visibility and docks are stored as they change). */
    public void saveLayout(WorkbenchPrefs prefs) {
        prefs.setDividers("outer", outer.getDividerPositions());
        prefs.setDividers("leftColumn", left.position());
        prefs.setDividers("middle", bottom.position());
        prefs.setDividers("editorRow", right.position());
    }

    public ToolWindows tools() {
        return tools;
    }

    public EditorTabs editors() {
        return editors;
    }

    /** Opens Search Everywhere (Shift Shift, Navigate → Search everywhere…). */
    public void searchEverywhere() {
        actions.searchEverywhere();
    }

    /** The keymap: every accelerator of the registered commands and the timeline's keys, (key, what). */
    public List<String[]> keymap() {
        return actions.keymap();
    }

    public WorkbenchViewModel viewModel() {
        return vm;
    }

    /** The drop handler of the window (tests drop through it as a drag-and-drop gesture does). */
    FileDrop fileDrop() {
        return drop;
    }
}
