/** The studio's logic without JavaFX: generation, factory, operations, prediction and fraud detection. */
package dev.switchboard.studio.engine;
