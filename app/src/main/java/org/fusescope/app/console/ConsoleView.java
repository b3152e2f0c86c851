package org.fusescope.app.console;

import javafx.collections.ListChangeListener;
import javafx.scene.control.Button;
import javafx.scene.control.ListView;
import javafx.scene.control.ToolBar;
import javafx.scene.layout.BorderPane;

/** The Console tool window: a list of output lines that follows the newest. Layout only. */
public final class ConsoleView extends BorderPane {
    public ConsoleView(ConsoleViewModel vm) {
        ListView<String> list = new ListView<>(vm.lines());
        list.setId("console");
        list.getStyleClass().add("fs-console");
        vm.lines().addListener((ListChangeListener<String>)
                c -> list.scrollTo(vm.lines().size() - 1));
        Button clear = new Button("Clear");
        clear.setOnAction(e -> vm.clear());
        setTop(new ToolBar(clear));
        setCenter(list);
    }
}
