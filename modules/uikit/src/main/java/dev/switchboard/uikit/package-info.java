/**
 * JavaFX parts every workspace shares: the {@link dev.switchboard.uikit.Workspace} SPI and its context,
 * the view lifecycle, background tasks, dialogs, the theme and message bundles. Holds no store or
 * capability types; the app's composition root passes those in.
 */
package dev.switchboard.uikit;
