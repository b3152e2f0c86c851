package org.fusescope.app.timeline;

import static org.assertj.core.api.Assertions.assertThat;

import org.fusescope.app.Golden;
import org.fusescope.app.data.OpenRun;
import org.fusescope.app.data.RecordingService;
import org.fusescope.app.data.Selection;
import org.fusescope.profiler.model.KernelEvent;
import org.fusescope.profiler.model.RangeEvent;
import org.fusescope.profiler.model.RangeLevel;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Clicking a step range zooms to the step's GPU work, which ends long after its CPU range. */
class ZoomToStepTest {
    private static final double W = 1000;
    private static RecordingService service;

    @BeforeAll
    static void open() {
        service = new RecordingService();
    }

    @AfterAll
    static void close() {
        service.close();
    }

    @Test
    void clickingAGraphStepShowsItsLastKernel() {
        zoomsToTheWholeStep(Golden.run(service, 5)); // unfused b=16 graph: one graph launch per step
    }

    @Test
    void clickingAnEagerStepShowsItsLastKernel() {
        zoomsToTheWholeStep(Golden.run(service, 7)); // unfused b=16 eager
    }

    private static void zoomsToTheWholeStep(OpenRun run) {
        RangeEvent step = run.trace().ranges().stream()
                .filter(r -> r.level() == RangeLevel.STEP && r.text().equals("step 1"))
                .findFirst()
                .orElseThrow();
        KernelEvent last = run.trace().kernels().stream()
                .filter(k -> k.hasAttribution() && k.attribution().step() == 1)
                .reduce((a, b) -> b.endNs() >= a.endNs() ? b : a)
                .orElseThrow();
        assertThat(last.endNs())
                .as("the step's GPU work outlasts its CPU range")
                .isGreaterThan(step.endNs());

        TimelineViewModel vm = new TimelineViewModel(run, new Selection());
        int stepRow = 0;
        assertThat(vm.data().lanes().get(stepRow).kind()).isEqualTo(Lane.LaneKind.RANGE);
        double x = vm.window().xOf((step.startNs() + step.endNs()) / 2.0, W);
        vm.click(x, vm.layout().top(stepRow) + vm.layout().height(stepRow) / 2, W);

        assertThat(vm.window().startNs()).isLessThanOrEqualTo(step.startNs());
        assertThat(vm.window().endNs()).isGreaterThanOrEqualTo(last.endNs());
        assertThat(vm.window().spanNs())
                .as("zoomed in: not the whole run")
                .isLessThan((vm.window().maxNs() - vm.window().minNs()) / 2);
    }
}
