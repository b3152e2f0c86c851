package org.fusescope.app.workbench;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javafx.geometry.Insets;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonType;
import javafx.scene.control.CheckMenuItem;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuBar;
import javafx.scene.control.MenuItem;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.control.TextArea;
import javafx.scene.control.ToolBar;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCombination;
import javafx.scene.layout.GridPane;
import javafx.stage.FileChooser;
import org.fusescope.app.data.OpenRun;
import org.fusescope.app.run.RunConfigViewModel;
import org.fusescope.app.run.RunDialog;
import org.fusescope.profiler.export.ChromeTraceExporter;
import org.kordamp.ikonli.Ikon;
import org.kordamp.ikonli.materialdesign2.MaterialDesignE;
import org.kordamp.ikonli.materialdesign2.MaterialDesignF;
import org.kordamp.ikonli.materialdesign2.MaterialDesignP;
import org.kordamp.ikonli.materialdesign2.MaterialDesignS;

/** The menu bar, the tool bar and the dialogs they open. Wiring only; state is in the view models. */
final class WorkbenchActions {
    private final WorkbenchViewModel vm;
    private final RunController runs;
    private final WorkbenchView view;
    private MenuBar menuBar;
    private SearchEverywherePopup search;

    /** The timeline's own keys (the canvas handles them; docs/workbench.md lists them too). */
    static final List<String[]> TIMELINE_KEYS = List.of(
            new String[] {"W / S", "Timeline: zoom in / out"},
            new String[] {"A / D", "Timeline: pan left / right"},
            new String[] {"N or ] / P or [", "Timeline: next / previous kernel on the stream"},
            new String[] {"Mouse wheel", "Timeline: zoom around the pointer"},
            new String[] {"Drag", "Timeline: pan"},
            new String[] {"Enter (search field)", "Timeline: next match"});

    WorkbenchActions(WorkbenchViewModel vm, RunController runs, WorkbenchView view) {
        this.vm = vm;
        this.runs = runs;
        this.view = view;
    }

    MenuBar menuBar() {
        Menu recent = new Menu("Open recent");
        recent.setOnShowing(e -> recent.getItems()
                .setAll(vm.prefs().recentFiles().stream()
                        .map(p -> item(p.toString(), null, () -> vm.open(p, null)))
                        .toList()));
        recent.getItems().add(new MenuItem("(none)"));
        Menu file = new Menu(
                "File",
                null,
                item("Open…", "Shortcut+O", this::openDialog),
                recent,
                item("Open sample", null, vm::openSample),
                item("Export Chrome trace…", "Shortcut+E", this::exportChromeTrace),
                new SeparatorMenuItem(),
                item("Quit", "Shortcut+Q", javafx.application.Platform::exit));
        Menu viewMenu = new Menu("View");
        view.tools().menuItems().forEach(viewMenu.getItems()::add);
        CheckMenuItem dark = new CheckMenuItem("Dark theme");
        dark.setId("darkThemeMenuItem");
        dark.selectedProperty().bindBidirectional(Themes.darkProperty());
        CheckMenuItem maximize = new CheckMenuItem("Maximize editor");
        maximize.setId("maximizeEditorMenuItem");
        maximize.setAccelerator(KeyCombination.keyCombination("Shortcut+Shift+F12"));
        maximize.selectedProperty().bindBidirectional(view.maximizedProperty());
        viewMenu.getItems().addAll(new SeparatorMenuItem(), maximize, dark);
        Menu run = new Menu(
                "Run",
                null,
                item("Run configuration…", null, this::runDialog),
                item("Run", "F5", this::run),
                item("Stop", "Shortcut+F2", runs::stop),
                new SeparatorMenuItem(),
                item("Compare runs…", "Shortcut+D", this::compareDialog));
        Menu navigate = new Menu(
                "Navigate",
                null,
                item("Find kernel", "Shortcut+F", () -> {
                    if (view.editors().activeTimeline() != null) {
                        view.editors().activeTimeline().lookup("#kernelSearch").requestFocus();
                    }
                }),
                item("Zoom to selection", "Shortcut+Shift+Z", () -> {
                    if (view.editors().activeTimeline() != null) {
                        view.editors().activeTimeline().viewModel().zoomToSelection();
                    }
                }),
                item("Search everywhere…", "Shortcut+Shift+A", this::searchEverywhere));
        Menu help = new Menu(
                "Help",
                null,
                item("Getting started", null, this::gettingStartedDialog),
                item("Keyboard shortcuts", "F1", this::keymapDialog));
        menuBar = new MenuBar(file, viewMenu, run, navigate, help);
        return menuBar;
    }

    ToolBar toolBar() {
        ComboBox<String> config = new ComboBox<>();
        config.setId("runConfigSelector");
        config.getItems().setAll(RunConfigViewModel.PRESETS);
        config.valueProperty().bindBidirectional(runs.config().presetProperty());
        config.setTooltip(new Tooltip("Run configuration (model preset)"));
        Button runButton = button("Run", MaterialDesignP.PLAY, this::run);
        runButton.setId("toolbarRun");
        runButton.disableProperty().bind(runs.runningProperty());
        if (runs.whyNoGpu().isPresent()) {
            runButton.setTooltip(new Tooltip(runs.whyNoGpu().get()));
        }
        Button stop = button("Stop", MaterialDesignS.STOP, runs::stop);
        stop.disableProperty().bind(runs.runningProperty().not());
        return new ToolBar(
                config,
                runButton,
                stop,
                button("Open", MaterialDesignF.FOLDER_OPEN, this::openDialog),
                button("Export", MaterialDesignE.EXPORT, this::exportChromeTrace));
    }

    private static Button button(String text, Ikon icon, Runnable action) {
        Button b = new Button(text, Icons.of(icon));
        b.setOnAction(e -> action.run());
        return b;
    }

