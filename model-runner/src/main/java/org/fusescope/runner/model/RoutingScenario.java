package org.fusescope.runner.model;

import java.nio.file.Path;
import java.util.Optional;
import org.fusescope.kernels.shape.Args;

/**
 * What decides each token's experts: the real router GEMM ({@code router}, the default) or a synthetic
 * or recorded routing that replaces it. Spelled on the command line as {@code router}, {@code uniform},
 * {@code zipf:S}, {@code hot:N:FRACTION} or {@code file:PATH} (see {@link #parse}). Expert ranks are the
 * expert ids: under {@code zipf} expert 0 is the most popular, under {@code hot} experts {@code 0..N-1}
 * are the hot ones. Implementations are immutable and thread-safe.
 */
public sealed interface RoutingScenario
        permits RoutingScenario.Router,
                RoutingScenario.Uniform,
                RoutingScenario.Zipf,
                RoutingScenario.Hot,
                RecordedRouting {
    /** The spellings {@link #parse} accepts, for help texts and errors. */
    String FORMS = "router, uniform, zipf:S, hot:N:FRACTION or file:PATH";

    /**
     * The routing of {@code tokens} tokens at {@code layer}, or empty when the router GEMM decides.
     * Deterministic for {@code (tokens, experts, topK, seed, layer)}.
     *
     * @throws IllegalArgumentException when the scenario cannot route this model (e.g. a recording of
     *     another E or K, a hot fraction that K distinct experts per token cannot reach)
     */
    Optional<TopkRouting> route(int tokens, int experts, int topK, long seed, int layer);

    /** The spelling that {@link #parse} turns back into this scenario. */
    String spec();

    /**
     * Parses a scenario.
     *
     * @throws IllegalArgumentException naming the text and the accepted forms when it is malformed;
     *     {@code file:} reads and checks the file at once
     */
    static RoutingScenario parse(String text) {
        String s = text == null ? "" : text.strip();
        String[] parts = s.split(":", -1);
        switch (parts[0]) {
            case "router" -> {
                ScenarioArgs.count(s, parts, 1);
                return new Router();
            }
            case "uniform" -> {
                ScenarioArgs.count(s, parts, 1);
                return new Uniform();
            }
            case "zipf" -> {
                ScenarioArgs.count(s, parts, 2);
                return new Zipf(ScenarioArgs.number(s, "S", parts[1], 0, 100));
            }
            case "hot" -> {
                ScenarioArgs.count(s, parts, 3);
                return new Hot(
                        ScenarioArgs.integer(s, "N", parts[1]), ScenarioArgs.number(s, "FRACTION", parts[2], 0, 1));
            }
            case "file" -> {
                Args.check(s.length() > "file:".length(), "routing scenario '" + s + "': file: needs a PATH");
                return RecordedRouting.load(Path.of(s.substring("file:".length())));
            }
            default -> throw new IllegalArgumentException("unknown routing scenario '" + s + "': expected " + FORMS);
        }
    }

    /** The router GEMM decides: {@link #route} is always empty. */
    record Router() implements RoutingScenario {
        @Override
        public Optional<TopkRouting> route(int tokens, int experts, int topK, long seed, int layer) {
            return Optional.empty();
        }

        @Override
        public String spec() {
            return "router";
        }
    }

    /** Every token's K experts drawn uniformly without replacement. */
    record Uniform() implements RoutingScenario {
        @Override
        public Optional<TopkRouting> route(int tokens, int experts, int topK, long seed, int layer) {
            return Optional.of(SampledRouting.zipf(0, tokens, experts, topK, seed, layer));
        }

        @Override
        public String spec() {
            return "uniform";
        }
    }

    /**
     * Experts drawn without replacement with probability proportional to {@code 1/(rank+1)^s} (rank =
     * expert id); s = 0 is uniform.
     *
     * @param s the exponent, ≥ 0
     */
    record Zipf(double s) implements RoutingScenario {
        public Zipf {
            Args.check(s >= 0 && s <= 100, "zipf exponent must be in [0, 100], not " + s);
        }

        @Override
        public Optional<TopkRouting> route(int tokens, int experts, int topK, long seed, int layer) {
            return Optional.of(SampledRouting.zipf(s, tokens, experts, topK, seed, layer));
        }

        @Override
        public String spec() {
            return "zipf:" + s;
        }
    }

    /**
     * Experts {@code 0..n-1} receive about {@code fraction} of all slots (exactly that in expectation),
     * spread uniformly among them; the other slots go uniformly to the other experts.
     *
     * @param n hot experts, ≥ 1
     * @param fraction of all M·K slots, in [0, 1]
     */
    record Hot(int n, double fraction) implements RoutingScenario {
        public Hot {
            Args.check(n >= 1, "hot experts N must be at least 1, not " + n);
            Args.check(fraction >= 0 && fraction <= 1, "hot FRACTION must be in [0, 1], not " + fraction);
        }

        @Override
        public Optional<TopkRouting> route(int tokens, int experts, int topK, long seed, int layer) {
            return Optional.of(SampledRouting.hot(this, tokens, experts, topK, seed, layer));
        }

        @Override
        public String spec() {
            return "hot:" + n + ":" + fraction;
        }
    }
}
