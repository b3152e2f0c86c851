package org.fusescope.runner.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class RoutingScenarioTest {
    private static final int E = 64;
    private static final int K = 8;

    @TempDir
    Path dir;

    @Test
    void routerLeavesTheDecisionToTheGemm() {
        RoutingScenario router = RoutingScenario.parse("router");
        assertThat(router.route(4, E, K, 1, 0)).isEmpty();
        assertThat(router.spec()).isEqualTo("router");
    }

    @ParameterizedTest
    @ValueSource(strings = {"uniform", "zipf:1.2", "hot:4:0.4", "hot:1:0.125"})
    void distinctExpertsAndNormalizedWeights(String spec) {
        RoutingScenario s = RoutingScenario.parse(spec);
        assertThat(RoutingScenario.parse(s.spec())).isEqualTo(s);
        TopkRouting r = s.route(500, E, K, 3, 2).orElseThrow();
        for (int t = 0; t < r.tokens(); t++) {
            Set<Integer> experts = new HashSet<>();
            double sum = 0;
            for (int k = 0; k < K; k++) {
                assertThat(r.ids()[t * K + k]).isBetween(0, E - 1);
                experts.add(r.ids()[t * K + k]);
                assertThat(r.weights()[t * K + k]).isPositive();
                sum += r.weights()[t * K + k];
            }
            assertThat(experts).hasSize(K);
            assertThat(sum).isCloseTo(1, within(1e-5));
        }
        assertThat(s.route(500, E, K, 3, 2).orElseThrow().ids()).isEqualTo(r.ids());
        assertThat(s.route(500, E, K, 4, 2).orElseThrow().ids()).isNotEqualTo(r.ids());
        assertThat(s.route(500, E, K, 3, 3).orElseThrow().ids()).isNotEqualTo(r.ids());
    }

    @Test
    void hotExpertsGetTheirFraction() {
        int tokens = 4000;
        int[] count = RoutingScenario.parse("hot:4:0.3")
                .route(tokens, E, K, 9, 0)
                .orElseThrow()
                .counts(E);
        long hot = count[0] + count[1] + count[2] + count[3];
        assertThat(hot / (double) (tokens * K)).isCloseTo(0.3, within(0.01));
        assertThat(count[0]).isCloseTo(count[3], within(tokens / 10));
        assertThat(count[4]).isCloseTo(count[E - 1], within(tokens / 10));
    }

    @Test
    void zipfCountsFallWithRank() {
        int[] count = RoutingScenario.parse("zipf:1.0")
                .route(4000, E, K, 5, 0)
                .orElseThrow()
                .counts(E);
        for (int bucket = 1; bucket < E / 8; bucket++) {
            assertThat(sum(count, bucket * 8)).isLessThan(sum(count, (bucket - 1) * 8));
        }
        int[] flat = RoutingScenario.parse("zipf:0")
                .route(4000, E, K, 5, 0)
                .orElseThrow()
                .counts(E);
        assertThat(flat[0]).isCloseTo(flat[E - 1], within(150));
    }

    @Test
    void infeasibleHotFractionIsExplained() {
        assertThatThrownBy(() -> RoutingScenario.parse("hot:2:0.9").route(4, E, K, 1, 0))
                .hasMessageContaining("hot:2:0.9")
                .hasMessageContaining("[0, 2] slots");
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "",
                "routerx",
                "zipf",
                "zipf:x",
                "zipf:-1",
                "hot:4",
                "hot:0:0.5",
                "hot:4:1.5",
                "hot:a:0.5",
                "uniform:3",
                "file:"
            })
    void parseErrorsNameTheText(String spec) {
        assertThatThrownBy(() -> RoutingScenario.parse(spec))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'" + spec + "'");
    }

    @Test
    void recordedRoutingWrapsTokensAndLayers() throws IOException {
        Path file = Files.writeString(
                dir.resolve("routing.json"),
                "{\"experts\": 4, \"topk\": 2, \"layers\": [[[0, 1], [2, 3], [3, 0]], [[1, 2]]]}");
        RoutingScenario s = RoutingScenario.parse("file:" + file);
        assertThat(s.spec()).isEqualTo("file:" + file);
        TopkRouting r = s.route(4, 4, 2, 0, 0).orElseThrow();
        assertThat(r.ids()).containsExactly(0, 1, 2, 3, 3, 0, 0, 1);
        assertThat(r.weights()).containsOnly(0.5f);
        assertThat(s.route(2, 4, 2, 0, 3).orElseThrow().ids()).containsExactly(1, 2, 1, 2);
        assertThatThrownBy(() -> s.route(2, 8, 2, 0, 0)).hasMessageContaining("recorded for 4 experts, top-2");
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "{\"experts\": 4, \"topk\": 2, \"layers\": [[[0, 0]]]}",
                "{\"experts\": 4, \"topk\": 2, \"layers\": [[[0, 4]]]}",
                "{\"experts\": 4, \"topk\": 2, \"layers\": [[[0]]]}",
                "{\"experts\": 4, \"topk\": 5, \"layers\": [[[0]]]}",
                "{\"experts\": 4, \"topk\": 2, \"layers\": []}",
                "{\"topk\": 2, \"layers\": [[[0, 1]]]}",
                "[1]",
                "{\"experts\": 4"
            })
    void badRecordingsNameTheFile(String json) throws IOException {
        Path file = Files.writeString(dir.resolve("bad.json"), json);
        assertThatThrownBy(() -> RoutingScenario.parse("file:" + file)).hasMessageContaining(file.toString());
    }

    private static int sum(int[] count, int from) {
        int s = 0;
        for (int e = from; e < from + 8; e++) {
            s += count[e];
        }
        return s;
    }
}
