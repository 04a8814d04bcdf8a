package dev.switchboard.city.engine.sim;

/**
 * What a coordinator's model calls cost, against the naive design that sends every sensor event to a model
 * (events × {@value #NAIVE_TOKENS_PER_EVENT} tokens at the same price). Immutable.
 *
 * @param calls model calls answered (online, cached or by the offline fallback)
 * @param offlineCalls of those, answered by the offline fallback
 * @param tokensIn prompt tokens reported by the providers
 * @param tokensOut answer tokens reported by the providers
 * @param costUsd estimated cost reported by the providers
 * @param naiveTokens tokens the naive design would have sent for the events seen so far
 * @param naiveCostUsd what those would cost at {@code usdPerMillionTokens}
 * @param usdPerMillionTokens price used for the naive estimate: the providers' own where known
 * @param commandsParsed model commands that parsed
 * @param linesDropped model output lines that did not parse (logged and ignored)
 * @param lastSource label of the latest answer's provenance, or "rules" when no model has answered
 */
public record CoordinatorUsage(long calls, long offlineCalls, long tokensIn, long tokensOut, double costUsd,
                               long naiveTokens, double naiveCostUsd, double usdPerMillionTokens,
                               long commandsParsed, long linesDropped, String lastSource) {

    /** Tokens the naive design sends per sensor event. */
    public static final int NAIVE_TOKENS_PER_EVENT = 40;

    /** Tokens actually sent and received. */
    public long tokens() {
        return tokensIn + tokensOut;
    }

    /** Share of the naive cost saved, 0..1 (1 when nothing was spent). */
    public double savedShare() {
        return naiveCostUsd <= 0 ? 0 : Math.max(0, 1 - costUsd / naiveCostUsd);
    }
}
