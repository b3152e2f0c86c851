package org.fusescope.app.stats;

import java.util.List;
import java.util.Locale;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.collections.transformation.FilteredList;
import org.fusescope.app.data.KernelRef;
import org.fusescope.app.data.OpenRun;
import org.fusescope.app.data.Selection;
import org.fusescope.profiler.analysis.Column;
import org.fusescope.profiler.analysis.CsvTableRenderer;
import org.fusescope.profiler.analysis.KernelSummary;
import org.fusescope.profiler.analysis.ResultTable;

/**
 * The kernel statistics tool window: the kernel summary of the active run as rows, a name filter,
 * copy and CSV export, and the selected kernel name kept in step with {@link Selection}. Use on
 * the FX thread; {@link #summarize} may run anywhere.
 */
public final class KernelStatsViewModel {
    private final Selection selection;
    private final ObjectProperty<ResultTable> table = new SimpleObjectProperty<>(this, "table");
    private final ObservableList<List<Object>> rows = FXCollections.observableArrayList();
    private final FilteredList<List<Object>> filtered = new FilteredList<>(rows);
    private final StringProperty filter = new SimpleStringProperty(this, "filter", "");
    private final StringProperty selectedName = new SimpleStringProperty(this, "selectedName");

    public KernelStatsViewModel(Selection selection) {
        this.selection = selection;
        filter.addListener((obs, old, now) -> {
            String f = now == null ? "" : now.trim().toLowerCase(Locale.ROOT);
            filtered.setPredicate(
                    f.isEmpty()
                            ? null
                            : row -> name(row).toLowerCase(Locale.ROOT).contains(f));
        });
        selection.kernelProperty().addListener((obs, old, now) -> {
            if (now != null) {
                selectedName.set(now.name());
            }
        });
        selectedName.addListener((obs, old, now) -> selectByName(now));
    }

    /** The summary table of a run (blocking: call from a background thread for big runs). */
    public static ResultTable summarize(OpenRun run) {
        return KernelSummary.of(run.trace()).toTable();
    }

    /**
     * The timing columns of the summary from the run's kernel durations, long before its full trace
     * is in (blocking until they are read: call from a background thread).
     */
    public static ResultTable summarizeTimes(OpenRun run) {
        var kernels = run.kernelDurations().join();
        return KernelSummary.ofDurations(kernels.names(), kernels.nameIds(), kernels.durations())
                .toTable();
    }

    /** Shows a summary (null clears). */
    public void show(ResultTable summary) {
        table.set(summary);
        rows.setAll(summary == null ? List.of() : summary.rows());
    }

    public ObjectProperty<ResultTable> tableProperty() {
        return table;
    }

    /** The rows passing the filter. */
    public ObservableList<List<Object>> rows() {
        return filtered;
    }

    public StringProperty filterProperty() {
        return filter;
    }

    /** The kernel name selected in the table, synchronized with the timeline's selection. */
    public StringProperty selectedNameProperty() {
        return selectedName;
    }

    public List<Column> columns() {
        return table.get() == null ? List.of() : table.get().columns();
    }

    /** The value of the Name column of a row. */
    public String name(List<Object> row) {
        int i = columnIndex("Name");
        return i < 0 ? "" : String.valueOf(row.get(i));
    }

    private int columnIndex(String name) {
        List<Column> cols = columns();
        for (int i = 0; i < cols.size(); i++) {
            if (cols.get(i).name().equals(name)) {
                return i;
            }
        }
        return -1;
    }

    private void selectByName(String name) {
        OpenRun run = selection.activeRun();
        KernelRef current = selection.kernel();
        if (name == null || run == null || (current != null && current.name().equals(name))) {
            return;
        }
        int first = run.firstKernelNamed(name);
        if (first >= 0) {
            selection.selectKernel(run, first);
        }
    }

    /** The whole table as CSV (the same text the command line exports). */
    public String csv() {
        return table.get() == null ? "" : CsvTableRenderer.render(table.get());
    }

    /** Rows as CSV at full precision (raw numbers, headers with units), for the clipboard. */
    public String copy(List<List<Object>> selected) {
        return TableCsv.of(columns(), selected);
    }
}
