package org.fusescope.app.explorer;

import java.util.List;
import java.util.function.Consumer;
import javafx.collections.ListChangeListener;
import javafx.scene.control.ContextMenu;
import javafx.scene.control.MenuItem;
import javafx.scene.control.SelectionMode;
import javafx.scene.control.TreeCell;
import javafx.scene.control.TreeItem;
import javafx.scene.control.TreeView;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.BorderPane;
import org.fusescope.app.data.Recording;
import org.fusescope.app.explorer.RunsExplorerViewModel.RunNode;
import org.fusescope.app.workbench.Icons;
import org.fusescope.profiler.model.RunInfo;
import org.kordamp.ikonli.materialdesign2.MaterialDesignD;
import org.kordamp.ikonli.materialdesign2.MaterialDesignT;

/** The Runs explorer: a tree of recordings → runs. Double-click or Enter opens a run. Layout only. */
public final class RunsExplorerView extends BorderPane {
    private final TreeView<Object> tree = new TreeView<>(new TreeItem<>("recordings"));

    public RunsExplorerView(
            RunsExplorerViewModel vm,
            Consumer<RunNode> open,
            Consumer<List<RunNode>> compare,
            Consumer<Recording> close) {
        tree.setId("runsExplorer");
        tree.setShowRoot(false);
        tree.getSelectionModel().setSelectionMode(SelectionMode.MULTIPLE);
        tree.setCellFactory(t -> new TreeCell<>() {
            @Override
            protected void updateItem(Object item, boolean empty) {
                super.updateItem(item, empty);
                if (empty || item == null) {
                    setText(null);
                    setGraphic(null);
                } else if (item instanceof RunNode node) {
                    setText(RunsExplorerViewModel.describe(node.run()));
                    setGraphic(Icons.of(MaterialDesignT.TIMELINE_TEXT_OUTLINE));
                } else if (item instanceof Recording r) {
                    setText(RunsExplorerViewModel.describe(r));
                    setGraphic(Icons.of(MaterialDesignD.DATABASE));
                }
            }
        });
        vm.recordings().addListener((ListChangeListener<Recording>) c -> rebuild(vm));
        rebuild(vm);
        tree.setOnMouseClicked(e -> {
            if (e.getClickCount() == 2) {
                selectedRuns().stream().findFirst().ifPresent(open);
            }
        });
        tree.setOnKeyPressed(e -> {
            if (e.getCode() == KeyCode.ENTER) {
                selectedRuns().stream().findFirst().ifPresent(open);
            }
        });
        MenuItem openItem = new MenuItem("Open");
        openItem.setOnAction(e -> selectedRuns().stream().findFirst().ifPresent(open));
        MenuItem compareItem = new MenuItem("Compare selected runs");
        compareItem.setOnAction(e -> compare.accept(selectedRuns()));
        MenuItem closeItem = new MenuItem("Close recording");
        closeItem.setOnAction(e -> {
            Object v = tree.getSelectionModel().getSelectedItem() == null
                    ? null
                    : tree.getSelectionModel().getSelectedItem().getValue();
            if (v instanceof Recording r) {
                close.accept(r);
            }
        });
        tree.setContextMenu(new ContextMenu(openItem, compareItem, closeItem));
        setCenter(tree);
    }

    /** The run nodes selected in the tree. */
    public List<RunNode> selectedRuns() {
        return tree.getSelectionModel().getSelectedItems().stream()
                .filter(i -> i != null && i.getValue() instanceof RunNode)
                .map(i -> (RunNode) i.getValue())
                .toList();
    }

    private void rebuild(RunsExplorerViewModel vm) {
        tree.getRoot().getChildren().clear();
        for (Recording r : vm.recordings()) {
            TreeItem<Object> item = new TreeItem<>(r);
            for (RunInfo run : r.runs()) {
                item.getChildren().add(new TreeItem<>(new RunNode(r, run)));
            }
            item.setExpanded(true);
            tree.getRoot().getChildren().add(item);
        }
    }
}
