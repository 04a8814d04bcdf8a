package dev.switchboard.ai;

import java.time.LocalDate;
import java.util.List;

/** The AI usage ledger as dashboards read it: calls, tokens and estimated cost per day, provider and use. */
public interface AiUsage {

    /** Rows for the days {@code from}..{@code to} inclusive, oldest first. */
    List<Day> days(LocalDate from, LocalDate to);

    /**
     * What one use asked of one provider and model on one day.
     *
     * @param provider "offline" for calls no provider answered
     * @param costUsd estimated from the provider's configured prices
     */
    record Day(LocalDate day, String provider, String model, AiUse use, long calls, long tokensIn, long tokensOut,
               double costUsd) {
    }
}
