/** What the application factory works with: intent, specification, validation, architecture, generated files. */
package dev.switchboard.studio.model.factory;
