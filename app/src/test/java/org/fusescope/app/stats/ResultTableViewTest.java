package org.fusescope.app.stats;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringReader;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TextField;
import javafx.scene.control.skin.TableColumnHeader;
import javafx.scene.input.Clipboard;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import org.apache.commons.csv.CSVRecord;
import org.fusescope.app.Golden;
import org.fusescope.app.data.OpenRun;
import org.fusescope.app.data.RecordingService;
import org.fusescope.app.data.Selection;
import org.fusescope.profiler.analysis.AnalysisTables;
import org.fusescope.profiler.analysis.Column;
import org.fusescope.profiler.analysis.CsvTableRenderer;
import org.fusescope.profiler.analysis.ResultTable;
import org.fusescope.profiler.analysis.RunComparison;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The tables drawn: kernel statistics (a filtered list) sort by value both ways from their headers,
 * headers carry no unit the cells do not show, clipped cells tell their whole text, Copy as CSV keeps
 * raw numbers, and the compare tables show bytes and times in human units.
 */
@ExtendWith(ApplicationExtension.class)
class ResultTableViewTest {
    private final RecordingService service = new RecordingService();
    private KernelStatsViewModel vm;
    private ResultTableView stats;
    private ResultTableView groups;
    private ResultTableView steps;

    @Start
    void start(Stage stage) {
        OpenRun unfused = Golden.run(service, 5); // unfused b=16 graph
        OpenRun fused = Golden.run(service, 6); // fused b=16 graph
        Selection selection = new Selection();
        selection.activeRunProperty().set(unfused);
        vm = new KernelStatsViewModel(selection);
        KernelStatsView view = new KernelStatsView(vm);
        stats = (ResultTableView) view.getCenter();
        Map<String, ResultTable> compared =
                AnalysisTables.forComparison(RunComparison.of(unfused.trace(), fused.trace()));
        groups = new ResultTableView();
        groups.show(compared.get("groups"));
        steps = new ResultTableView();
        steps.show(compared.get("step-totals"));
        view.setMinHeight(400);
        groups.setMinHeight(250);
        steps.setMinHeight(250);
        stage.setScene(new Scene(new VBox(view, groups, steps), 1600, 1000));
        stage.show();
        vm.show(KernelStatsViewModel.summarize(unfused));
    }

    @AfterEach
    void close() {
        service.close();
    }

    private int index(String column) {
        List<Column> columns = vm.columns();
        for (int i = 0; i < columns.size(); i++) {
            if (columns.get(i).name().equals(column)) {
                return i;
            }
        }
        throw new AssertionError("no column " + column);
    }

    private List<Double> values(ResultTableView table, int column) {
        List<Double> out = new ArrayList<>();
        table.getItems().forEach(row -> out.add(((Number) row.get(column)).doubleValue()));
        return out;
    }

    private static void clickHeader(FxRobot robot, ResultTableView table, String column) {
        Node header = robot.from(table)
                .lookup((Node n) -> n instanceof TableColumnHeader h
                        && h.getTableColumn() != null
                        && column.equals(h.getTableColumn().getId()))
                .query();
        robot.clickOn(header);
        WaitForAsyncUtils.waitForFxEvents();
    }

    @SuppressWarnings("unchecked")
    private static TableCell<List<Object>, Object> cell(FxRobot robot, ResultTableView table, String column, int row) {
        robot.interact(() -> table.getColumns().stream()
                .filter(c -> column.equals(c.getId()))
                .findFirst()
                .ifPresent(table::scrollToColumn));
        WaitForAsyncUtils.waitForFxEvents();
        return robot.from(table)
                .lookup((Node n) -> n instanceof TableCell<?, ?> c
                        && c.getTableColumn() != null
                        && column.equals(c.getTableColumn().getId())
                        && c.getIndex() == row
                        && !c.isEmpty())
                .queryAs(TableCell.class);
    }

