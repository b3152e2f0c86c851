package org.fusescope.app.workbench;

import java.util.Optional;
import javafx.geometry.Insets;
import javafx.scene.control.Hyperlink;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.Ikon;
import org.kordamp.ikonli.materialdesign2.MaterialDesignC;
import org.kordamp.ikonli.materialdesign2.MaterialDesignF;
import org.kordamp.ikonli.materialdesign2.MaterialDesignK;
import org.kordamp.ikonli.materialdesign2.MaterialDesignP;
import org.kordamp.ikonli.materialdesign2.MaterialDesignR;

/**
 * What the editor area shows while no editor is open: one link per first step (open the bundled
 * sample, open a recording, record a run, compare two runs, the keymap, getting started), each
 * doing what it says. Record is disabled without a GPU, with the reason under it. Layout only.
 */
final class WelcomePage extends ScrollPane {
    WelcomePage(WorkbenchViewModel vm, WorkbenchActions actions, Optional<String> whyNoGpu) {
        setId("welcome");
        setFitToWidth(true);
        Label title = new Label("Welcome to FuseScope");
        title.getStyleClass().add("title-2");
        Label lead = new Label("Nothing is open. Start with one of these (Help → Getting started tells more):");
        lead.setWrapText(true);
        VBox box = new VBox(
                8,
                title,
                lead,
                entry(
                        "welcomeSample",
                        "Open the bundled H100 sample",
                        MaterialDesignP.PACKAGE_VARIANT,
                        vm::openSample,
                        "12 runs of the Qwen3-Next MoE block recorded on an H100: unfused and fused,"
                                + " b=1, 16 and 64, CUDA graph and eager. Works without a GPU."),
                entry(
                        "welcomeOpen",
                        "Open a recording…",
                        MaterialDesignF.FOLDER_OPEN,
                        actions::openDialog,
                        "A .sqlite trace database from fusescope run or synth, or an nsys export"
                                + " (File → Open…, Ctrl+O). Files dropped on the window open too."),
                recordEntry(actions, whyNoGpu),
                entry(
                        "welcomeCompare",
                        "Compare two runs",
                        MaterialDesignC.COMPARE_HORIZONTAL,
                        vm::compareTwoRuns,
                        "Opens a compare editor: of the sample's unfused and fused runs when nothing is open"
                                + " (Run → Compare runs…, Ctrl+D, picks any two)."),
                entry(
                        "welcomeKeymap",
                        "Keyboard shortcuts",
                        MaterialDesignK.KEYBOARD_OUTLINE,
                        actions::keymapDialog,
                        "Every key of the menus and of the timeline (Help → Keyboard shortcuts)."),
                entry(
                        "welcomeGettingStarted",
                        "Getting started",
                        MaterialDesignR.ROCKET_LAUNCH_OUTLINE,
                        actions::gettingStartedDialog,
                        "The first steps, on a desktop or on a GPU server without one (Help → Getting"
                                + " started, docs/getting-started.md)."));
        box.setPadding(new Insets(24, 48, 24, 48));
        box.setMaxWidth(760);
        setContent(box);
    }

    private static VBox recordEntry(WorkbenchActions actions, Optional<String> whyNoGpu) {
        VBox entry = entry(
                "welcomeRecord",
                "Record a run…",
                MaterialDesignR.RECORD_CIRCLE_OUTLINE,
                actions::runDialog,
                "Runs the decode step on this machine's GPU, unfused and fused, every kernel through"
                        + " CUPTI (Run → Run configuration…).");
        if (whyNoGpu.isPresent()) {
            entry.getChildren().get(0).setDisable(true);
            String reason = whyNoGpu.get();
            Label why = new Label("Disabled: " + reason
                    + (reason.contains("GPU host")
                            ? ""
                            : " Record with fusescope run on a GPU host, then open its file here."));
            why.setId("welcomeRecordWhy");
            why.setWrapText(true);
            why.getStyleClass().add("warning");
            why.setPadding(new Insets(0, 0, 0, 26));
            entry.getChildren().add(why);
        }
        return entry;
    }

    private static VBox entry(String id, String text, Ikon icon, Runnable action, String what) {
        Hyperlink link = new Hyperlink(text, Icons.of(icon));
        link.setId(id);
        link.getStyleClass().add("title-4");
        link.setOnAction(e -> {
            link.setVisited(false);
            action.run();
        });
        Label description = new Label(what);
        description.setWrapText(true);
        description.getStyleClass().add("text-muted");
        description.setPadding(new Insets(0, 0, 0, 26));
        return new VBox(2, link, description);
    }
}
