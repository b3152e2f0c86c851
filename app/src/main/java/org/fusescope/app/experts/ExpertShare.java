package org.fusescope.app.experts;

import java.util.Comparator;
import java.util.List;
import java.util.stream.IntStream;

/**
 * One routed expert's load at one layer and step: its tokens (slots) and their share of all routed
 * tokens. Immutable.
 *
 * @param expert the expert id
 * @param count tokens routed to it
 * @param share count / all routed tokens (0..1)
 */
public record ExpertShare(int expert, int count, double share) {
    /**
     * The {@code n} routed experts (the first {@code routed} counts; the shared expert is never one)
     * with the most tokens, most first, ties by id; experts without tokens are left out.
     */
    public static List<ExpertShare> top(List<Integer> tokensPerExpert, int routed, int n) {
        long total = 0;
        for (int e = 0; e < routed; e++) {
            total += tokensPerExpert.get(e);
        }
        double all = total;
        return IntStream.range(0, routed)
                .filter(e -> tokensPerExpert.get(e) > 0)
                .mapToObj(e -> new ExpertShare(e, tokensPerExpert.get(e), tokensPerExpert.get(e) / all))
                .sorted(Comparator.comparingInt(ExpertShare::count).reversed().thenComparingInt(ExpertShare::expert))
                .limit(n)
                .toList();
    }
}
