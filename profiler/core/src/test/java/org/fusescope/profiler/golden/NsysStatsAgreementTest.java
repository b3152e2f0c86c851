package org.fusescope.profiler.golden;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.fusescope.profiler.analysis.KernelStats;
import org.fusescope.profiler.analysis.KernelSummary;
import org.fusescope.profiler.model.KernelEvent;
import org.fusescope.profiler.model.RunInfo;
import org.fusescope.profiler.model.RunTrace;
import org.fusescope.profiler.store.TraceReader;
import org.junit.jupiter.api.Test;

/**
 * Our kernel summary agrees with NVIDIA's: the expected CSV is what {@code nsys stats --report
 * cuda_gpu_kern_sum --format csv} (Nsight Systems 2025.3.1, on the H100 host, 2026-11-27) printed for
 * the golden recording, reading our database with its own SQL.
 */
class NsysStatsAgreementTest {
    @Test
    void kernelSummaryOfAllRunsMatchesNsysStats() throws Exception {
        List<KernelEvent> all = new ArrayList<>();
        RunTrace first = null;
        try (TraceReader reader = TraceReader.open(GoldenFiles.RECORDING)) {
            for (RunInfo run : reader.runs()) {
                RunTrace trace = reader.load(run.id());
                first = first == null ? trace : first;
                all.addAll(trace.kernels());
            }
        }
        Map<String, KernelStats> ours = new HashMap<>();
        KernelSummary.of(RunTrace.ofKernels(first.run(), first.device(), all))
                .rows()
                .forEach(r -> ours.put(r.name(), r));

        Path csv = GoldenFiles.EXPECTED.resolve("recording.nsys-stats.cuda_gpu_kern_sum.csv");
        List<CSVRecord> nsys;
        try (Reader in = Files.newBufferedReader(csv, StandardCharsets.UTF_8)) {
            nsys = CSVFormat.DEFAULT
                    .builder()
                    .setHeader()
                    .setSkipHeaderRecord(true)
                    .get()
                    .parse(in)
                    .getRecords();
        }
        assertThat(nsys).hasSize(ours.size());
        for (CSVRecord row : nsys) {
            KernelStats s = ours.get(row.get("Name"));
            assertThat(s).as("kernel %s", row.get("Name")).isNotNull();
            assertThat(s.instances()).isEqualTo(Integer.parseInt(row.get("Instances")));
            assertThat(s.totalNs()).isEqualTo(Long.parseLong(row.get("Total Time (ns)")));
            assertThat(s.minNs()).isEqualTo(Long.parseLong(row.get("Min (ns)")));
            assertThat(s.maxNs()).isEqualTo(Long.parseLong(row.get("Max (ns)")));
            assertThat(oneDecimal(s.avgNs())).isEqualTo(row.get("Avg (ns)"));
            assertThat(oneDecimal(s.medianNs())).isEqualTo(row.get("Med (ns)"));
            assertThat(oneDecimal(s.stdDevNs())).isEqualTo(row.get("StdDev (ns)"));
            assertThat(oneDecimal(s.timePercent())).isEqualTo(row.get("Time (%)"));
        }
    }

    private static String oneDecimal(double value) {
        return String.format(Locale.ROOT, "%.1f", value);
    }
}
