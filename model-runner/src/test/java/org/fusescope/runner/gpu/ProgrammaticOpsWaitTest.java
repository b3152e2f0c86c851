package org.fusescope.runner.gpu;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.fusescope.kernels.cuda.KernelSources;
import org.fusescope.profiler.ops.Op;
import org.junit.jupiter.api.Test;

/**
 * Every kernel of an op that GpuBlock launches programmatically (switch pdl) waits on the device
 * ({@code fs_pdl_wait()}, in its body or in a helper it calls) before it can read what the kernel before it
 * wrote: a kernel without the wait, launched so, races its predecessor (as grouped_gemm2_sum's first version did
 * on the H100). Reads the CUDA sources the library compiles.
 */
class ProgrammaticOpsWaitTest {
    /** The source of each programmatic op's kernels (all entries of the file are checked). */
    private static final Map<Op, String> SOURCES = Map.of(
            Op.FUSED_ADD_RMSNORM, "fused_add_rmsnorm",
            Op.ROUTER_GATE_GEMV, "router_gemv",
            Op.TOPK_SOFTMAX_SHARED_WIDE, "topk_softmax_wide",
            Op.MOE_ALIGN_SHARED_COUNTS, "moe_align_fused",
            Op.GROUPED_GEMM1, "grouped_gemm1",
            Op.GROUPED_GEMM1_SILU, "grouped_gemm1",
            Op.SILU_AND_MUL, "silu_and_mul",
            Op.GROUPED_GEMM2, "grouped_gemm2",
            Op.GROUPED_GEMM2_SUM, "grouped_gemm2",
            Op.MOE_SUM_REDUCE, "moe_sum_reduce");

    private static final String WAIT = "fs_pdl_wait()";
    private static final Pattern ENTRY =
            Pattern.compile("extern \"C\" __global__ void (?:__launch_bounds__\\([^)]*\\) )?(\\w+)\\(");
    private static final Pattern HELPER = Pattern.compile("__device__ __forceinline__ void (\\w+)\\(");

    @Test
    void everyEntryOfAProgrammaticOpWaitsBeforeItReadsItsPredecessorsOutput() {
        assertThat(SOURCES.keySet()).isEqualTo(GpuBlock.programmaticOps());
        for (String file : SOURCES.values().stream().distinct().toList()) {
            String text = KernelSources.load(file).source();
            List<String> waiting = helpersThatWait(text);
            List<int[]> entries = spans(ENTRY, text);
            assertThat(entries).as(file).isNotEmpty();
            for (int[] e : entries) {
                String body = text.substring(e[0], e[1]);
                String name = firstGroup(ENTRY, body);
                assertThat(body.contains(WAIT)
                                || waiting.stream().anyMatch(h -> body.contains(h + "<") || body.contains(h + "(")))
                        .as("%s.cu: %s neither calls %s nor a helper that does (%s)", file, name, WAIT, waiting)
                        .isTrue();
            }
        }
    }

    @Test
    void theCheckSeesAKernelWithoutTheWait() {
        String text = "__device__ __forceinline__ void helper() { fs_pdl_wait(); }\n"
                + "extern \"C\" __global__ void __launch_bounds__(256) good(int x) { helper(); }\n"
                + "extern \"C\" __global__ void bad(int x) { x++; }\n";
        List<String> waiting = helpersThatWait(text);
        assertThat(waiting).containsExactly("helper");
        List<Boolean> ok = new ArrayList<>();
        for (int[] e : spans(ENTRY, text)) {
            String body = text.substring(e[0], e[1]);
            ok.add(body.contains(WAIT) || waiting.stream().anyMatch(h -> body.contains(h + "(")));
        }
        assertThat(ok).containsExactly(true, false);
    }

    /** Device helpers whose text (up to the next helper or entry) calls fs_pdl_wait(). */
    private static List<String> helpersThatWait(String text) {
        List<String> out = new ArrayList<>();
        for (int[] h : spans(HELPER, text)) {
            String body = text.substring(h[0], h[1]);
            if (body.contains(WAIT)) {
                out.add(firstGroup(HELPER, body));
            }
        }
        return out;
    }

    /** From each match of {@code p} to the next device function or entry (or the end). */
    private static List<int[]> spans(Pattern p, String text) {
        List<int[]> out = new ArrayList<>();
        Matcher m = p.matcher(text);
        Pattern next = Pattern.compile("extern \"C\" __global__|__device__ __forceinline__");
        while (m.find()) {
            Matcher n = next.matcher(text);
            int end = n.find(m.end()) ? n.start() : text.length();
            out.add(new int[] {m.start(), end});
        }
        return out;
    }

    private static String firstGroup(Pattern p, String s) {
        Matcher m = p.matcher(s);
        return m.find() ? m.group(1) : "?";
    }
}
