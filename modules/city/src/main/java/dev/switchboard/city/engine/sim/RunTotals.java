package dev.switchboard.city.engine.sim;

/**
 * Totals of a simulation so far.
 *
 * @param dispatches units sent (one per unit and assignment)
 * @param arrivals units that reached a scene
 * @param meanResponseSeconds mean simulated time from dispatch to arrival on scene (turnout included), 0 before
 *                            any arrival
 * @param eventLogEntries significant events recorded (also counted without an event log)
 */
public record RunTotals(long incidentsCreated, long incidentsResolved, long dispatches, long arrivals,
                        double meanResponseSeconds, long patientsDelivered, long eventLogEntries) {
}
