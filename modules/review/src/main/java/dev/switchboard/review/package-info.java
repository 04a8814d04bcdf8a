/** Supervisor review of recorded training sessions. */
package dev.switchboard.review;
