/** What the review shows: sessions as listed, a recorded session read from its event log, notes and grades. */
package dev.switchboard.review.model;
