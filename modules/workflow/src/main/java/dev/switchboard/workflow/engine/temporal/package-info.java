/**
 * The same YAML definitions on Temporal, for a training centre that outgrows one machine: an interpreter workflow
 * walks the DAG, task types run as one activity, approval gates are signals, retries and timeouts are Temporal's
 * activity options. Off unless a Temporal server address is set; the embedded engine is the default.
 */
package dev.switchboard.workflow.engine.temporal;
