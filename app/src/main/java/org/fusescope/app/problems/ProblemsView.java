package org.fusescope.app.problems;

import java.util.function.Consumer;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.layout.BorderPane;

/** The Problems tool window: a table; double-click or Enter navigates. Layout only. */
public final class ProblemsView extends BorderPane {
    public ProblemsView(ProblemsViewModel vm, Consumer<ProblemItem> navigate) {
        TableView<ProblemItem> table = new TableView<>(vm.items());
        table.setId("problemsTable");
        table.setPlaceholder(new javafx.scene.control.Label("No problems"));
        table.getColumns().add(column("Severity", p -> p.severity().name().toLowerCase(java.util.Locale.ROOT), 80));
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
            if (e.getCode() == javafx.scene.input.KeyCode.ENTER && p != null) {
                navigate.accept(p);
            }
        });
        setCenter(table);
    }

    private static TableColumn<ProblemItem, String> column(
            String title, java.util.function.Function<ProblemItem, String> value, double width) {
        TableColumn<ProblemItem, String> c = new TableColumn<>(title);
        c.setCellValueFactory(cell -> new ReadOnlyStringWrapper(value.apply(cell.getValue())));
        c.setPrefWidth(width);
        return c;
    }
}
