package dev.switchboard.ai.engine.chat;

import dev.switchboard.ai.AiUse;
import java.time.LocalDate;

/**
 * One line of the usage dashboard: what one use asked of one provider and model on one day.
 *
 * @param provider "offline" for calls that found no usable provider
 * @param calls every call, whoever answered it
 * @param cacheHits calls answered from the response cache
 * @param costUsd estimated from the provider's configured prices
 * @param failures failed attempts, including ones a retry then made good
 * @param fallbacks calls the offline responder answered
 */
public record UsageRow(LocalDate day, String provider, String model, AiUse use, long calls, long cacheHits,
                       long tokensIn, long tokensOut, double costUsd, long failures, long fallbacks) {
}
