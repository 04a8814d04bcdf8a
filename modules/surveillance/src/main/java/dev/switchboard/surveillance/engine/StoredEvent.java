package dev.switchboard.surveillance.engine;

import dev.switchboard.surveillance.model.CameraEvent;

/** An event as stored, with the id of its distinct description (which carries the embedding). */
public record StoredEvent(CameraEvent event, int phraseId) {
}
