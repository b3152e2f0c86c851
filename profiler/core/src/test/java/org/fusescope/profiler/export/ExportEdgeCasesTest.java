package org.fusescope.profiler.export;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import org.fusescope.profiler.model.ApiCall;
import org.fusescope.profiler.model.ApiKind;
import org.fusescope.profiler.model.Dim3;
import org.fusescope.profiler.model.KernelEvent;
import org.fusescope.profiler.model.RunInfo;
import org.fusescope.profiler.model.RunStatus;
import org.fusescope.profiler.model.RunTrace;
import org.fusescope.profiler.synthetic.SyntheticDevice;
import org.junit.jupiter.api.Test;

class ExportEdgeCasesTest {
    @Test
    void anEmptyRunIsValidJsonWithOnlyMetadata() throws IOException {
        RunTrace empty = RunTrace.ofKernels(run(1, "empty", 5_000), SyntheticDevice.h100(), List.of());
        JsonNode root = ChromeTraceExporterTest.export(List.of(empty));
        assertThat(root.get("traceEvents"))
                .isNotEmpty()
                .allMatch(e -> e.get("ph").asText().equals("M"));
        assertThat(ChromeTraceExporterTest.export(List.of()).get("traceEvents")).isEmpty();
    }

    @Test
    void runsThatReuseCorrelationIdsStillGetUniqueFlowIds() throws IOException {
        RunTrace a = launchAndKernel(run(1, "a", 1_000), 1_000);
        RunTrace b = launchAndKernel(run(2, "b", 900_000), 900_000);
        JsonNode root = ChromeTraceExporterTest.export(List.of(a, b));
        List<JsonNode> finishes = ChromeTraceExporterTest.events(root, "f");
        assertThat(finishes).hasSize(2);
        assertThat(finishes.get(0).get("id").asLong())
                .isNotEqualTo(finishes.get(1).get("id").asLong());
        assertThat(ChromeTraceExporterTest.events(root, "s"))
                .extracting(s -> s.get("id").asLong())
                .containsExactlyInAnyOrderElementsOf(
                        finishes.stream().map(f -> f.get("id").asLong()).toList());
        assertThat(ChromeTraceExporterTest.events(root, "X").get(0).get("ts").asText())
                .isEqualTo("0.5");
    }

    @Test
    void microsecondsKeepNanosecondPrecision() {
        assertThat(Micros.of(1_234_567)).isEqualTo("1234.567");
        assertThat(Micros.of(1_500)).isEqualTo("1.5");
        assertThat(Micros.of(2_000)).isEqualTo("2");
        assertThat(Micros.of(5)).isEqualTo("0.005");
        assertThat(Micros.of(40)).isEqualTo("0.04");
        assertThat(Micros.of(0)).isEqualTo("0");
        assertThat(Micros.of(-1_250)).isEqualTo("-1.25");
    }

    private static RunTrace launchAndKernel(RunInfo run, long t) {
        long tid = (7L << 24) | 7;
        ApiCall launch = new ApiCall(t, t + 4_000, tid, 1, "cuLaunchKernel", 0, ApiKind.DRIVER);
        KernelEvent k = new KernelEvent(
                t + 500, t + 6_000, 0, 1, 7, 1, "k", "k", Dim3.of(1), Dim3.of(32), 16, 0, 0, 0, 0, null);
        return new RunTrace(
                run,
                SyntheticDevice.h100(),
                List.of(k),
                List.of(launch),
                List.of(),
                List.of(),
                List.of(),
                List.of(),
                List.of(),
                List.of(),
                List.of(),
                Map.of(tid, "main"));
    }

    private static RunInfo run(long id, String name, long startNs) {
        return new RunInfo(
                id,
                name,
                "unfused",
                List.of(),
                "{}",
                1,
                "eager",
                1,
                startNs,
                startNs + 10_000,
                0,
                "test",
                RunStatus.COMPLETE,
                false,
                0);
    }
}
