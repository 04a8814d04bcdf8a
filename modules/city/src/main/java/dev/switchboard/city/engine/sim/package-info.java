/**
 * The control room's simulation: units and their lifecycle, incidents and their scene work, the coordinator
 * that recommends dispatches (rules, or a chat model read through the dispatch grammar), scripted crises, and
 * {@link dev.switchboard.city.engine.sim.CitySimulation}, which runs it all one tick at a time on its own
 * thread and hands the UI an immutable snapshot per tick. {@link dev.switchboard.city.engine.sim.CityRun} is
 * the headless run behind {@code switchboard city run}. No JavaFX here.
 */
package dev.switchboard.city.engine.sim;