    private static MenuItem item(String text, String accelerator, Runnable action) {
        MenuItem item = new MenuItem(text);
        if (accelerator != null) {
            item.setAccelerator(KeyCombination.keyCombination(accelerator));
        }
        item.setOnAction(e -> action.run());
        return item;
    }

    void openDialog() {
        FileChooser chooser = new FileChooser();
        chooser.setTitle("Open trace database");
        chooser.getExtensionFilters()
                .addAll(
                        new FileChooser.ExtensionFilter("Trace databases (*.sqlite)", "*.sqlite", "*.db"),
                        new FileChooser.ExtensionFilter("All files", "*"));
        List<File> files = chooser.showOpenMultipleDialog(view.getScene().getWindow());
        if (files != null) {
            files.forEach(f -> vm.open(f.toPath(), null));
        }
    }

    void runDialog() {
        RunDialog dialog = new RunDialog(runs.config(), runs.whyNoGpu());
        dialog.initOwner(view.getScene().getWindow());
        dialog.setOnHidden(e -> {
            if (dialog.getResult() == RunDialog.RUN) {
                run();
            }
        });
        dialog.show();
    }

    /**
     * Every command of the menus as registered there (View's tool windows included), with its
     * accelerator; submenus that are lists (Open recent) are left out.
     */
    List<Command> commands() {
        List<Command> commands = new ArrayList<>();
        for (Menu menu : menuBar.getMenus()) {
            for (MenuItem item : menu.getItems()) {
                if (!(item instanceof Menu) && !(item instanceof SeparatorMenuItem) && item.getText() != null) {
                    String key = item.getAccelerator() == null
                            ? ""
                            : item.getAccelerator().getDisplayText();
                    // fire() leaves a check item as it was; a click toggles it
                    Runnable action = item instanceof CheckMenuItem check
                            ? () -> check.setSelected(!check.isSelected())
                            : item::fire;
                    commands.add(new Command(menu.getText() + " → " + item.getText(), key, action));
                }
            }
        }
        return commands;
    }

    /**
     * Every accelerator of the registered commands, the window's Shift Shift, then the timeline's
     * keys: (key, what it does).
     */
    List<String[]> keymap() {
        List<String[]> rows = new ArrayList<>();
        for (Command c : commands()) {
            if (!c.key().isEmpty()) {
                rows.add(new String[] {c.key(), c.name()});
            }
        }
        rows.add(new String[] {"Shift, Shift", "Navigate → Search everywhere…"});
        rows.addAll(TIMELINE_KEYS);
        return rows;
    }

    /** Opens Search Everywhere over the window. */
    void searchEverywhere() {
        if (search == null) {
            search = new SearchEverywherePopup(new SearchEverywhereViewModel(vm, this::commands));
        }
        search.open(view.getScene().getWindow());
    }

    void keymapDialog() {
        GridPane grid = new GridPane();
        grid.setId("keymap");
        grid.setHgap(24);
        grid.setVgap(4);
        grid.setPadding(new Insets(8));
        List<String[]> rows = keymap();
        for (int i = 0; i < rows.size(); i++) {
            Label key = new Label(rows.get(i)[0]);
            key.setStyle("-fx-font-weight: bold");
            grid.addRow(i, key, new Label(rows.get(i)[1]));
        }
        grid.addRow(rows.size(), new Label(""), new Label("More on each view: docs/workbench.md"));
        show("Keyboard shortcuts", new ScrollPane(grid));
    }

    /** The text of docs/getting-started.md, as the jar carries it. */
    static String gettingStarted() {
        try (InputStream in =
                WorkbenchActions.class.getResourceAsStream("/org/fusescope/app/help/getting-started.md")) {
            if (in == null) {
                return "Getting started: see docs/getting-started.md in the FuseScope sources.";
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    void gettingStartedDialog() {
        TextArea text = new TextArea(gettingStarted());
        text.setId("gettingStarted");
        text.setEditable(false);
        text.setWrapText(true);
        text.setPrefSize(720, 520);
        show("Getting started", text);
    }

    private void show(String title, javafx.scene.Node content) {
        Dialog<Void> dialog = new Dialog<>();
        dialog.setTitle(title);
        dialog.setResizable(true);
        dialog.initOwner(view.getScene().getWindow());
        dialog.getDialogPane().setContent(content);
        dialog.getDialogPane().getButtonTypes().add(ButtonType.CLOSE);
        dialog.show();
    }

    private void run() {
        runs.start(); // says why when it cannot
    }

    void compareDialog() {
        new CompareDialog(vm.explorer())
                .showAndWait()
                .ifPresent(pair -> vm.compare(
                        pair.get(0).recording(),
                        pair.get(0).run().id(),
                        pair.get(1).recording(),
                        pair.get(1).run().id()));
    }

    private void exportChromeTrace() {
        OpenRun run = vm.selection().activeRun();
        if (run == null) {
            vm.statusProperty().set("Open a run to export it");
            return;
        }
        FileChooser chooser = new FileChooser();
        chooser.setInitialFileName(run.info().name().replace(' ', '_') + ".json");
        File file = chooser.showSaveDialog(view.getScene().getWindow());
        if (file != null) {
            Path path = file.toPath();
            vm.background()
                    .run(
                            () -> {
                                try (OutputStream out = Files.newOutputStream(path)) {
                                    ChromeTraceExporter.write(List.of(run.trace()), out);
                                    return path;
                                } catch (IOException e) {
                                    throw new UncheckedIOException(e);
                                }
                            },
                            p -> vm.statusProperty().set("Exported " + p),
                            e -> vm.statusProperty().set("Export failed: " + e.getMessage()));
        }
    }
}
