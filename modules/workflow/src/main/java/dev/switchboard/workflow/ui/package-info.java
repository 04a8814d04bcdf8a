/** The Workflows workspace: the designer (canvas two-way with YAML), runs with live state, the approval inbox. */
package dev.switchboard.workflow.ui;
