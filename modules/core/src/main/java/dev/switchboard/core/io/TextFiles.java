package dev.switchboard.core.io;

import dev.switchboard.core.error.InputException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * Reads a text file a user gave (a scenario, a script, a CSV, a password file) without hanging or running out of
 * memory on the wrong file: the size is checked before reading, devices and pipes ({@code /dev/zero}) are refused,
 * and bytes that are not UTF-8 are reported with their offset and line instead of a decoder's message.
 */
public final class TextFiles {

    private TextFiles() {
    }

    /**
     * The whole file as UTF-8 text (a leading byte-order mark dropped).
     *
     * @param maxBytes the largest file accepted
     * @param what     what the file is, for messages, e.g. {@code "an operator script"}
     * @throws InputException naming the file: missing, not a regular file, too large, unreadable or not UTF-8
     */
    public static String readUtf8(Path file, long maxBytes, String what) {
        byte[] bytes = readBytes(file, maxBytes, what);
        return decode(file, bytes);
    }

    /** {@link #readUtf8} split into lines (without their line ends). */
    public static List<String> readUtf8Lines(Path file, long maxBytes, String what) {
        return readUtf8(file, maxBytes, what).lines().toList();
    }

    /**
     * The file's bytes, after the same checks as {@link #readUtf8} except the decoding; for binary files such as
     * WAV audio.
     */
    public static byte[] readBytes(Path file, long maxBytes, String what) {
        requireRegularFile(file, maxBytes, what);
        try (InputStream in = Files.newInputStream(file)) {
            byte[] bytes = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, maxBytes + 1));
            if (bytes.length > maxBytes) {
                throw tooLarge(file, bytes.length, maxBytes, what);
            }
            return bytes;
        } catch (IOException e) {
            throw new InputException(file, 0, null, "cannot be read: " + e.getMessage());
        }
    }

    /**
     * Checks that {@code file} exists, is a regular file (not a folder, device or pipe) and is at most
     * {@code maxBytes} long.
     *
     * @return its size in bytes
     */
    public static long requireRegularFile(Path file, long maxBytes, String what) {
        if (!Files.exists(file)) {
            throw new InputException(file, 0, null, "no such file");
        }
        if (Files.isDirectory(file)) {
            throw new InputException(file, 0, null, "is a folder, not " + what);
        }
        if (!Files.isRegularFile(file)) {
            throw new InputException(file, 0, null, "is not a regular file (a device or a pipe), not " + what);
        }
        long size;
        try {
            size = Files.size(file);
        } catch (NoSuchFileException e) {
            throw new InputException(file, 0, null, "no such file");
        } catch (IOException e) {
            throw new InputException(file, 0, null, "cannot be read: " + e.getMessage());
        }
        if (size > maxBytes) {
            throw tooLarge(file, size, maxBytes, what);
        }
        if (!Files.isReadable(file) || Files.isSymbolicLink(file) && !Files.exists(file, LinkOption.NOFOLLOW_LINKS)) {
            throw new InputException(file, 0, null, "cannot be read (permissions)");
        }
        return size;
    }

    /**
     * Decodes UTF-8 strictly.
     *
     * @throws InputException at the line of the first byte that is not UTF-8, saying its offset
     */
    public static String decode(Path file, byte[] bytes) {
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes);
        CharBuffer out = CharBuffer.allocate(bytes.length + 1);
        CoderResult result = decoder.decode(in, out, true);
        if (result.isUnderflow()) {
            result = decoder.flush(out);
        }
        if (result.isError()) {
            int offset = in.position();
            int line = 1;
            for (int i = 0; i < offset; i++) {
                if (bytes[i] == '\n') {
                    line++;
                }
            }
            throw new InputException(file, line, null, String.format(Locale.ROOT,
                    "not UTF-8 text at byte %d (0x%02X); save the file as UTF-8", offset, bytes[offset] & 0xFF));
        }
        out.flip();
        String text = out.toString();
        return text.startsWith("\uFEFF") ? text.substring(1) : text;
    }

    private static InputException tooLarge(Path file, long size, long max, String what) {
        return new InputException(file, 0, null, "is " + human(size) + "; " + what + " is at most " + human(max));
    }

    /** {@code 512 bytes}, {@code 3.1 MB}. */
    public static String human(long bytes) {
        if (bytes < 1024) {
            return bytes + " bytes";
        }
        if (bytes < 1024 * 1024) {
            return String.format(Locale.ROOT, "%.1f KB", bytes / 1024.0);
        }
        if (bytes < 1024L * 1024 * 1024) {
            return String.format(Locale.ROOT, "%.1f MB", bytes / (1024.0 * 1024));
        }
        return String.format(Locale.ROOT, "%.1f GB", bytes / (1024.0 * 1024 * 1024));
    }
}
