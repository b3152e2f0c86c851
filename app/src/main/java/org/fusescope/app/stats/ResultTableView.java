package org.fusescope.app.stats;

import java.util.List;
import java.util.function.Function;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.control.SelectionMode;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import org.fusescope.profiler.analysis.Column;
import org.fusescope.profiler.analysis.ResultTable;

/**
 * A sortable table of a {@link ResultTable}'s rows: one column per table column, numbers
 * right-aligned and formatted with units, sorting by value. Layout only.
 */
public final class ResultTableView extends TableView<List<Object>> {
    private Function<List<Object>, String> rowStyleClass = row -> null;

    public ResultTableView() {
        getSelectionModel().setSelectionMode(SelectionMode.MULTIPLE);
        Label empty = new Label("Nothing to show yet: open a run (File → Open…, or File → Open sample)");
        empty.getStyleClass().add("text-muted");
        setPlaceholder(empty);
        setColumnResizePolicy(TableView.UNCONSTRAINED_RESIZE_POLICY);
        setRowFactory(tv -> new TableRow<>() {
            private String applied;

            @Override
            protected void updateItem(List<Object> item, boolean empty) {
                super.updateItem(item, empty);
                if (applied != null) {
                    getStyleClass().remove(applied);
                    applied = null;
                }
                if (!empty && item != null) {
                    applied = rowStyleClass.apply(item);
                    if (applied != null) {
                        getStyleClass().add(applied);
                    }
                }
            }
        });
    }

    /** A style class per row (e.g. {@code fs-faster}), or null for none. */
    public void setRowStyleClass(Function<List<Object>, String> styleClass) {
        this.rowStyleClass = styleClass;
        refresh();
    }

    /** Builds the columns of {@code table}; rows come from {@link #getItems()}. */
    public void setColumns(List<Column> columns) {
        getColumns().clear();
        for (int i = 0; i < columns.size(); i++) {
            Column column = columns.get(i);
            int index = i;
            TableColumn<List<Object>, Object> tc = new TableColumn<>(column.header());
            tc.setCellValueFactory(
                    cell -> new ReadOnlyObjectWrapper<>(cell.getValue().get(index)));
            tc.setComparator(CellFormat.comparator());
            tc.setCellFactory(c -> new TableCell<>() {
                @Override
                protected void updateItem(Object value, boolean empty) {
                    super.updateItem(value, empty);
                    setText(empty ? null : CellFormat.format(column, value));
                    setAlignment(column.kind().isNumeric() ? Pos.CENTER_RIGHT : Pos.CENTER_LEFT);
                }
            });
            tc.setPrefWidth(column.kind().isNumeric() ? 95 : column.name().equals("Name") ? 260 : 120);
            getColumns().add(tc);
        }
        // Names read first, as in nsys reports on screen; the table keeps its own order for CSV.
        getColumns().stream()
                .filter(c -> c.getText().equals("Name"))
                .findFirst()
                .ifPresent(c -> {
                    getColumns().remove(c);
                    getColumns().add(0, c);
                });
    }

    /** Shows a whole table: its columns and rows. */
    public void show(ResultTable table) {
        setColumns(table == null ? List.of() : table.columns());
        getItems().setAll(table == null ? List.of() : table.rows());
    }
}
