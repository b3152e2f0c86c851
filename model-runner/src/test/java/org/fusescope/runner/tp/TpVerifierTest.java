package org.fusescope.runner.tp;

import static org.assertj.core.api.Assertions.assertThat;

import org.fusescope.profiler.model.Problem;
import org.fusescope.profiler.model.Severity;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class TpVerifierTest {
    @ParameterizedTest(name = "TP {0}, layer {1}")
    @CsvSource({"2, 3, self_attn", "4, 3, self_attn", "2, 0, linear_attn", "4, 0, linear_attn"})
    void theSeedsHardcodedAllReduceIsCaughtNamingTheLayerAndTheMismatch(int ranks, int layer, String block) {
        TpFixture f = TpFixture.fresh(layer, 8);
        TpVerifier.Result r = TpVerifier.verify(
                new TpPlan(f.config(), ranks), f.mixer(), f.moe(), f.input(), TpReduction.SP_HARDCODED_ALL_REDUCE);
        assertThat(r.passed()).as(f.toString()).isFalse();
        Problem first = r.problems().get(0);
        assertThat(first.code()).isEqualTo(TpVerifier.CODE).isEqualTo("tp-mismatch");
        assertThat(first.severity()).isEqualTo(Severity.ERROR);
        assertThat(first.layer()).isEqualTo(layer);
        assertThat(first.message())
                .startsWith(
                        "layer " + layer + " (" + block + "), TP " + ranks + " sp-hardcoded-all-reduce: residual after")
                .contains("relative error")
                .contains("8 of 8 rows beyond 1e-04")
                .doesNotContain("\n");
        assertThat(r.checks().get(0).relNorm()).as(f.toString()).isGreaterThan(100 * TpVerifier.TOLERANCE);
    }

    @ParameterizedTest(name = "layer {0}")
    @CsvSource({"0", "3"})
    void onOneRankTheHardcodedAllReduceIsHarmless(int layer) {
        TpFixture f = TpFixture.fresh(layer, 4);
        TpVerifier.Result r = TpVerifier.verify(
                new TpPlan(f.config(), 1), f.mixer(), f.moe(), f.input(), TpReduction.SP_HARDCODED_ALL_REDUCE);
        assertThat(r.problems()).as(f.toString()).isEmpty();
    }
}
