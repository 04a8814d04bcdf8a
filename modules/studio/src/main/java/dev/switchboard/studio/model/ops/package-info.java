/** What operations works with: snapshots of workers, queue, usage and the workstation; scaling decisions. */
package dev.switchboard.studio.model.ops;
