package org.fusescope.app.workbench;

import java.io.File;
import java.util.List;
import javafx.geometry.Orientation;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TabPane;
import javafx.scene.input.TransferMode;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.VBox;
import org.controlsfx.control.StatusBar;
import org.fusescope.app.console.ConsoleView;
import org.fusescope.app.experts.ExpertLoadView;
import org.fusescope.app.explorer.RunsExplorerView;
import org.fusescope.app.explorer.RunsExplorerViewModel.RunNode;
import org.fusescope.app.prefs.WorkbenchPrefs;
import org.fusescope.app.problems.ProblemsView;
import org.fusescope.app.properties.PropertiesView;
import org.fusescope.app.roofline.RooflineView;
import org.fusescope.app.stats.KernelStatsView;

/**
 * The main window's layout: menu and tool bar, the Runs explorer on the left, editors in the
 * centre, tool windows on the right and at the bottom, the status bar. Drops of .sqlite files open
 * them. Layout only; commands live in {@link WorkbenchActions}.
 */
public final class WorkbenchView extends BorderPane {
    private final WorkbenchViewModel vm;
    private final SplitPane outer = new SplitPane();
    private final SplitPane middle = new SplitPane();
    private final SplitPane editorRow = new SplitPane();
    private final EditorTabs editors;
    private final ToolWindows tools;
    private final WorkbenchActions actions;

    public WorkbenchView(WorkbenchViewModel vm, RunController runs) {
        this.vm = vm;
        this.editors = new EditorTabs(vm);
        this.tools = new ToolWindows(vm.prefs());
        this.actions = new WorkbenchActions(vm, runs, this);
        setId("workbench");
        RunsExplorerView explorer = new RunsExplorerView(
                vm.explorer(), n -> vm.openRun(n.recording(), n.run().id()), this::compare, vm::close);
        TabPane right = new TabPane();
        TabPane bottom = new TabPane();
        tools.add("properties", "Properties", new PropertiesView(vm.properties()), right);
        tools.add("roofline", "Roofline", new RooflineView(vm.roofline()), right);
        tools.add("kernelStats", "Kernel statistics", new KernelStatsView(vm.stats()), bottom);
        tools.add("expertLoad", "Expert load", new ExpertLoadView(vm.experts()), bottom);
        tools.add("problems", "Problems", new ProblemsView(vm.problems(), vm::navigate), bottom);
        tools.add("console", "Console", new ConsoleView(vm.console()), bottom);
        editorRow.getItems().setAll(editors, right);
        middle.setOrientation(Orientation.VERTICAL);
        middle.getItems().setAll(editorRow, bottom);
        outer.getItems().setAll(explorer, middle);
        restoreLayout(vm.prefs());
        setTop(new VBox(actions.menuBar(), actions.toolBar()));
        setCenter(outer);
        setBottom(statusBar(runs));
        setOnDragOver(e -> {
            if (e.getDragboard().hasFiles()) {
                e.acceptTransferModes(TransferMode.COPY);
            }
        });
        setOnDragDropped(e -> {
            List<File> files = e.getDragboard().getFiles();
            files.forEach(f -> vm.open(f.toPath(), null));
            e.setDropCompleted(!files.isEmpty());
        });
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
        runs.runningProperty().addListener((obs, was, now) -> {
            if (was && !now && getScene() != null) {
                org.controlsfx.control.Notifications.create()
                        .owner(getScene().getWindow())
                        .title("FuseScope run")
                        .text(runs.messageProperty().get())
                        .showInformation();
            }
        });
        return bar;
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

    private void restoreLayout(WorkbenchPrefs prefs) {
        outer.setDividerPositions(prefs.dividers("outer", 0.2));
        middle.setDividerPositions(prefs.dividers("middle", 0.62));
        editorRow.setDividerPositions(prefs.dividers("editorRow", 0.74));
    }

    /** Sets the divider positions of the explorer, the bottom tool windows and the right tool windows. */
    void setDividers(double outerPosition, double middlePosition, double editorRowPosition) {
        outer.setDividerPositions(outerPosition);
        middle.setDividerPositions(middlePosition);
        editorRow.setDividerPositions(editorRowPosition);
    }

    /** Stores divider positions (tool-window visibility is stored as it changes). */
    public void saveLayout(WorkbenchPrefs prefs) {
        prefs.setDividers("outer", outer.getDividerPositions());
        prefs.setDividers("middle", middle.getDividerPositions());
        prefs.setDividers("editorRow", editorRow.getDividerPositions());
    }

    public ToolWindows tools() {
        return tools;
    }

    public EditorTabs editors() {
        return editors;
    }

    public WorkbenchViewModel viewModel() {
        return vm;
    }
}
