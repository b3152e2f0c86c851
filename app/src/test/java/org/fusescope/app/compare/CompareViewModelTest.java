package org.fusescope.app.compare;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.fusescope.app.Golden;
import org.fusescope.app.data.RecordingService;
import org.fusescope.app.data.Selection;
import org.junit.jupiter.api.Test;

class CompareViewModelTest {
    @Test
    void fusedAddRmsnormIsFasterAndTheTimelinesShareATimeScale() {
        try (RecordingService service = new RecordingService()) {
            var recording = service.open(Golden.file());
            CompareViewModel vm = CompareViewModel.load(service, recording, 7, recording, 8, new Selection());
            List<Object> row = vm.groups().rows().stream()
                    .filter(r -> "add_rmsnorm".equals(r.get(0)))
                    .findFirst()
                    .orElseThrow();
            int speedUp = vm.groups()
                    .columns()
                    .indexOf(vm.groups().columns().stream()
                            .filter(c -> c.name().equals("Speed-up"))
                            .findFirst()
                            .orElseThrow());
            assertThat((Double) row.get(speedUp)).isGreaterThan(1.0);
            assertThat(vm.rowStyle(row)).isEqualTo("fs-faster");
            assertThat(vm.stepTotals().rows()).isNotEmpty();
            assertThat(vm.title()).isEqualTo("unfused b=16 eager ↔ fused b=16 eager");

            vm.topTimeline().zoomIn();
            vm.topTimeline().panRight();
            double topOffset = vm.topTimeline().window().startNs()
                    - vm.topTimeline().window().minNs();
            double bottomOffset = vm.bottomTimeline().window().startNs()
                    - vm.bottomTimeline().window().minNs();
            assertThat(bottomOffset).isEqualTo(topOffset);
            assertThat(vm.bottomTimeline().window().spanNs())
                    .isEqualTo(vm.topTimeline().window().spanNs());
        }
    }
}
