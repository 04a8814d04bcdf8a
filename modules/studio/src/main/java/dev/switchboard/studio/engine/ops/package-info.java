/** Operations: the workers' and the workstation's figures, Micrometer metrics, the Prometheus endpoint, scaling. */
package dev.switchboard.studio.engine.ops;
