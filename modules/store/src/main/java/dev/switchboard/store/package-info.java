/**
 * The workstation's SQLite database: where it lives ({@link dev.switchboard.store.DataDir}), opening
 * and checking it ({@link dev.switchboard.store.Database}), backups and recovery from damage. No JavaFX.
 */
package dev.switchboard.store;
