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

            // the start to the ns: the last kernel's, far into the run, is no rounded "1.5 ms"
            int last = run.trace().kernels().size() - 1;
            selection.selectKernel(run, last);
            long start =
                    run.trace().kernels().get(last).startNs() - run.timeline().startNs();
            assertThat(start).isGreaterThan(1000);
            assertThat(vm.value("Start"))
                    .isEqualTo(org.fusescope.app.timeline.TimeFormat.exact(start))
                    .matches("[0-9]+\\.[0-9]{3,9} (µs|ms|s)");
            assertThat(Math.round(Double.parseDouble(vm.value("Start").split(" ")[0])
                            * org.fusescope.app.timeline.TimeFormat.unitOf(start)))
                    .isEqualTo(start);

            selection.kernelProperty().set(null);
            assertThat(vm.value("Name")).isEqualTo("fused b=1 eager");
            // a synthetic recording says nothing of tracing
            assertThat(vm.value("Tracing overhead")).isNull();
        }
    }

    @Test
    void aMeasuredRunShowsWhatTracingCostIt() throws Exception {
        java.nio.file.Path sample = java.nio.file.Files.createTempFile("h100-moe", ".sqlite");
        try (var in = getClass().getResourceAsStream(org.fusescope.app.data.SampleRecordings.H100_SAMPLE);
                RecordingService service = new RecordingService()) {
            java.nio.file.Files.copy(in, sample, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            var recording = service.open(sample);
            var info = recording.runs().get(0);
            OpenRun run = service.load(recording, info.id());
            Selection selection = new Selection();
            PropertiesViewModel vm = new PropertiesViewModel(selection);
            selection.activeRunProperty().set(run);
            var cost = org.fusescope.profiler.analysis.TracingCost.of(info, recording.metadata());
            assertThat(vm.value("Trace level")).isEqualTo(cost.trace());
            assertThat(vm.value("Tracing overhead"))
                    .isEqualTo(String.format(java.util.Locale.ROOT, "%+.1f %%", 100 * cost.overhead()))
                    .isNotEqualTo("+NaN %");
        } finally {
            java.nio.file.Files.deleteIfExists(sample);
        }
    }

    @Test
    void aKernelLaunchedBeforeItsPredecessorEndedShowsItsWaitAndOwnTime(
            @org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) {
        try (RecordingService service = new RecordingService()) {
            var recording =
                    service.open(org.fusescope.assets.Samples.copyTo(org.fusescope.assets.Samples.H100_MOE, dir));
            var info = recording.runs().stream()
                    .filter(r -> r.name().equals("fused b=16 graph"))
                    .findFirst()
                    .orElseThrow();
            OpenRun run = service.load(recording, info.id());
            var kernels = run.trace().kernels();
            Selection selection = new Selection();
            PropertiesViewModel vm = new PropertiesViewModel(selection);
            // on the H100, fused b=16's silu_and_mul starts while grouped_gemm1 still runs (pdl) and waits for it
            int silu = firstNamed(kernels, "silu_and_mul_kernel");
            var k = kernels.get(silu);
            long wait = org.fusescope.profiler.analysis.OwnTime.waitNs(kernels, k);
            assertThat(wait).isPositive().isLessThan(k.durationNs());
            selection.selectKernel(run, silu);
            assertThat(vm.value("Waiting on the kernel before it"))
                    .isEqualTo(org.fusescope.app.timeline.TimeFormat.format(wait));
            assertThat(vm.value("Own time"))
                    .isEqualTo(org.fusescope.app.timeline.TimeFormat.format(k.durationNs() - wait));
            // the first kernel waits on none
            selection.selectKernel(run, 0);
            assertThat(vm.value("Own time")).isNull();
        }
    }

    private static int firstNamed(java.util.List<org.fusescope.profiler.model.KernelEvent> kernels, String name) {
        for (int i = 0; i < kernels.size(); i++) {
            if (kernels.get(i).name().equals(name)) {
                return i;
            }
        }
        throw new AssertionError(name + " not in the run");
    }

    @Test
    void aKernelNsightComputeMeasuredShowsItsCountersBesideTheModel() throws Exception {
        java.nio.file.Path sample = java.nio.file.Files.createTempFile("h100-moe-ncu", ".sqlite");
        try (var in = getClass().getResourceAsStream(org.fusescope.app.data.SampleRecordings.H100_SAMPLE)) {
            java.nio.file.Files.copy(in, sample, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        }
        try (RecordingService service = new RecordingService()) {
            var info = service.open(sample).runs().get(0);
            var kernels = service.load(service.open(sample), info.id()).trace().kernels();
            int measuredIndex = kernels.size() - 1;
            var k = kernels.get(measuredIndex);
            service.close(sample);
            double dram = 1.5 * k.attribution().bytes(); // 50 % more than modelled: the model is off
            org.fusescope.profiler.store.MeasuredKernels.write(
                    sample,
                    info.id(),
                    java.util.List.of(new org.fusescope.profiler.model.MeasuredKernel(
                            k.startNs(), 3, 1234, dram, 0, 61.5, 12.25, Double.NaN, 88.0)));

            var recording = service.open(sample);
            OpenRun run = service.load(recording, info.id());
            Selection selection = new Selection();
            PropertiesViewModel vm = new PropertiesViewModel(selection);
            selection.activeRunProperty().set(run);
            selection.selectKernel(run, measuredIndex);
            assertThat(vm.value("DRAM bytes")).isEqualTo(org.fusescope.app.stats.CellFormat.bytes(Math.round(dram)));
            assertThat(vm.value("Model error")).isEqualTo("+50.0 % (model off)");
            assertThat(vm.value("DRAM throughput")).isEqualTo("61.5 %");
            assertThat(vm.value("Achieved occupancy")).isEqualTo("not measured");
            selection.selectKernel(run, 0);
            assertThat(vm.value("DRAM bytes")).isNull();
        } finally {
            java.nio.file.Files.deleteIfExists(sample);
        }
    }
}
