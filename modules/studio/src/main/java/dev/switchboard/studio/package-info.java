/** Studio: generation on GPU workers, the application factory, operations, and the prediction panels. */
package dev.switchboard.studio;
