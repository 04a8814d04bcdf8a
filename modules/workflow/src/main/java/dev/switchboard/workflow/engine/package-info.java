/**
 * The workflow engine without JavaFX: reading and checking definitions, expressions, the durable scheduler on the
 * SQLite store, approvals, operations, live progress, the built-in task types and the Temporal runner.
 */
package dev.switchboard.workflow.engine;
