package dev.switchboard.ai.engine.worker;

import dev.switchboard.core.error.SwitchboardException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;

/**
 * The finished images: {@code <folder>/<job id>.png}, written to a temporary file, forced to disk and
 * renamed, so a file with the final name is always complete; read back only when its SHA-256 matches.
 */
final class ImageFiles {

    private final Path folder;

    ImageFiles(Path folder) {
        this.folder = folder.toAbsolutePath().normalize();
        try {
            Files.createDirectories(this.folder);
        } catch (IOException e) {
            throw new SwitchboardException("Cannot create the image folder " + this.folder + " (" + e.getMessage()
                    + ").", "Check the data folder's permissions.", e);
        }
    }

    JobStore.StoredImage write(String jobId, byte[] png) throws IOException {
        return writeFile(jobId + ".png", png);
    }

    /** Writes {@code bytes} as {@code name} in the folder, complete or not at all. */
    JobStore.StoredImage writeFile(String name, byte[] png) throws IOException {
        Path part = folder.resolve(name + ".part");
        try (FileChannel out = FileChannel.open(part, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                StandardOpenOption.TRUNCATE_EXISTING)) {
            ByteBuffer buffer = ByteBuffer.wrap(png);
            while (buffer.hasRemaining()) {
                out.write(buffer);
            }
            out.force(true);
        }
        Files.move(part, folder.resolve(name), StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        return new JobStore.StoredImage(name, PngBytes.sha256(png));
    }

    /**
     * The file's bytes.
     *
     * @throws SwitchboardException when the file is missing or no longer matches its checksum
     */
    byte[] read(JobStore.StoredImage image) {
        Path file = resolve(image.file());
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            throw new SwitchboardException("The image file " + file + " is missing.",
                    "It was moved or deleted outside Switchboard; generate the image again.", e);
        } catch (IOException e) {
            throw new SwitchboardException("Cannot read the image file " + file + " (" + e.getMessage() + ").",
                    "Check the data folder's permissions.", e);
        }
        if (!PngBytes.sha256(bytes).equals(image.sha256())) {
            throw new SwitchboardException("The image file " + file + " has changed since it was generated.",
                    "Generate the image again.");
        }
        return bytes;
    }

    /**
     * The file, after checking it still matches its checksum.
     *
     * @throws SwitchboardException when the file is missing or no longer matches its checksum
     */
    Path verified(JobStore.StoredImage image) {
        read(image);
        return resolve(image.file());
    }

    /** A file of the folder by its relative name, refusing names that would leave it. */
    Path resolve(String name) {
        Path file = folder.resolve(name).normalize();
        if (!file.startsWith(folder)) {
            throw new SwitchboardException("The image path " + name + " leaves the image folder.", "");
        }
        return file;
    }

    void delete(JobStore.StoredImage image) {
        try {
            Files.deleteIfExists(folder.resolve(image.file()));
        } catch (IOException ignored) {
            // An orphan file is harmless; the row never points to it.
        }
    }
}
