/**
 * The task-type SPI: what a capability implements to add its own kind of workflow task without the engine
 * knowing it. Implementations are listed in {@code META-INF/services/dev.switchboard.workflow.spi.TaskType} or
 * handed to the engine by the composition root. No JavaFX here.
 */
package dev.switchboard.workflow.spi;
