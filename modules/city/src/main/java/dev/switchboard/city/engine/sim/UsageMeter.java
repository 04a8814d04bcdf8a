package dev.switchboard.city.engine.sim;

import dev.switchboard.ai.Provenance;

/** Adds up a coordinator's model usage and the naive comparison; read from any thread through {@link #snapshot}. */
final class UsageMeter {

    /** gpt-4o-mini's input price, the design's reference, used until a provider reports its own. */
    static final double DEFAULT_USD_PER_MILLION_TOKENS = 0.15;

    private long calls;
    private long offlineCalls;
    private long tokensIn;
    private long tokensOut;
    private double costUsd;
    private long naiveTokens;
    private double usdPerMillionTokens = DEFAULT_USD_PER_MILLION_TOKENS;
    private long commandsParsed;
    private long linesDropped;
    private String lastSource = "rules";
    private volatile CoordinatorUsage snapshot = build();

    synchronized void events(long count) {
        naiveTokens += count * CoordinatorUsage.NAIVE_TOKENS_PER_EVENT;
        snapshot = build();
    }

    synchronized void answered(Provenance p, int parsed, int dropped) {
        calls++;
        if (p.isOffline()) {
            offlineCalls++;
        }
        tokensIn += p.tokensIn();
        tokensOut += p.tokensOut();
        costUsd += p.estimatedCostUsd();
        int tokens = p.tokensIn() + p.tokensOut();
        if (p.estimatedCostUsd() > 0 && tokens > 0) {
            usdPerMillionTokens = p.estimatedCostUsd() / tokens * 1_000_000;
        }
        commandsParsed += parsed;
        linesDropped += dropped;
        lastSource = p.label();
        snapshot = build();
    }

    CoordinatorUsage snapshot() {
        return snapshot;
    }

    private CoordinatorUsage build() {
        return new CoordinatorUsage(calls, offlineCalls, tokensIn, tokensOut, costUsd, naiveTokens,
                naiveTokens * usdPerMillionTokens / 1_000_000, usdPerMillionTokens, commandsParsed, linesDropped,
                lastSource);
    }
}
