package org.fusescope.profiler.golden;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVRecord;
import org.fusescope.assets.Samples;
import org.fusescope.profiler.analysis.RangeAggregate;
import org.fusescope.profiler.analysis.RangeProjection;
import org.fusescope.profiler.model.RangeLevel;
import org.fusescope.profiler.model.RunInfo;
import org.fusescope.profiler.store.TraceReader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Our NVTX range projection agrees with NVIDIA's: the expected CSV is what {@code nsys stats --report
 * nvtx_gpu_proj_sum --format csv} (Nsight Systems 2025.3.1, on the H100 host, 2026-12-07) printed for
 * each bundled sample, reading our database with its own SQL. Per range name over all runs:
 * the same instances, and where the range's GPU work is kernels the same projected time (first kernel
 * start to last kernel end, summed); nsys also projects memsets, which we do not.
 */
class NsysNvtxProjectionAgreementTest {
    private static final Path CSVS = Path.of("src", "test", "resources", "nsys");

    @TempDir
    Path dir;

    @Test
    void rangeProjectionOfTheFourLayerSampleMatchesNsysStats() throws Exception {
        assertAgrees(Samples.H100_LAYERS4, CSVS.resolve("h100-layers4.nvtx_gpu_proj_sum.csv"), 40, 30);
    }

    @Test
    void rangeProjectionOfTheMoeBlockSampleMatchesNsysStats() throws Exception {
        assertAgrees(Samples.H100_MOE, CSVS.resolve("h100-moe.nvtx_gpu_proj_sum.csv"), 20, 20);
    }

    /** {@code minRanges}: nsys's rows at least; {@code minExact}: ranges whose projection matches exactly. */
    private void assertAgrees(String sample, Path csv, int minRanges, int minExact) throws Exception {
        Map<String, long[]> ours = new HashMap<>(); // instances, projected ns, kernels
        try (TraceReader reader = TraceReader.open(Samples.copyTo(sample, dir))) {
            for (RunInfo run : reader.runs()) {
                for (RangeAggregate a :
                        RangeProjection.of(reader.load(run.id())).aggregates()) {
                    long[] sum = ours.computeIfAbsent(message(a), k -> new long[3]);
                    sum[0] += a.instances();
                    sum[1] += a.totalSpanNs();
                    sum[2] += a.kernels();
                }
            }
        }
        List<CSVRecord> nsys = NsysCsv.rows(csv);
        assertThat(nsys).hasSizeGreaterThan(minRanges);
        int compared = 0;
        int exact = 0;
        for (CSVRecord row : nsys) {
            String name = row.get("Range").substring(row.get("Range").indexOf(':') + 1); // no NVTX domain
            long[] sum = ours.get(name);
            if (sum == null) {
                // a range whose GPU work is a memset only: nsys projects it, we project kernels
                assertThat(name).isEqualTo("memset_expert_token_num");
                continue;
            }
            compared++;
            long projectedNs = Long.parseLong(row.get("Total Proj Time (ns)"));
            long gpuOps = Long.parseLong(row.get("Total GPU Ops"));
            assertThat(sum[0]).as("%s instances", name).isEqualTo(Long.parseLong(row.get("Range Instances")));
            if (name.equals("step") || sum[2] == gpuOps) {
                // GPU work of kernels only (a step's graph launch counts once in nsys's GPU ops): the same span
                assertThat(sum[1]).as("%s projected ns", name).isEqualTo(projectedNs);
                exact++;
            } else {
                // nsys also projects the range's memsets (the unfused align's memset_expert_token_num),
                // we project kernels: ours is the kernels' part of it
                assertThat(sum[2]).as("%s GPU ops", name).isPositive().isLessThan(gpuOps);
                assertThat(sum[1]).as("%s projected ns", name).isPositive().isLessThanOrEqualTo(projectedNs);
            }
        }
        assertThat(exact).as("ranges whose projection matches nsys exactly").isGreaterThanOrEqualTo(minExact);
        assertThat(compared).isEqualTo(ours.size());
    }

    /**
     * The NVTX message nsys groups by: steps and layers are stored as one message per kind with their
     * index in the payload ("step" for our "step 3", "layer (attention)" for "layer 3 (attention)").
     */
    private static String message(RangeAggregate a) {
        boolean indexed = a.level() == RangeLevel.STEP || a.level() == RangeLevel.LAYER;
        return indexed ? a.text().replaceFirst("^(\\S+) \\d+", "$1") : a.text();
    }
}
