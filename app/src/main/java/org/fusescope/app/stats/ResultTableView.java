package org.fusescope.app.stats;

import java.util.List;
import java.util.function.Function;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.collections.transformation.SortedList;
import javafx.geometry.Pos;
import javafx.scene.control.ContextMenu;
import javafx.scene.control.Label;
import javafx.scene.control.MenuItem;
import javafx.scene.control.SelectionMode;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.input.Clipboard;
import javafx.scene.input.ClipboardContent;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCombination;
import javafx.scene.input.KeyEvent;
import org.fusescope.profiler.analysis.Column;
import org.fusescope.profiler.analysis.ResultTable;

/**
 * A sortable table of a {@link ResultTable}'s rows: one column per table column, numbers
 * right-aligned and formatted with units (headers are bare names), sorting by value in both
 * directions, a tooltip with the whole text on cells that are cut off, and <i>Copy as CSV</i>
 * (Ctrl+C, context menu) at full precision. Layout only.
 */
public final class ResultTableView extends TableView<List<Object>> {
    private Function<List<Object>, String> rowStyleClass = row -> null;
    private List<Column> columns = List.of();

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
        MenuItem copy = new MenuItem("Copy as CSV");
        copy.setOnAction(e -> copyAsCsv());
        setContextMenu(new ContextMenu(copy));
        KeyCombination shortcutC = KeyCombination.keyCombination("Shortcut+C");
        addEventHandler(KeyEvent.KEY_PRESSED, e -> {
            if (shortcutC.match(e) || e.getCode() == KeyCode.COPY) {
                copyAsCsv();
                e.consume();
            }
        });
    }

    /**
     * Shows {@code rows} (which may be filtered and change later) sorted by the columns the user
     * sorts by: a {@link SortedList} bound to the table's comparator.
     */
    public void setRows(ObservableList<List<Object>> rows) {
        SortedList<List<Object>> sorted = new SortedList<>(rows);
        sorted.comparatorProperty().bind(comparatorProperty());
        setItems(sorted);
    }

    /**
     * The selected rows, or every row when none is selected, in the order shown, as CSV with raw
     * numbers ({@link TableCsv}).
     */
    public String csv() {
        List<List<Object>> rows = getSelectionModel().getSelectedItems().isEmpty()
                ? getItems()
                : getSelectionModel().getSelectedItems();
        return TableCsv.of(columns, List.copyOf(rows));
    }

    /** Puts {@link #csv()} on the clipboard. */
    public void copyAsCsv() {
        ClipboardContent content = new ClipboardContent();
        content.putString(csv());
        Clipboard.getSystemClipboard().setContent(content);
    }

    /** A style class per row (e.g. {@code fs-faster}), or null for none. */
    public void setRowStyleClass(Function<List<Object>, String> styleClass) {
        this.rowStyleClass = styleClass;
        refresh();
    }

    /** Builds the columns of {@code table}; rows come from {@link #getItems()}. */
    public void setColumns(List<Column> columns) {
        this.columns = List.copyOf(columns);
        getColumns().clear();
        int unitIndex = unitColumn(columns);
        for (int i = 0; i < columns.size(); i++) {
            Column column = columns.get(i);
            int index = i;
            TableColumn<List<Object>, Object> tc = new TableColumn<>(CellFormat.header(column));
            tc.setId(column.name());
            tc.setCellValueFactory(
                    cell -> new ReadOnlyObjectWrapper<>(cell.getValue().get(index)));
            tc.setComparator(CellFormat.comparator());
            tc.setCellFactory(c -> new TableCell<>() {
                @Override
                protected void updateItem(Object value, boolean empty) {
                    super.updateItem(value, empty);
                    List<Object> row = empty || getTableRow() == null
                            ? null
                            : getTableRow().getItem();
                    String rowUnit = unitIndex < 0 || row == null ? "" : String.valueOf(row.get(unitIndex));
                    setText(empty ? null : CellFormat.format(column, value, rowUnit));
                    setAlignment(column.kind().isNumeric() ? Pos.CENTER_RIGHT : Pos.CENTER_LEFT);
                }

                @Override
                protected void layoutChildren() {
                    super.layoutChildren();
                    ClippedText.tooltipWhenClipped(this);
                }
            });
            tc.setPrefWidth(column.kind().isNumeric() ? 95 : column.name().equals("Name") ? 260 : 120);
            getColumns().add(tc);
        }
        // Names read first, as in nsys reports on screen; the table keeps its own order for CSV.
        getColumns().stream().filter(c -> "Name".equals(c.getId())).findFirst().ifPresent(c -> {
            getColumns().remove(c);
            getColumns().add(0, c);
        });
    }

    /** The index of a text column named {@code Unit} (one unit per row), or -1. */
    private static int unitColumn(List<Column> columns) {
        for (int i = 0; i < columns.size(); i++) {
            if (columns.get(i).name().equals("Unit") && !columns.get(i).kind().isNumeric()) {
                return i;
            }
        }
        return -1;
    }

    /** Shows a whole table: its columns and rows. */
    public void show(ResultTable table) {
        setColumns(table == null ? List.of() : table.columns());
        setRows(FXCollections.observableArrayList(table == null ? List.of() : table.rows()));
    }
}
