package org.fusescope.app.problems;

import java.util.Locale;
import java.util.function.Consumer;
import java.util.function.Function;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.ListChangeListener;
import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.BorderPane;

/**
 * The Problems tool window: a table (double-click or Enter goes to the problem's place), or while
 * there is none, a line that says what was checked. Layout only.
 */
public final class ProblemsView extends BorderPane {
    private final TableView<ProblemItem> table;
    private final Label empty = new Label();

    public ProblemsView(ProblemsViewModel vm, Consumer<ProblemItem> navigate) {
        table = new TableView<>(vm.items());
        table.setId("problemsTable");
        table.getColumns().add(column("Severity", p -> p.severity().name().toLowerCase(Locale.ROOT), 80));
        table.getColumns().add(column("Where", ProblemItem::where, 260));
        table.getColumns().add(column("Code", ProblemItem::code, 140));
        table.getColumns().add(column("Message", ProblemItem::message, 500));
        table.setOnMouseClicked(e -> {
            ProblemItem p = table.getSelectionModel().getSelectedItem();
            if (e.getClickCount() == 2 && p != null) {
                navigate.accept(p);
            }
        });
        table.setOnKeyPressed(e -> {
            ProblemItem p = table.getSelectionModel().getSelectedItem();
            if (e.getCode() == KeyCode.ENTER && p != null) {
                navigate.accept(p);
            }
        });
        empty.setId("problemsEmpty");
        empty.getStyleClass().add("fs-empty-state");
        empty.setWrapText(true);
        empty.textProperty().bind(vm.emptyStateProperty());
        BorderPane.setAlignment(empty, Pos.CENTER);
        vm.items().addListener((ListChangeListener<ProblemItem>) c -> showTableOrEmptyState());
        showTableOrEmptyState();
    }

    private void showTableOrEmptyState() {
        setCenter(table.getItems().isEmpty() ? empty : table);
    }

    private static TableColumn<ProblemItem, String> column(
            String title, Function<ProblemItem, String> value, double width) {
        TableColumn<ProblemItem, String> c = new TableColumn<>(title);
        c.setCellValueFactory(cell -> new ReadOnlyStringWrapper(value.apply(cell.getValue())));
        c.setPrefWidth(width);
        return c;
    }
}
