package org.fusescope.profiler.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.fusescope.assets.Samples;
import org.fusescope.profiler.store.TraceReader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The speed-up lines {@code fusescope run} ends with, on the bundled H100 recording. */
class FusionSpeedUpsTest {
    @TempDir
    Path dir;

    @Test
    void eachFusedRunIsSetAgainstTheUnfusedRunOfItsBatchModeAndLayers() {
        try (TraceReader reader = TraceReader.open(Samples.copyTo(Samples.H100_MOE, dir))) {
            List<String> lines = FusionSpeedUps.lines(reader.runs(), reader.metadata());
            // the sample stores each run's step time in a process without CUPTI (--overhead-reference process)
            assertThat(lines)
                    .hasSize(6)
                    .contains("fused b=1 graph against unfused b=1 graph: Without tracing (no CUPTI):"
                            + " 68.0 → 39.3 µs, 1.73× (traced 1.84×)")
                    .allMatch(l -> l.matches("fused b=\\d+ (graph|eager) against unfused b=\\d+ (graph|eager): .*"));
            assertThat(FusionSpeedUps.lines(reader.runs(), Map.of()))
                    .as("no untraced step times stored")
                    .isEmpty();
        }
    }
}
