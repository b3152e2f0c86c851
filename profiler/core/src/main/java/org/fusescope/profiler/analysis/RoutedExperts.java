package org.fusescope.profiler.analysis;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.function.IntUnaryOperator;
import org.fusescope.profiler.model.RunInfo;

/**
 * How many of a run's per-expert counts are routed experts: a run with the shared expert appended as
 * expert E (fusion {@code shared_as_expert}) has E + 1 counts, and the shared expert, which every token
 * visits, would otherwise be the maximum and raise every imbalance. The model config's {@code
 * num_experts} when it has one (and it is not more than the counts), else the counts less one under
 * {@code shared_as_expert}, else all counts. Stateless.
 */
public final class RoutedExperts {
    /** The fusion that appends the shared expert as expert E. */
    public static final String SHARED_AS_EXPERT = "shared_as_expert";

    private static final ObjectMapper JSON = new ObjectMapper();

    private RoutedExperts() {}

    /** The routed experts among {@code counts} per-expert counts of {@code run}. */
    public static int of(RunInfo run, int counts) {
        return forRun(run).applyAsInt(counts);
    }

    /**
     * {@link #of} for every count of one run, with its config read once (for callers that ask per
     * expert-count row or per drawn bar).
     */
    public static IntUnaryOperator forRun(RunInfo run) {
        int configured = configured(run.configJson());
        boolean sharedAsExpert = run.fusions().contains(SHARED_AS_EXPERT);
        return counts -> {
            if (configured > 0 && configured <= counts) {
                return configured;
            }
            return sharedAsExpert && counts > 0 ? counts - 1 : counts;
        };
    }

    private static int configured(String configJson) {
        try {
            return JSON.readTree(configJson).path("num_experts").asInt(0);
        } catch (JsonProcessingException e) {
            return 0;
        }
    }
}
