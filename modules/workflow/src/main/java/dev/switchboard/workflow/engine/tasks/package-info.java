/** The built-in task types: log, noop, wait, wait.event, approval, llm, query, notify, http, subflow, and the
 * exercise requests city.incident, city.scenario and call.ring that reach other capabilities through the bus. */
package dev.switchboard.workflow.engine.tasks;
