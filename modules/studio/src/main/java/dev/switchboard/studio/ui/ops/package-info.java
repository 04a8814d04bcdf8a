/** The operations panel: workers, queue, AI usage and the workstation as charts; auto-scaling; metrics endpoint. */
package dev.switchboard.studio.ui.ops;
