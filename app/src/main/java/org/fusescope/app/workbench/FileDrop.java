package org.fusescope.app.workbench;

import java.io.File;
import java.util.List;
import javafx.scene.Node;
import javafx.scene.input.DragEvent;
import javafx.scene.input.TransferMode;

/**
 * Files dropped on the workbench window: each opens like File → Open. A file that is no trace
 * database (not SQLite, or SQLite without trace tables) opens nothing: Problems names the file and
 * the reason and comes to front, and what is already open stays as it is. Use on the FX thread.
 */
final class FileDrop {
    private final WorkbenchViewModel vm;
    private final Runnable showProblems;

    FileDrop(WorkbenchViewModel vm, Runnable showProblems) {
        this.vm = vm;
        this.showProblems = showProblems;
    }

    /** Makes {@code target} accept dropped files. */
    void install(Node target) {
        target.setOnDragOver(this::dragOver);
        target.setOnDragDropped(this::dropped);
    }

    void dragOver(DragEvent e) {
        if (e.getDragboard().hasFiles()) {
            e.acceptTransferModes(TransferMode.COPY);
        }
        e.consume();
    }

    void dropped(DragEvent e) {
        List<File> files = e.getDragboard().hasFiles() ? e.getDragboard().getFiles() : List.of();
        drop(files);
        e.setDropCompleted(!files.isEmpty());
        e.consume();
    }

    /** Opens the dropped files; each failure shows in Problems. */
    void drop(List<File> files) {
        for (File f : files) {
            vm.open(f.toPath(), null, recording -> {}, why -> {
                vm.statusProperty().set("Cannot open " + f.getName() + ": " + why);
                showProblems.run();
            });
        }
    }
}
