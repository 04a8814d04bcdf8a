package dev.switchboard.speech;

import dev.switchboard.core.error.InputException;
import dev.switchboard.core.io.TextFiles;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * Reads and writes plain PCM WAV files and repairs one whose header a crash left stale. Reading accepts
 * 8, 16, 24 and 32-bit integer and 32-bit float PCM with any number of channels (converted to 16-bit).
 */
public final class WavFiles {

    /** Size of the canonical header this class writes. */
    public static final int HEADER_BYTES = 44;

    /** The largest WAV file read whole: 256 MB, over two hours of 16 kHz stereo. */
    public static final long MAX_READ_BYTES = 256L * 1024 * 1024;
    /** Sample rates accepted: telephone audio up to studio rates. */
    public static final int MIN_RATE = 4_000;
    public static final int MAX_RATE = 384_000;

    private static final int PCM = 1;
    private static final int FLOAT = 3;
    private static final int EXTENSIBLE = 0xFFFE;

    private WavFiles() {
    }

    /**
     * Reads a WAV file. A data chunk whose size is missing or larger than the file (a cut-off recording)
     * is read up to the last whole frame.
     *
     * @throws InputException naming the file and the field when it is not a WAV file this class can read
     */
    public static WavAudio read(Path file) {
        byte[] bytes = TextFiles.readBytes(file, MAX_READ_BYTES, "a WAV file");
        ByteBuffer b = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
        Layout layout = layout(file, b);
        int bytesPerSample = layout.bits / 8;
        int frameBytes = bytesPerSample * layout.channels;
        long available = bytes.length - layout.dataOffset;
        long dataBytes = Math.min(layout.declaredDataBytes <= 0 ? available : layout.declaredDataBytes, available);
        int frames = (int) (dataBytes / frameBytes);
        short[] out = new short[frames * layout.channels];
        int p = (int) layout.dataOffset;
        for (int i = 0; i < out.length; i++, p += bytesPerSample) {
            out[i] = sample(b, p, layout.bits, layout.format == FLOAT);
        }
        return new WavAudio(layout.rate, layout.channels, out);
    }

    /** Writes mono 16-bit PCM as a WAV file to {@code out} (e.g. through the safe output of an export). */
    public static void writeTo(OutputStream out, Pcm pcm) throws IOException {
        ByteBuffer data = ByteBuffer.allocate(HEADER_BYTES + pcm.length() * 2).order(ByteOrder.LITTLE_ENDIAN);
        data.put(header(1, pcm.sampleRate(), pcm.length() * 2L));
        for (short s : pcm.samples()) {
            data.putShort(s);
        }
        out.write(data.array());
    }

