/** Workflow definitions, runs and their states as plain records: what the YAML says and what the store keeps. */
package dev.switchboard.workflow.model;
