package org.fusescope.profiler.golden;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.apache.commons.csv.CSVRecord;
import org.fusescope.assets.Samples;
import org.fusescope.profiler.analysis.KernelStats;
import org.fusescope.profiler.analysis.KernelSummary;
import org.fusescope.profiler.model.KernelEvent;
import org.fusescope.profiler.model.RunInfo;
import org.fusescope.profiler.model.RunTrace;
import org.fusescope.profiler.store.TraceReader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Our kernel summary agrees with NVIDIA's: the expected CSV is what {@code nsys stats --report
 * cuda_gpu_kern_sum --format csv} (Nsight Systems 2025.3.1, on the H100 host, 2026-11-27) printed for
 * the golden recording, reading our database with its own SQL; likewise for both bundled samples.
 */
class NsysStatsAgreementTest {
    @TempDir
    Path dir;

    @Test
    void kernelSummaryOfAllRunsMatchesNsysStats() throws Exception {
        assertAgrees(
                GoldenFiles.RECORDING,
                GoldenFiles.EXPECTED.resolve("recording.nsys-stats.cuda_gpu_kern_sum.csv"),
                Set.of());
    }

    /** The same for the bundled four-layer H100 sample (nsys 2025.3.1 on the H100 host, 2026-12-07). */
    @Test
    void kernelSummaryOfTheFourLayerSampleMatchesNsysStats() throws Exception {
        assertAgrees(
                Samples.copyTo(Samples.H100_LAYERS4, dir),
                Path.of("src", "test", "resources", "nsys", "h100-layers4.cuda_gpu_kern_sum.csv"),
                Set.of("copy_kernel")); // the copy-bandwidth probe before the runs: in the file, in no run
    }

    /** The same for the bundled MoE-block sample (nsys 2025.3.1 on the H100 host, 2026-12-07). */
    @Test
    void kernelSummaryOfTheMoeBlockSampleMatchesNsysStats() throws Exception {
        assertAgrees(
                Samples.copyTo(Samples.H100_MOE, dir),
                Path.of("src", "test", "resources", "nsys", "h100-moe.cuda_gpu_kern_sum.csv"),
                Set.of("copy_kernel"));
    }

    /**
     * {@code outsideRuns}: kernels the file holds outside every run, which nsys summarizes too (its
     * Time (%) is of all the file's kernels).
     */
    private static void assertAgrees(Path db, Path csv, Set<String> outsideRuns) throws Exception {
        List<KernelEvent> all = new ArrayList<>();
        RunTrace first = null;
        try (TraceReader reader = TraceReader.open(db)) {
            for (RunInfo run : reader.runs()) {
                RunTrace trace = reader.load(run.id());
                first = first == null ? trace : first;
                all.addAll(trace.kernels());
            }
        }
        // nsys groups by the demangled name (templated library kernels share a short name)
        Map<String, Integer> ids = new LinkedHashMap<>();
        int[] nameIds = new int[all.size()];
        long[] durations = new long[all.size()];
        for (int i = 0; i < all.size(); i++) {
            KernelEvent k = all.get(i);
            String name = k.demangledName() != null ? k.demangledName() : k.name();
            nameIds[i] = ids.computeIfAbsent(name, n -> ids.size());
            durations[i] = k.durationNs();
        }
        Map<String, KernelStats> ours = new HashMap<>();
        KernelSummary.ofDurations(ids.keySet().toArray(new String[0]), nameIds, durations)
                .rows()
                .forEach(r -> ours.put(r.name(), r));

        List<CSVRecord> nsys = NsysCsv.rows(csv);
        assertThat(nsys).hasSize(ours.size() + outsideRuns.size());
        double fileNs = nsys.stream()
                .mapToDouble(r -> Long.parseLong(r.get("Total Time (ns)")))
                .sum();
        for (CSVRecord row : nsys) {
            if (outsideRuns.contains(row.get("Name"))) {
                assertThat(ours).doesNotContainKey(row.get("Name"));
                continue;
            }
            KernelStats s = ours.get(row.get("Name"));
            assertThat(s).as("kernel %s", row.get("Name")).isNotNull();
            assertThat(s.instances()).isEqualTo(Integer.parseInt(row.get("Instances")));
            assertThat(s.totalNs()).isEqualTo(Long.parseLong(row.get("Total Time (ns)")));
            assertThat(s.minNs()).isEqualTo(Long.parseLong(row.get("Min (ns)")));
            assertThat(s.maxNs()).isEqualTo(Long.parseLong(row.get("Max (ns)")));
            assertThat(oneDecimal(s.avgNs())).isEqualTo(row.get("Avg (ns)"));
            assertThat(oneDecimal(s.medianNs())).isEqualTo(row.get("Med (ns)"));
            assertThat(oneDecimal(s.stdDevNs())).isEqualTo(row.get("StdDev (ns)"));
            assertThat(oneDecimal(100.0 * s.totalNs() / fileNs)).isEqualTo(row.get("Time (%)"));
            if (outsideRuns.isEmpty()) {
                assertThat(oneDecimal(s.timePercent())).isEqualTo(row.get("Time (%)"));
            }
        }
    }

    private static String oneDecimal(double value) {
        return String.format(Locale.ROOT, "%.1f", value);
    }
}
