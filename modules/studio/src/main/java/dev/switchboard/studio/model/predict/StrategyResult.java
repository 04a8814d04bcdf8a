package dev.switchboard.studio.model.predict;

/**
 * A rule-based strategy backtested bar by bar against buying and holding, both after the same trading fee.
 *
 * @param rule             the strategy's rules in words
 * @param feeRate          fee per trade as a fraction of its value (0.001 = 0.1 %)
 * @param strategyReturn   net return of the strategy over the series (0.05 = +5 %)
 * @param buyAndHoldReturn net return of buying at the first bar and selling at the last
 * @param trades           closed positions
 * @param winningTrades    positions closed with a profit after fees
 * @param maxDrawdown      the strategy's largest peak-to-trough fall of equity (0.1 = 10 %)
 * @param equity           the strategy's equity per bar, starting at 1
 * @param buyAndHoldEquity buy-and-hold's equity per bar, starting at 1
 */
public record StrategyResult(String rule, double feeRate, double strategyReturn, double buyAndHoldReturn, int trades,
                             int winningTrades, double maxDrawdown, double[] equity, double[] buyAndHoldEquity) {

    public boolean beatsBuyAndHold() {
        return strategyReturn > buyAndHoldReturn;
    }
}
