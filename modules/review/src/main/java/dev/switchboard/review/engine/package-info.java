/** The review's logic without JavaFX: reading sessions, sync and replay, search, notes, reports, benchmarks. */
package dev.switchboard.review.engine;
