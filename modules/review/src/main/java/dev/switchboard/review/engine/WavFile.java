package dev.switchboard.review.engine;

import dev.switchboard.core.error.InputException;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * The header facts of a PCM WAV file: enough to find and read its samples. A recording cut short by a crash
 * may carry a zero or oversized data length; then the data runs to the end of the file.
 *
 * @param dataOffset where the first sample starts, in bytes
 * @param dataBytes  how many bytes of whole frames follow
 */
public record WavFile(Path file, int sampleRate, int channels, int bitsPerSample, long dataOffset, long dataBytes) {

    /** Bytes per frame (one sample of every channel). */
    public int frameBytes() {
        return channels * bitsPerSample / 8;
    }

    public long frames() {
        return dataBytes / frameBytes();
    }

    public long durationMs() {
        return frames() * 1000 / sampleRate;
    }

    /**
     * Reads the header of {@code file}.
     *
     * @throws InputException naming the file when it is not a 16-bit PCM WAV
     */
    public static WavFile read(Path file) throws IOException {
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
            long size = ch.size();
            ByteBuffer head = ByteBuffer.allocate(12).order(ByteOrder.LITTLE_ENDIAN);
            readFully(ch, head, 0);
            if (size < 12 || head.getInt(0) != 0x46464952 || head.getInt(8) != 0x45564157) {
                throw new InputException(file, 0, "header", "not a RIFF/WAVE file");
            }
            long pos = 12;
            int rate = 0;
            int channels = 0;
            int bits = 0;
            boolean fmt = false;
            ByteBuffer chunk = ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN);
            while (pos + 8 <= size) {
                chunk.clear();
                readFully(ch, chunk, pos);
                int id = chunk.getInt(0);
                long length = Integer.toUnsignedLong(chunk.getInt(4));
                long body = pos + 8;
                if (id == 0x20746d66) { // "fmt "
                    ByteBuffer f = ByteBuffer.allocate(16).order(ByteOrder.LITTLE_ENDIAN);
                    readFully(ch, f, body);
                    int format = Short.toUnsignedInt(f.getShort(0));
                    channels = Short.toUnsignedInt(f.getShort(2));
                    rate = f.getInt(4);
                    bits = Short.toUnsignedInt(f.getShort(14));
                    if (format != 1 && format != 0xFFFE) {
                        throw new InputException(file, 0, "fmt", "format " + format + " is not PCM");
                    }
                    if (bits != 16 || channels < 1 || channels > 16 || rate <= 0 || rate > 384_000) {
                        throw new InputException(file, 0, "fmt", "expected 16-bit PCM, found " + bits + "-bit, "
                                + channels + " channels at " + rate + " Hz");
                    }
                    fmt = true;
                } else if (id == 0x61746164) { // "data"
                    if (!fmt) {
                        throw new InputException(file, 0, "data", "data chunk before the fmt chunk");
                    }
                    long available = size - body;
                    long bytes = length == 0 || length > available ? available : length;
                    int frame = channels * bits / 8;
                    return new WavFile(file, rate, channels, bits, body, bytes - bytes % frame);
                }
                pos = body + length + (length & 1);
            }
            throw new InputException(file, 0, "data", "no data chunk");
        }
    }

    private static void readFully(FileChannel ch, ByteBuffer buffer, long position) throws IOException {
        long pos = position;
        while (buffer.hasRemaining()) {
            int n = ch.read(buffer, pos);
            if (n < 0) {
                break;
            }
            pos += n;
        }
        buffer.flip();
    }

    /** Produces the samples of a generated recording, frame by frame. */
    @FunctionalInterface
    public interface Samples {
        /** The sample of {@code channel} at frame {@code frame}. */
        short at(long frame, int channel);
    }

    /**
     * Writes a 16-bit PCM WAV of {@code frames} frames from {@code samples}, e.g. test fixtures and the
     * benchmark's 30-minute recording. Streams; uses little memory for long files.
     */
    public static void write(Path file, int sampleRate, int channels, long frames, Samples samples)
            throws IOException {
        long dataBytes = frames * channels * 2;
        try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(file), 1 << 16)) {
            ByteBuffer h = ByteBuffer.allocate(44).order(ByteOrder.LITTLE_ENDIAN);
            h.putInt(0x46464952).putInt((int) Math.min(0xFFFFFFFFL, 36 + dataBytes)).putInt(0x45564157);
            h.putInt(0x20746d66).putInt(16).putShort((short) 1).putShort((short) channels).putInt(sampleRate)
                    .putInt(sampleRate * channels * 2).putShort((short) (channels * 2)).putShort((short) 16);
            h.putInt(0x61746164).putInt((int) Math.min(0xFFFFFFFFL, dataBytes));
            out.write(h.array());
            byte[] buf = new byte[channels * 2 * 4096];
            ByteBuffer b = ByteBuffer.wrap(buf).order(ByteOrder.LITTLE_ENDIAN);
            for (long f = 0; f < frames; f++) {
                for (int c = 0; c < channels; c++) {
                    b.putShort(samples.at(f, c));
                }
                if (!b.hasRemaining()) {
                    out.write(buf);
                    b.clear();
                }
            }
            out.write(buf, 0, b.position());
        }
    }
}
