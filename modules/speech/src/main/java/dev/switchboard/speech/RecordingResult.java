package dev.switchboard.speech;

/**
 * A finished recording.
 *
 * @param durationMs length of the audio in the file
 * @param sha256Hex  SHA-256 of the whole file, lower-case hex, for the recording table
 */
public record RecordingResult(long durationMs, String sha256Hex) {
}
