package dev.switchboard.store;

import java.nio.file.Path;
import java.time.Instant;

/**
 * One backup file of the database.
 *
 * @param createdAt when it was taken, to the second, read from its file name
 * @param reason why: {@code manual}, {@code daily}, {@code exit} or {@code before-restore}
 */
public record BackupInfo(Path file, Instant createdAt, long sizeBytes, String reason) {
}
