/** The Studio workspace: one tab per panel. */
package dev.switchboard.studio.ui;