    /** Writes mono 16-bit PCM. */
    public static void write(Path file, Pcm pcm) {
        ByteBuffer data = ByteBuffer.allocate(HEADER_BYTES + pcm.length() * 2).order(ByteOrder.LITTLE_ENDIAN);
        data.put(header(1, pcm.sampleRate(), pcm.length() * 2L));
        for (short s : pcm.samples()) {
            data.putShort(s);
        }
        try {
            Files.write(file, data.array());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
    }

    /**
     * Rewrites the RIFF and data sizes of a WAV file cut off by a crash from the file's length, dropping a
     * trailing partial frame, so any player reads it to the end.
     *
     * @return the duration of the repaired file in ms
     * @throws InputException when the file is not a 16-bit-or-wider PCM WAV file or its header is incomplete
     */
    public static long repair(Path file) {
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ, StandardOpenOption.WRITE)) {
            int probe = (int) Math.min(ch.size(), 4096);
            ByteBuffer head = ByteBuffer.allocate(probe).order(ByteOrder.LITTLE_ENDIAN);
            ch.read(head, 0);
            head.flip();
            Layout layout = layout(file, head);
            int frameBytes = layout.bits / 8 * layout.channels;
            long dataBytes = (ch.size() - layout.dataOffset) / frameBytes * frameBytes;
            ch.truncate(layout.dataOffset + dataBytes);
            ByteBuffer size = ByteBuffer.allocate(4).order(ByteOrder.LITTLE_ENDIAN);
            size.putInt(0, (int) (layout.dataOffset + dataBytes - 8));
            ch.write(size, 4);
            size.clear();
            size.putInt(0, (int) dataBytes);
            ch.write(size, layout.dataOffset - 4);
            ch.force(true);
            return dataBytes / frameBytes * 1000 / layout.rate;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot repair " + file, e);
        }
    }

    /** The canonical 44-byte header for 16-bit PCM. */
    public static byte[] header(int channels, int sampleRate, long dataBytes) {
        ByteBuffer h = ByteBuffer.allocate(HEADER_BYTES).order(ByteOrder.LITTLE_ENDIAN);
        h.put(new byte[] {'R', 'I', 'F', 'F'}).putInt((int) (36 + dataBytes)).put(new byte[] {'W', 'A', 'V', 'E'});
        h.put(new byte[] {'f', 'm', 't', ' '}).putInt(16).putShort((short) PCM).putShort((short) channels)
                .putInt(sampleRate).putInt(sampleRate * channels * 2).putShort((short) (channels * 2))
                .putShort((short) 16);
        h.put(new byte[] {'d', 'a', 't', 'a'}).putInt((int) dataBytes);
        return h.array();
    }

    private record Layout(int format, int channels, int rate, int bits, long dataOffset, long declaredDataBytes) {
    }

    private static Layout layout(Path file, ByteBuffer b) {
        if (b.limit() < 12 || !tag(b, 0).equals("RIFF") || !tag(b, 8).equals("WAVE")) {
            throw new InputException(file, 0, "header", "not a WAV file (no RIFF/WAVE header)");
        }
        long pos = 12;
        int format = -1;
        int channels = 0;
        int rate = 0;
        int bits = 0;
        while (pos + 8 <= b.limit()) {
            int at = (int) pos;
            String id = tag(b, at);
            long size = Integer.toUnsignedLong(b.getInt(at + 4));
            if (id.equals("fmt ")) {
                if (pos + 24 > b.limit()) {
                    break;
                }
                format = Short.toUnsignedInt(b.getShort(at + 8));
                channels = Short.toUnsignedInt(b.getShort(at + 10));
                rate = b.getInt(at + 12);
                bits = Short.toUnsignedInt(b.getShort(at + 22));
                if (format == EXTENSIBLE && size >= 40 && pos + 34 <= b.limit()) {
                    format = Short.toUnsignedInt(b.getShort(at + 32));
                }
            } else if (id.equals("data")) {
                if (format < 0) {
                    throw new InputException(file, 0, "fmt", "the data chunk comes before the format chunk");
                }
                check(file, format, channels, rate, bits);
                long declared = size == 0xFFFFFFFFL ? 0 : size;
                return new Layout(format, channels, rate, bits, pos + 8L, declared);
            }
            // Chunk sizes come from the file: a bogus one points past its end, where there is nothing to read.
            pos += 8 + size + (size & 1);
        }
        throw new InputException(file, 0, "data", "no audio data chunk; the file is cut off inside its header");
    }

    private static void check(Path file, int format, int channels, int rate, int bits) {
        if (format != PCM && format != FLOAT) {
            throw new InputException(file, 0, "fmt.format", "compressed WAV (format " + format
                    + ") is not supported; save it as PCM");
        }
        if (channels < 1 || channels > 16) {
            throw new InputException(file, 0, "fmt.channels", channels + " channels is not valid (1-16)");
        }
        if (rate < MIN_RATE || rate > MAX_RATE) {
            throw new InputException(file, 0, "fmt.sampleRate", Integer.toUnsignedString(rate) + " Hz is not an "
                    + "audio sample rate this program reads (" + MIN_RATE + "-" + MAX_RATE + " Hz)");
        }
        boolean ok = format == FLOAT ? bits == 32 : bits == 8 || bits == 16 || bits == 24 || bits == 32;
        if (!ok) {
            throw new InputException(file, 0, "fmt.bitsPerSample", bits + "-bit samples are not supported");
        }
    }

    private static short sample(ByteBuffer b, int p, int bits, boolean isFloat) {
        if (isFloat) {
            float f = b.getFloat(p);
            return (short) Math.max(Short.MIN_VALUE, Math.min(Short.MAX_VALUE, Math.round(f * 32767.0)));
        }
        return switch (bits) {
            case 8 -> (short) ((Byte.toUnsignedInt(b.get(p)) - 128) << 8);
            case 16 -> b.getShort(p);
            case 24 -> b.getShort(p + 1);
            default -> b.getShort(p + 2);
        };
    }

    private static String tag(ByteBuffer b, int pos) {
        char[] c = new char[4];
        for (int i = 0; i < 4; i++) {
            c[i] = (char) (b.get(pos + i) & 0xFF);
        }
        return new String(c);
    }
}
