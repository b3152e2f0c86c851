package org.fusescope.app.stats;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.fusescope.app.Golden;
import org.fusescope.app.data.OpenRun;
import org.fusescope.app.data.RecordingService;
import org.fusescope.app.data.Selection;
import org.fusescope.profiler.model.KernelEvent;
import org.junit.jupiter.api.Test;

class KernelStatsViewModelTest {
    @Test
    void rowsFilterCopyCsvAndSelectionFollowTheTimeline() {
        try (RecordingService service = new RecordingService()) {
            OpenRun run = Golden.run(service, 1);
            Selection selection = new Selection();
            selection.activeRunProperty().set(run);
            KernelStatsViewModel vm = new KernelStatsViewModel(selection);
            vm.show(KernelStatsViewModel.summarize(run));
            long names = run.trace().kernels().stream()
                    .map(KernelEvent::name)
                    .distinct()
                    .count();
            assertThat(vm.rows()).hasSize((int) names);

            vm.filterProperty().set("GEMM");
            assertThat(vm.rows()).isNotEmpty().allSatisfy(r -> assertThat(vm.name(r))
                    .containsIgnoringCase("gemm"));
            assertThat(vm.rows().size()).isLessThan((int) names);

            String copied = vm.copy(List.of(vm.rows().get(0)));
            assertThat(copied.lines().findFirst().orElseThrow())
                    .contains("Total Time (ns)")
                    .contains("Name");
            assertThat(copied.lines().count()).isEqualTo(2);
            assertThat(copied.lines().skip(1).findFirst().orElseThrow())
                    .as("raw numbers, no units or grouping")
                    .doesNotContain("µs")
                    .doesNotContain(" %");
            assertThat(vm.csv().lines().count()).isEqualTo(names + 1);

            selection.selectKernel(run, 3);
            assertThat(vm.selectedNameProperty().get())
                    .isEqualTo(run.trace().kernels().get(3).name());

            String other = vm.name(vm.rows().get(vm.rows().size() - 1));
            vm.selectedNameProperty().set(other);
            assertThat(selection.kernel().kernel().name()).isEqualTo(other);
        }
    }

    @Test
    void timingColumnsFromTheKernelColumnsMatchTheFullSummary() {
        try (RecordingService service = new RecordingService()) {
            OpenRun run = Golden.run(service, 1);
            var times = KernelStatsViewModel.summarizeTimes(run);
            var full = KernelStatsViewModel.summarize(run);
            assertThat(times.columns()).isEqualTo(full.columns());
            assertThat(times.rows()).hasSameSizeAs(full.rows());
            for (int r = 0; r < full.rows().size(); r++) {
                // Time … StdDev (the first 8 columns) and Name (the last) agree; the rest follows later
                assertThat(times.rows().get(r).subList(0, 8))
                        .isEqualTo(full.rows().get(r).subList(0, 8));
                assertThat(times.rows().get(r).get(15))
                        .isEqualTo(full.rows().get(r).get(15));
            }
        }
    }

    @Test
    void cellsReadWithUnitsAndSortByValue() {
        var col = org.fusescope.profiler.analysis.Column.durationNs("Total");
        assertThat(CellFormat.format(col, 1500L)).isEqualTo("1.5 µs");
        assertThat(CellFormat.format(org.fusescope.profiler.analysis.Column.bytes("B"), 2048L))
                .isEqualTo("2.0 KiB");
        assertThat(CellFormat.format(col, null)).isEmpty();
        assertThat(CellFormat.comparator().compare(9L, 10.5)).isNegative();
        assertThat(CellFormat.comparator().compare(null, 1L)).isNegative();
    }

    @Test
    void bytesReadInBinaryUnits() {
        assertThat(CellFormat.bytes(512)).isEqualTo("512 B");
        assertThat(CellFormat.bytes(1536)).isEqualTo("1.5 KiB");
        assertThat(CellFormat.bytes(580_887_552)).isEqualTo("554.0 MiB");
        assertThat(CellFormat.bytes(3L << 30)).isEqualTo("3.00 GiB");
        assertThat(CellFormat.bytes(-1536)).isEqualTo("-1.5 KiB");
        var bytes = org.fusescope.profiler.analysis.Column.decimal("Baseline Bytes", "B");
        assertThat(CellFormat.format(bytes, 580_887_552.0)).isEqualTo("554.0 MiB");
        var perRow = org.fusescope.profiler.analysis.Column.decimal("Baseline", "");
        assertThat(CellFormat.format(perRow, 2048.0, "B")).isEqualTo("2.0 KiB");
        assertThat(CellFormat.format(perRow, 1500.0, "ns")).isEqualTo("1.5 µs");
        assertThat(CellFormat.format(perRow, 12.0, "")).isEqualTo("12");
        assertThat(CellFormat.header(bytes)).isEqualTo("Baseline Bytes");
    }
}
