/**
 * Requests an exercise workflow posts on the bus (ring a call, start a crisis, open an incident, show a notice)
 * and the answer of the capability that handled one. The workflow engine and the capabilities share only these
 * records; neither imports the other.
 */
package dev.switchboard.core.exercise;
