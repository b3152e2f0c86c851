package org.fusescope.runner.record;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.offset;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import org.fusescope.kernels.cuda.Bf16;
import org.fusescope.kernels.reference.TopkSoftmaxReference;
import org.fusescope.runner.model.SafetensorsFile;
import org.junit.jupiter.api.Test;

/**
 * The tensor dump of a real H100 run, read back and checked from its own tensors: {@code fusescope run
 * --preset tiny --batch 4 --variants unfused,fused --mode graph --iters 3 --verify --dump DIR} on the
 * H100 (2026-12-07, device call {@code session-checks.sh OUT a}). The routing is recomputed from the
 * dumped router logits, the align counts from the routing, and the two variants' block outputs must
 * agree within bf16 tolerance.
 */
class H100DumpTest {
    /** From the test class path (the GPU host runs the tests from the repository root, Maven from the module). */
    private static final Path DUMP = dumpFolder();

    private static final int M = 4;
    private static final int H = 256;
    private static final int E = 16;
    private static final int K = 4;

    private static Path dumpFolder() {
        try {
            return Path.of(H100DumpTest.class
                            .getResource("/dumps/h100-tiny/index.json")
                            .toURI())
                    .getParent();
        } catch (java.net.URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void theH100sRoutingIsTheReferencesOnItsOwnLogitsAndTheCountsFollowIt() throws Exception {
        for (JsonNode run : index().get("runs")) {
            String name = run.get("run").asText();
            SafetensorsFile f =
                    SafetensorsFile.open(DUMP.resolve(run.get("file").asText()));
            float[] logits = f.readF32("router_logits", M, E);
            TopkSoftmaxReference.Result ref = TopkSoftmaxReference.apply(logits, M, E, K, true);
            assertThat(f.readI32("topk_ids", M, K)).as(name).containsExactly(ref.ids());
            float[] weights = f.readF32("topk_weights", M, K);
            for (int i = 0; i < weights.length; i++) {
                assertThat(weights[i]).as(name + " weight " + i).isCloseTo(ref.weights()[i], offset(1e-6f));
            }
            boolean shared = run.get("variant").asText().equals("fused");
            int[] counts = f.readI32("expert_counts", shared ? E + 1 : E);
            int[] expected = new int[counts.length];
            for (int id : ref.ids()) {
                expected[id]++;
            }
            if (shared) {
                assertThat(f.readI32("shared_ids", M)).containsOnly(E);
                float[] gate = f.readF32("shared_gate", M);
                float[] sw = f.readF32("shared_weights", M);
                for (int t = 0; t < M; t++) {
                    assertThat(sw[t]).isCloseTo((float) (1 / (1 + Math.exp(-gate[t]))), offset(1e-6f));
                }
                expected[E] = M;
            }
            assertThat(counts).as(name + " counts").containsExactly(expected);
        }
    }

    @Test
    void fusedAndUnfusedBlockOutputsAgreeWithinBf16Tolerance() throws Exception {
        float[][] out = new float[2][];
        int i = 0;
        for (JsonNode run : index().get("runs")) {
            SafetensorsFile f =
                    SafetensorsFile.open(DUMP.resolve(run.get("file").asText()));
            short[] bits = f.readBf16("hidden_out", M, H);
            out[i] = new float[bits.length];
            for (int j = 0; j < bits.length; j++) {
                out[i][j] = Bf16.toFloat(bits[j]);
            }
            i++;
        }
        double diff = 0;
        double norm = 0;
        for (int j = 0; j < out[0].length; j++) {
            diff += Math.pow(out[1][j] - out[0][j], 2);
            norm += Math.pow(out[0][j], 2);
        }
        assertThat(norm).isPositive();
        assertThat(Math.sqrt(diff / norm)).isLessThan(1e-2);
    }

    private static JsonNode index() throws Exception {
        JsonNode index = new ObjectMapper().readTree(Files.readString(DUMP.resolve("index.json")));
        assertThat(index.get("runs")).hasSize(2);
        return index;
    }
}
