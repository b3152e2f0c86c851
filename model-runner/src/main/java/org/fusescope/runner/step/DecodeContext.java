package org.fusescope.runner.step;

/**
 * The context the attention layers of a decode step see. Immutable.
 *
 * @param tokens tokens each request already holds in its KV cache: the new token's position (its
 *     rotary angle) and the {@code --context} length of a run
 * @param splits parts decode attention divides the context into (1: one pass; more: partial results
 *     that {@code decode_attention_combine} merges); the attention kernel picks it
 */
public record DecodeContext(int tokens, int splits) {
    /** The context of a run that does not set one. */
    public static final DecodeContext DEFAULT = new DecodeContext(1024, 1);

    /** @throws IllegalArgumentException for negative tokens, or splits outside 1..attendedTokens */
    public DecodeContext {
        if (tokens < 0 || tokens == Integer.MAX_VALUE) {
            throw new IllegalArgumentException(
                    "context must be in 0.." + (Integer.MAX_VALUE - 1) + " tokens, not " + tokens);
        }
        if (splits < 1 || splits > tokens + 1) {
            throw new IllegalArgumentException("decode attention splits must be in 1.." + (tokens + 1)
                    + " (one token each at least), not " + splits);
        }
    }

    /** One pass over a context of {@code tokens}. */
    public static DecodeContext of(int tokens) {
        return new DecodeContext(tokens, 1);
    }

    /** Tokens decode attention reads from the cache: the context plus the token this step appends. */
    public int attendedTokens() {
        return tokens + 1;
    }

    /** Whether decode attention writes partial results that a combine kernel merges. */
    public boolean isSplit() {
        return splits > 1;
    }
}
