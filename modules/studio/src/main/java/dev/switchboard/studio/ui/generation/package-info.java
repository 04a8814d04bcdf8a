/** The generation panel (prompt, styles, queue with previews) and the gallery. */
package dev.switchboard.studio.ui.generation;
