/** Streaming CSV reading with {@code file:line: column: message} problems, shared by the market and fraud imports. */
package dev.switchboard.studio.engine.csv;
