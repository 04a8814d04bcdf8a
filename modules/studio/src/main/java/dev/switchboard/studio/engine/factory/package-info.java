/** The application factory: intent, specification and validation, architecture, code generation, runs. */
package dev.switchboard.studio.engine.factory;