    @Test
    void aNumericColumnSortsByValueBothWaysAlsoWhileFiltered(FxRobot robot) {
        int avg = index("Avg");
        Column avgColumn = vm.columns().get(avg);
        // sorting the cells' text would give another order: the test can tell the two apart
        List<Double> byText = new ArrayList<>(values(stats, avg));
        byText.sort(Comparator.comparing(v -> CellFormat.format(avgColumn, v)));
        assertThat(byText).isNotEqualTo(byText.stream().sorted().toList());

        clickHeader(robot, stats, "Avg");
        List<Double> up = values(stats, avg);
        assertThat(up).hasSize(vm.rows().size()).isSorted();
        clickHeader(robot, stats, "Avg");
        List<Double> down = values(stats, avg);
        assertThat(down).isSortedAccordingTo(Comparator.reverseOrder());
        assertThat(down.get(0)).isGreaterThan(down.get(down.size() - 1));

        robot.interact(() ->
                robot.lookup("#kernelStatsFilter").queryAs(TextField.class).setText("kernel"));
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(stats.getItems()).hasSize(vm.rows().size()).hasSizeGreaterThan(2);
        assertThat(values(stats, avg)).isSortedAccordingTo(Comparator.reverseOrder());
        assertThat(stats.getItems()).allSatisfy(row -> assertThat(vm.name(row)).contains("kernel"));
    }

    @Test
    void headersAreBareNamesOverCellsThatCarryTheirUnit(FxRobot robot) {
        assertThat(stats.getColumns()).extracting(TableColumn::getText).contains("Avg", "Total Time", "Time");
        assertThat(stats.getColumns()).extracting(TableColumn::getText).noneMatch(t -> t.contains("("));
        assertThat(cell(robot, stats, "Avg", 0).getText()).matches("[0-9.]+ (ns|µs|ms|s)");
        assertThat(cell(robot, stats, "Time", 0).getText()).endsWith(" %");
    }

    @Test
    void aClippedCellShowsItsWholeTextOnHover(FxRobot robot) {
        TableColumn<List<Object>, ?> name = stats.getColumns().get(0);
        assertThat(name.getId()).isEqualTo("Name");
        robot.interact(() -> name.setPrefWidth(40));
        WaitForAsyncUtils.waitForFxEvents();
        TableCell<List<Object>, Object> narrow = cell(robot, stats, "Name", 0);
        assertThat(narrow.getTooltip()).isNotNull();
        assertThat(narrow.getTooltip().getText())
                .isEqualTo(vm.name(stats.getItems().get(0)));

        robot.interact(() -> name.setPrefWidth(700));
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(cell(robot, stats, "Name", 0).getTooltip()).isNull();
    }

    @Test
    void copyAsCsvKeepsFullPrecision(FxRobot robot) throws Exception {
        int avg = index("Avg");
        List<Object> row = stats.getItems().stream()
                .filter(r -> r.get(avg) instanceof Double d && d != Math.rint(d * 100) / 100)
                .findFirst()
                .orElseThrow();
        robot.interact(() -> stats.getSelectionModel().select(row));
        String csv = stats.csv();
        List<CSVRecord> records =
                CsvTableRenderer.FORMAT.parse(new StringReader(csv)).getRecords();
        assertThat(records).hasSize(2);
        assertThat(records.get(0).get(avg)).isEqualTo("Avg (ns)");
        String copied = records.get(1).get(avg);
        assertThat(Double.parseDouble(copied)).isEqualTo((Double) row.get(avg));
        assertThat(copied).isNotEqualTo(CellFormat.format(vm.columns().get(avg), row.get(avg)));
        assertThat(records.get(1).get(index("Name"))).isEqualTo(vm.name(row));

        robot.interact(stats::requestFocus);
        robot.press(KeyCode.CONTROL, KeyCode.C).release(KeyCode.C, KeyCode.CONTROL);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(WaitForAsyncUtils.asyncFx(
                                () -> Clipboard.getSystemClipboard().getString())
                        .get())
                .isEqualTo(csv);
    }

    @Test
    void compareTablesShowBytesAndTimesInHumanUnits(FxRobot robot) {
        String human = "-?[0-9.]+ (B|KiB|MiB|GiB)";
        for (String column : List.of("Baseline Bytes", "Candidate Bytes", "Bytes Saved")) {
            assertThat(cell(robot, groups, column, 0).getText()).as(column).matches(human);
        }
        assertThat(cell(robot, groups, "Baseline Time", 0).getText()).matches("[0-9.]+ (ns|µs|ms|s)");
        int bytesRow = -1;
        int busyRow = -1;
        for (int i = 0; i < steps.getItems().size(); i++) {
            bytesRow = "Bytes".equals(steps.getItems().get(i).get(0)) ? i : bytesRow;
            busyRow = "GPU busy".equals(steps.getItems().get(i).get(0)) ? i : busyRow;
        }
        assertThat(cell(robot, steps, "Baseline", bytesRow).getText()).matches(human);
        assertThat(cell(robot, steps, "Candidate", busyRow).getText()).matches("[0-9.]+ (ns|µs|ms|s)");
    }
}
