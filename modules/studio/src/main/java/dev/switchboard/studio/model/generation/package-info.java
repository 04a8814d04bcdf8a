/** What the generation panel works with: style presets, gallery items and the events a result is used through. */
package dev.switchboard.studio.model.generation;
