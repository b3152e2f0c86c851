package org.fusescope.app.timeline;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.fusescope.app.Golden;
import org.fusescope.app.data.OpenRun;
import org.fusescope.app.data.RecordingService;
import org.fusescope.app.data.Selection;
import org.fusescope.profiler.model.KernelEvent;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class TimelineViewModelTest {
    private static final double W = 1000;
    private static RecordingService service;
    private static OpenRun eager;

    @BeforeAll
    static void open() {
        service = new RecordingService();
        eager = Golden.run(service, 3); // unfused b=1 eager
    }

    @AfterAll
    static void close() {
        service.close();
    }

    @Test
    void lanesAreRangesThenCpuThenGpuStreams() {
        List<Lane> lanes = eager.timeline().lanes();
        assertThat(lanes.get(0).kind()).isEqualTo(Lane.LaneKind.RANGE);
        assertThat(lanes.get(lanes.size() - 1).kind()).isEqualTo(Lane.LaneKind.GPU);
        int kernels = lanes.stream()
                .filter(l -> l.kind() == Lane.LaneKind.GPU)
                .mapToInt(Lane::size)
                .sum();
        assertThat(kernels).isEqualTo(eager.trace().kernels().size()).isGreaterThan(0);
        assertThat(eager.timeline().cpuLane()).isGreaterThanOrEqualTo(0);
    }

    @Test
    void keysZoomAndPanLikePerfetto() {
        TimelineViewModel vm = new TimelineViewModel(eager, new Selection());
        double span = vm.window().spanNs();
        assertThat(vm.key("W")).isTrue();
        assertThat(vm.window().spanNs()).isLessThan(span);
        vm.key("w");
        vm.key("w");
        double start = vm.window().startNs();
        vm.key("d");
        assertThat(vm.window().startNs()).isGreaterThan(start);
        vm.key("a");
        assertThat(vm.window().startNs()).isCloseTo(start, org.assertj.core.api.Assertions.within(1e-3));
        vm.key("s");
        vm.key("s");
        vm.key("S");
        assertThat(vm.window().spanNs()).isCloseTo(span, org.assertj.core.api.Assertions.within(1e-3));
        assertThat(vm.key("x")).isFalse();
    }

    @Test
    void clickOnAKernelSelectsItAndShowsItsLaunchArrow() {
        Selection selection = new Selection();
        TimelineViewModel vm = new TimelineViewModel(eager, selection);
        KernelEvent k = eager.trace().kernels().get(5);
        vm.window().focus(k.startNs(), k.endNs());
        int lane = eager.timeline().laneOfKernel(5);
        double x = vm.window().xOf((k.startNs() + k.endNs()) / 2.0, W);
        double y = vm.layout().top(lane) + 2;
        vm.click(x, y, W);
        assertThat(selection.kernel()).isNotNull();
        assertThat(selection.kernel().index()).isEqualTo(5);
        assertThat(vm.selectedKernel()).isEqualTo(5);
        double[] arrow = vm.launchArrow();
        assertThat(arrow).isNotNull();
        assertThat(arrow[0]).isLessThanOrEqualTo(k.startNs());
        assertThat(vm.describe(x, y, W)).startsWith(k.name());
    }

    @Test
    void findSelectsMatchesInTurnAndZooms() {
        Selection selection = new Selection();
        TimelineViewModel vm = new TimelineViewModel(eager, selection);
        long expected = eager.trace().kernels().stream()
                .filter(k -> k.name().contains("grouped_gemm"))
                .count();
        assertThat(vm.find("GROUPED_GEMM")).isEqualTo((int) expected).isGreaterThan(1);
        int first = selection.kernel().index();
        assertThat(selection.kernel().kernel().name()).contains("grouped_gemm");
        assertThat(vm.window().spanNs())
                .isLessThan(vm.window().maxNs() - vm.window().minNs());
        vm.findNext();
        assertThat(selection.kernel().index()).isNotEqualTo(first);
        assertThat(vm.findStatus()).isEqualTo("2 / " + expected);
        assertThat(vm.find("no such kernel")).isZero();
    }

    @Test
    void minimapFractionsRoundTrip() {
        TimelineViewModel vm = new TimelineViewModel(eager, new Selection());
        vm.showFractions(0.25, 0.5);
        assertThat(vm.fractions()[0]).isCloseTo(0.25, org.assertj.core.api.Assertions.within(1e-9));
        assertThat(vm.fractions()[1]).isCloseTo(0.5, org.assertj.core.api.Assertions.within(1e-9));
    }

    @Test
    void nextAndPreviousKernelKeysFollowTheStreamAndKeepTheSelectionVisible() {
        TimelineViewModel vm = new TimelineViewModel(eager, new Selection());
        assertThat(vm.stepKernel(1)).isFalse(); // nothing selected
        assertThat(vm.key("n")).isTrue();
        assertThat(vm.selectedKernel()).isEqualTo(-1);
        Lane lane = eager.timeline().lanes().stream()
                .filter(l -> l.kind() == Lane.LaneKind.GPU && l.size() > 20)
                .findFirst()
                .orElseThrow();
        vm.select(lane.refs()[0]);
        // zoom in so that only the first kernel of the row is in view
        vm.window().show(lane.starts()[0], lane.ends()[0]);
        for (int i = 1; i < 20; i++) {
            assertThat(vm.key(i % 2 == 0 ? "N" : "Close Bracket")).isTrue();
            assertThat(vm.selectedKernel()).isEqualTo(lane.refs()[i]);
            assertThat(vm.window().startNs()).isLessThanOrEqualTo(lane.starts()[i]);
            assertThat(vm.window().endNs()).isGreaterThanOrEqualTo(lane.ends()[i]);
        }
        assertThat(vm.key("[")).isTrue();
        assertThat(vm.selectedKernel()).isEqualTo(lane.refs()[18]);
        assertThat(vm.key("p")).isTrue();
        assertThat(vm.selectedKernel()).isEqualTo(lane.refs()[17]);
        assertThat(vm.window().startNs()).isLessThanOrEqualTo(lane.starts()[17]);
        assertThat(vm.window().endNs()).isGreaterThanOrEqualTo(lane.ends()[17]);
        // ends of the row: the selection stays
        vm.select(lane.refs()[lane.size() - 1]);
        assertThat(vm.stepKernel(1)).isFalse();
        assertThat(vm.selectedKernel()).isEqualTo(lane.refs()[lane.size() - 1]);
        vm.select(lane.refs()[0]);
        assertThat(vm.stepKernel(-1)).isFalse();
        assertThat(vm.selectedKernel()).isEqualTo(lane.refs()[0]);
    }

    @Test
    void anEditorOpenedOnTheGpuRowsTakesTheOtherRowsWhenTheyArrive() {
        var recording = service.open(Golden.file());
        OpenRun run = service.loadTimeline(recording, 3);
        TimelineViewModel vm = new TimelineViewModel(run, new Selection());
        TimelineData first = vm.data();
        int gpuRows = (int) first.lanes().stream()
                .filter(l -> l.kind() == Lane.LaneKind.GPU)
                .count();
        // while the CPU and range rows may be missing, nothing that reads them fails
        vm.select(0);
        vm.launchArrow();
        vm.describe(W / 2, vm.layout().top(0) + 1, W);
        vm.click(W / 2, vm.layout().top(0) + 1, W);
        int revision = vm.revisionProperty().get();
        run.fullTimeline().join();
        vm.refreshTimeline();
        assertThat(vm.data()).isSameAs(run.timeline());
        assertThat(vm.data().pending()).isFalse();
        assertThat(vm.data().lanes()).hasSameSizeAs(eager.timeline().lanes());
        assertThat(vm.layout().totalHeight())
                .isEqualTo(new TimelineLayout(eager.timeline().lanes()).totalHeight());
        assertThat(vm.window().minNs()).isEqualTo(eager.timeline().startNs());
        if (first != vm.data()) {
            assertThat(vm.revisionProperty().get()).isGreaterThan(revision);
        }
        assertThat(vm.data().lanes().stream().filter(l -> l.kind() == Lane.LaneKind.GPU))
                .hasSize(gpuRows);
        vm.select(0);
        assertThat(vm.launchArrow()).isNotNull();
    }
}
