package org.fusescope.app.roofline;

import static org.assertj.core.api.Assertions.assertThat;

import org.fusescope.app.Golden;
import org.fusescope.app.data.OpenRun;
import org.fusescope.app.data.RecordingService;
import org.fusescope.app.data.Selection;
import org.fusescope.profiler.analysis.RooflinePoint;
import org.junit.jupiter.api.Test;

class RooflineViewModelTest {
    @Test
    void clickingAPointSelectsItsKernel() {
        try (RecordingService service = new RecordingService()) {
            OpenRun run = Golden.run(service, 6);
            Selection selection = new Selection();
            RooflineViewModel vm = new RooflineViewModel(selection);
            vm.show(run, RooflineViewModel.analyze(run));
            assertThat(vm.points()).isNotEmpty();
            RooflinePoint p = vm.points().get(0);
            double x = vm.x(p.arithmeticIntensity(), 600);
            double y = vm.y(p.achievedFlopsPerSec(), 400);
            assertThat(x).isBetween(0.0, 600.0);
            assertThat(y).isBetween(0.0, 400.0);
            assertThat(vm.click(x + 1, y - 1, 600, 400)).isTrue();
            assertThat(vm.selectedName()).isEqualTo(vm.pick(x, y, 600, 400).name());
            assertThat(vm.click(-500, -500, 600, 400)).isFalse();
            assertThat(vm.intensityAt(x, 600))
                    .isCloseTo(
                            p.arithmeticIntensity(),
                            org.assertj.core.api.Assertions.offset(p.arithmeticIntensity() * 1e-9));
        }
    }
}
