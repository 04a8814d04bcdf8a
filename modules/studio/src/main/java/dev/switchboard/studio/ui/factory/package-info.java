/** The application factory panel: intent, specification, validation, architecture diagram, files, runs. */
package dev.switchboard.studio.ui.factory;
