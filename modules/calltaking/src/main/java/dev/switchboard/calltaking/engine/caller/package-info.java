/**
 * The simulated caller: {@link dev.switchboard.calltaking.engine.caller.IntentClassifier} reads what the trainee
 * said as {@link dev.switchboard.calltaking.engine.caller.Intent}s, and a
 * {@link dev.switchboard.calltaking.engine.caller.CallerEngine} answers in role from the scenario's facts:
 * {@link dev.switchboard.calltaking.engine.caller.OfflineCaller} by rules (deterministic for a seed), or
 * {@link dev.switchboard.calltaking.engine.caller.LlmCaller} through the AI gateway with the offline engine
 * keeping the state and standing in on any failure. No JavaFX here.
 */
package dev.switchboard.calltaking.engine.caller;
