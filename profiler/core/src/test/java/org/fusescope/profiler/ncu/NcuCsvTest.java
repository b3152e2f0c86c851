package org.fusescope.profiler.ncu;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.fusescope.profiler.model.Dim3;
import org.junit.jupiter.api.Test;

/**
 * The ncu CSV reader on text in ncu's two layouts (written by hand in the layout ncu 2025 prints: the
 * program's output first, a header starting with "ID", quoted cells, thousands separators, units).
 */
class NcuCsvTest {
    private static final String RAW =
            """
            fusescope: b=16 eager fused ...
            ==PROF== Connected to process 4242 (/tmp/fs/bundle/jre/bin/java)
            ==PROF== Profiling "rmsnorm_kernel" - 0: 0%....50%....100% - 1 pass
            "ID","Process ID","Process Name","Host Name","Kernel Name","Context","Stream","Block Size","Grid Size","Device","CC","dram__bytes_read.sum","dram__bytes_write.sum","gpu__time_duration.sum","lts__t_sector_hit_rate.pct","sm__throughput.avg.pct_of_peak_sustained_elapsed"
            "","","","","","","","","","","","Mbyte","Kbyte","usecond","%","%"
            "0","4242","java","127.0.0.1","rmsnorm_kernel","1","13","(256, 1, 1)","(16, 1, 1)","0","9.0","1.50","2,048.00","3.25","41.2","12.5"
            "1","4242","java","127.0.0.1","void moe_gemm<128, 2>(bf16 const*, int)","1","13","(128, 1, 1)","(132, 4, 1)","0","9.0","1,234.56","n/a","101.00","60","88.1"
            """;

    @Test
    void rawPageScalesUnitsAndSkipsTheProgramsOutput() {
        List<NcuKernel> k = NcuCsv.parse(RAW);
        assertThat(k).hasSize(2);
        assertThat(k.get(0).name()).isEqualTo("rmsnorm_kernel");
        assertThat(k.get(0).grid()).isEqualTo(new Dim3(16, 1, 1));
        assertThat(k.get(0).block()).isEqualTo(new Dim3(256, 1, 1));
        assertThat(k.get(0).value(NcuMetric.DRAM_READ)).isEqualTo(1.5e6);
        assertThat(k.get(0).value(NcuMetric.DRAM_WRITE)).isEqualTo(2.048e6);
        assertThat(k.get(0).value(NcuMetric.DURATION)).isEqualTo(3250.0);
        assertThat(k.get(1).id()).isEqualTo(1);
        assertThat(k.get(1).grid()).isEqualTo(new Dim3(132, 4, 1));
        assertThat(k.get(1).value(NcuMetric.DRAM_READ)).isEqualTo(1.23456e9, org.assertj.core.data.Offset.offset(1.0));
        assertThat(k.get(1).values()).doesNotContainKey(NcuMetric.DRAM_WRITE);
        assertThat(k.get(1).value(NcuMetric.DRAM_WRITE)).isNaN();
        assertThat(k.get(1).value(NcuMetric.ACHIEVED_OCCUPANCY)).isNaN();
    }

    @Test
    void detailsPageGathersOneRowPerMetric() {
        String details =
                """
                "ID","Process ID","Process Name","Host Name","Kernel Name","Context","Stream","Block Size","Grid Size","Device","CC","Section Name","Metric Name","Metric Unit","Metric Value"
                "0","1","java","h","topk_softmax","1","7","(64, 1, 1)","(4, 1, 1)","0","9.0","Command line profiler metrics","gpu__time_duration.sum","nsecond","4,912"
                "0","1","java","h","topk_softmax","1","7","(64, 1, 1)","(4, 1, 1)","0","9.0","Command line profiler metrics","dram__bytes_read.sum","byte","65,536"
                "0","1","java","h","topk_softmax","1","7","(64, 1, 1)","(4, 1, 1)","0","9.0","Command line profiler metrics","smsp__cycles.sum","cycle","77"
                "1","1","java","h","topk_softmax","1","7","(64, 1, 1)","(4, 1, 1)","0","9.0","Command line profiler metrics","gpu__time_duration.sum","usecond","5.10"
                """;
        List<NcuKernel> k = NcuCsv.parse(details);
        assertThat(k).extracting(NcuKernel::id).containsExactly(0, 1);
        assertThat(k.get(0).value(NcuMetric.DURATION)).isEqualTo(4912.0);
        assertThat(k.get(0).value(NcuMetric.DRAM_READ)).isEqualTo(65536.0);
        assertThat(k.get(1).value(NcuMetric.DURATION)).isEqualTo(5100.0, org.assertj.core.data.Offset.offset(1e-9));
    }

    @Test
    void badInputNamesTheLineAndTheProblem() {
        assertThatThrownBy(() -> NcuCsv.parse("==PROF== error: no kernels were profiled\n"))
                .hasMessageContaining("no ncu CSV header");
        assertThatThrownBy(() -> NcuCsv.parse(RAW.replace("\"3.25\"", "\"fast\"")))
                .hasMessageContaining("line 6")
                .hasMessageContaining("gpu__time_duration.sum is not a number: fast");
        assertThatThrownBy(() -> NcuCsv.parse(RAW.replace("usecond", "fortnight")))
                .hasMessageContaining("unit \"fortnight\"");
        assertThatThrownBy(() -> NcuCsv.parse(RAW.replace("(132, 4, 1)", "(132, 4)")))
                .hasMessageContaining("line 7")
                .hasMessageContaining("not a grid or block shape");
    }

    @Test
    void functionNamesDropReturnTypeTemplatesAndParameters() {
        assertThat(KernelNames.function("void ns::moe_gemm<128, (int)2>(bf16 const*, int)"))
                .isEqualTo("ns::moe_gemm");
        assertThat(KernelNames.function("topk_softmax")).isEqualTo("topk_softmax");
        assertThat(KernelNames.function("rmsnorm_kernel(float*)")).isEqualTo("rmsnorm_kernel");
    }
}
