package org.fusescope.profiler.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import org.fusescope.assets.Samples;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code compare}'s verdicts with their spread and {@code --fail-above}, on the bundled H100 recording. */
class CompareVerdictsTest {
    private static final String FUSED = "fused b=16 graph";
    private static final String UNFUSED = "unfused b=16 graph";

    @TempDir
    static Path dir;

    private static Path sample;

    @BeforeAll
    static void copySample() {
        sample = Samples.copyTo(Samples.H100_MOE, dir);
    }

    private static Cli.Result compare(String baseline, String candidate, String... more) {
        String[] args = new String[4 + more.length];
        args[0] = "compare";
        args[1] = sample.toString();
        args[2] = "--runs";
        args[3] = baseline + "," + candidate;
        System.arraycopy(more, 0, args, 4, more.length);
        return Cli.run(args);
    }

    private static JsonNode row(JsonNode table, String item) {
        for (JsonNode row : table) {
            if (row.path("Item").asText().equals(item)
                    || row.path("Group").asText().equals(item)) {
                return row;
            }
        }
        throw new AssertionError(item + " not in " + table);
    }

    @Test
    void theTableShowsAVerdictPerStepTimeAndGroupAndWhereRemovedWorkWent() {
        Cli.Result r = compare(UNFUSED, FUSED, "--section", "verdicts");
        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(r.out())
                .contains("Verdicts per decode step (median and IQR over 20 and 20 steps")
                .containsPattern("step Wall\\s+faster\\s")
                .containsPattern("shared_expert\\s+removed\\s.*moved into grouped_gemm1, silu_and_mul, grouped_gemm2"
                        + " \\(shared_as_expert\\)")
                .containsPattern("shared_gate\\s+removed\\s.*moved into topk_softmax, moe_sum_reduce")
                .containsPattern("grouped_gemm2\\s+within noise\\s");
    }

    @Test
    void jsonCarriesTheVerdictTheSpreadAndTheInterval() throws Exception {
        Cli.Result r = compare(UNFUSED, FUSED, "--format", "json");
        assertThat(r.exitCode()).as(r.err()).isZero();
        JsonNode pair = new ObjectMapper().readTree(r.out()).path(UNFUSED + " -> " + FUSED);

        JsonNode wall = row(pair.path("verdicts"), "step Wall");
        assertThat(wall.path("Verdict").asText()).isEqualTo("faster");
        double baseMedian = wall.path("Baseline Median").asDouble();
        double candMedian = wall.path("Candidate Median").asDouble();
        assertThat(candMedian).isPositive().isLessThan(baseMedian);
        assertThat(wall.path("Baseline IQR").asDouble()).isPositive();
        assertThat(wall.path("Candidate IQR").asDouble()).isPositive();
        assertThat(wall.path("Change").asDouble()).isEqualTo(100 * (candMedian - baseMedian) / baseMedian);
        assertThat(wall.path("Change Low").asDouble())
                .isLessThanOrEqualTo(wall.path("Change").asDouble());
        assertThat(wall.path("Change High").asDouble())
                .isBetween(wall.path("Change").asDouble(), 0.0);

        JsonNode removed = row(pair.path("verdicts"), "shared_expert");
        assertThat(removed.path("Verdict").asText()).isEqualTo("removed");
        assertThat(removed.path("Moved Work").asText())
                .contains("grouped_gemm1")
                .contains("shared_as_expert");

        JsonNode group = row(pair.path("groups"), "grouped_gemm2");
        assertThat(group.path("Change").asText()).isEqualTo("WITHIN_NOISE");
        double delta = group.path("Delta Time").asDouble();
        assertThat(group.path("Delta Low").asDouble()).isLessThan(delta);
        assertThat(group.path("Delta High").asDouble()).isGreaterThan(delta);
        assertThat(group.has("Baseline IQR")).isTrue();
        assertThat(group.has("Moved Work")).isTrue();

        JsonNode stepWall = pair.path("step-totals").get(1);
        assertThat(stepWall.path("Metric").asText()).isEqualTo("Wall");
        assertThat(stepWall.path("Change").asText()).isEqualTo("FASTER");
        assertThat(pair.has("fail-above")).isFalse();
    }

    @Test
    void failAboveExitsThreeWhenTheCandidateIsSlowerBeyondTheNoise() {
        Cli.Result worse = compare(FUSED, UNFUSED, "--fail-above", "1");
        assertThat(worse.exitCode())
                .as(worse.err())
                .isEqualTo(CompareCommand.REGRESSION)
                .isEqualTo(3);
        assertThat(worse.err()).contains("median step wall").contains("worse by more than 1 % beyond the noise");
        assertThat(worse.out()).containsPattern("wall\\s+1\\.0\\s.*slower\\s+yes");

        Cli.Result better = compare(UNFUSED, FUSED, "--fail-above", "1");
        assertThat(better.exitCode()).as(better.err()).isZero();
        assertThat(better.err()).contains("not worse by more than 1 %");
    }

    @Test
    void failAboveComparesTheLowerEndOfTheIntervalWithTheThreshold() throws Exception {
        Cli.Result json = compare(FUSED, UNFUSED, "--fail-above", "1", "--format", "json", "--section", "fail-above");
        JsonNode gate = new ObjectMapper()
                .readTree(json.out())
                .path(FUSED + " -> " + UNFUSED)
                .path("fail-above")
                .get(0);
        double low = gate.path("Change Low").asDouble();
        assertThat(gate.path("Failed").asText()).isEqualTo("yes");
        assertThat(low).isGreaterThan(1);

        String below = String.valueOf(Math.floor(low) - 0.5);
        String above = String.valueOf(Math.ceil(low) + 0.5);
        assertThat(compare(FUSED, UNFUSED, "--fail-above", below).exitCode()).isEqualTo(3);
        assertThat(compare(FUSED, UNFUSED, "--fail-above", above).exitCode()).isZero();
    }

    @Test
    void failAboveCanCheckGpuBusyTimeInstead() {
        Cli.Result busy = compare(FUSED, UNFUSED, "--fail-above", "1", "--fail-metric", "gpu-busy");
        assertThat(busy.exitCode()).as(busy.err()).isEqualTo(3);
        assertThat(busy.err()).contains("median step gpu-busy");
        assertThat(compare(FUSED, UNFUSED, "--fail-above", "10", "--fail-metric", "gpu-busy")
                        .exitCode())
                .isZero();
    }

    @Test
    void aChangeWhoseIntervalHoldsZeroNeverFails() {
        // The same kernels enqueued two ways: their GPU busy time differs by the noise alone.
        Cli.Result r = compare(
                "unfused b=64 graph",
                "unfused b=64 eager",
                "--fail-above",
                "0",
                "--fail-metric",
                "gpu-busy",
                "--section",
                "fail-above");
        assertThat(r.out()).containsPattern("gpu-busy\\s+0\\.0\\s.*within noise\\s+no");
        assertThat(r.exitCode()).as(r.err()).isZero();
    }

    @Test
    void withoutRunsEveryPairIsChecked() {
        Cli.Result r = Cli.run("compare", sample.toString(), "--fail-above", "1", "--section", "fail-above");
        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(r.err().lines().filter(l -> l.contains("--fail-above"))).hasSize(6);
    }

    @Test
    void badFailOptionsAreUsageErrors() {
        assertThat(compare(FUSED, UNFUSED, "--fail-above", "-1").exitCode()).isEqualTo(2);
        assertThat(compare(FUSED, UNFUSED, "--fail-above", "1", "--fail-metric", "kernels")
                        .exitCode())
                .isEqualTo(2);
    }
}
