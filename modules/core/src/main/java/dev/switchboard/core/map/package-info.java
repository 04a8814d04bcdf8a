/**
 * Requests to show places on the control-room map, shared between capabilities: the capability that asks and the
 * control room that draws share only these records; neither imports the other.
 */
package dev.switchboard.core.map;
