/** The review workspace: session list, session view with synced audio, timeline and map replay, progress. */
package dev.switchboard.review.ui;
