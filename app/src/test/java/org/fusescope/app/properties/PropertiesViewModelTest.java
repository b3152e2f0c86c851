package org.fusescope.app.properties;

import static org.assertj.core.api.Assertions.assertThat;

import org.fusescope.app.Golden;
import org.fusescope.app.data.OpenRun;
import org.fusescope.app.data.RecordingService;
import org.fusescope.app.data.Selection;
import org.junit.jupiter.api.Test;

class PropertiesViewModelTest {
    @Test
    void showsTheRunThenTheSelectedKernel() {
        try (RecordingService service = new RecordingService()) {
            OpenRun run = Golden.run(service, 4);
            Selection selection = new Selection();
            PropertiesViewModel vm = new PropertiesViewModel(selection);
            assertThat(vm.rows()).isEmpty();
            selection.activeRunProperty().set(run);
            assertThat(vm.value("Name")).isEqualTo("fused b=1 eager");
            assertThat(vm.value("Origin")).isEqualTo("synthetic");

            selection.selectKernel(run, 0);
            var k = run.trace().kernels().get(0);
            assertThat(vm.value("Name")).isEqualTo(k.name());
            assertThat(vm.value("Grid")).isEqualTo(k.grid().toString());
            assertThat(vm.value("Op")).isEqualTo(k.attribution().op());
            assertThat(vm.value("Launched by")).contains("Launch");

            selection.kernelProperty().set(null);
            assertThat(vm.value("Name")).isEqualTo("fused b=1 eager");
        }
    }
}
