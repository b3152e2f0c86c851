package org.fusescope.profiler.analysis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.Map;
import org.fusescope.profiler.model.RunInfo;
import org.fusescope.profiler.store.TraceReader;
import org.junit.jupiter.api.Test;

/** The tracing cost of a run, from what the runner stores with it. */
class TracingCostTest {
    @Test
    void theCostComesFromTheRunsMetadata() throws Exception {
        try (TraceReader reader =
                TraceReader.open(java.nio.file.Path.of("src/test/resources/golden/recording.sqlite"))) {
            RunInfo run = reader.runs().get(0);
            Map<String, String> metadata = Map.of(
                    "fusescope.run." + run.id() + ".stepGpuNsTraced", "77000.0",
                    "fusescope.run." + run.id() + ".stepGpuNsUntraced", "70000.0",
                    "fusescope.run." + run.id() + ".trace", "kernels",
                    "fusescope.run." + run.id() + ".stepTiming", "gated",
                    "fusescope.run." + run.id() + ".hostNsPerLaunchTraced", "5200.0",
                    "fusescope.run." + run.id() + ".hostNsPerLaunchUntraced", "3100.0",
                    "fusescope.run." + run.id() + ".stepGpuNsNoCupti", "68750.0",
                    "fusescope.run." + (run.id() + 1) + ".stepGpuNsTraced", "1.0");
            TracingCost.Row cost = TracingCost.of(run, metadata);
            assertThat(cost.overhead()).isCloseTo(0.10, within(1e-12));
            ResultTable table = TracingCost.table(List.of(cost));
            assertThat(table.rows()).hasSize(1);
            assertThat(table.value(0, "Trace")).isEqualTo("kernels");
            assertThat(table.value(0, "Step Timing")).isEqualTo("gated");
            assertThat((Double) table.value(0, "Overhead")).isCloseTo(10.0, within(1e-9));
            assertThat(table.value(0, "Host / Launch Traced")).isEqualTo(5200.0);
            assertThat(table.value(0, "Host / Launch Untraced")).isEqualTo(3100.0);
            assertThat(table.value(0, "No-CUPTI Step")).isEqualTo(68750.0);
            assertThat((Double) table.value(0, "Overhead vs No CUPTI")).isCloseTo(12.0, within(1e-9));
            // a recording that does not say (synthetic, nsys export) has no cost
            assertThat(TracingCost.of(run, Map.of())).isNull();
            // older recordings say nothing of the level and timing: full, timed directly
            TracingCost.Row old = TracingCost.of(run, Map.of("fusescope.run." + run.id() + ".stepGpuNsTraced", "2.0"));
            assertThat(old.trace()).isEqualTo("full");
            assertThat(old.stepTiming()).isEqualTo("direct");
            assertThat(old.overhead()).isNaN();
            assertThat(old.hostNsPerLaunchTraced())
                    .as("graph runs and older recordings: no host time")
                    .isNaN();
            assertThat(old.overheadVsNoCupti())
                    .as("runs not timed in a process without CUPTI")
                    .isNaN();
        }
    }
}
