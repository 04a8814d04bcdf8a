/** The catalogue of training sessions for the Home screen; what happened in each is in the event log. */
package dev.switchboard.store.session;
