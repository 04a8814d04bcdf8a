package dev.switchboard.speech.engine;

import dev.switchboard.core.error.SwitchboardException;
import dev.switchboard.speech.Microphone;
import javax.sound.sampled.AudioFormat;
import javax.sound.sampled.AudioSystem;
import javax.sound.sampled.DataLine;
import javax.sound.sampled.LineUnavailableException;
import javax.sound.sampled.TargetDataLine;

/** The default javax.sound capture line at 16 kHz, 16-bit mono. */
public final class LineSource implements AudioSource {

    private static final AudioFormat FORMAT = new AudioFormat(Microphone.SAMPLE_RATE, 16, 1, true, false);
    private static final String HINT = "Connect a headset or microphone and check that the operating system lets "
            + "Java use it; until then, type your replies.";

    private TargetDataLine line;
    private byte[] bytes = new byte[0];
    private volatile boolean closed;

    /** Whether Java sees any device that records 16 kHz mono. */
    public static boolean supported() {
        try {
            return AudioSystem.isLineSupported(new DataLine.Info(TargetDataLine.class, FORMAT));
        } catch (RuntimeException e) {
            return false;
        }
    }

    @Override
    public void open() {
        if (!supported()) {
            throw new SwitchboardException("No microphone: Java finds no audio capture device on this computer.",
                    HINT);
        }
        try {
            line = AudioSystem.getTargetDataLine(FORMAT);
            line.open(FORMAT, Microphone.SAMPLE_RATE * 2 / 10);
            line.start();
        } catch (LineUnavailableException | IllegalArgumentException | SecurityException e) {
            throw new SwitchboardException("The microphone cannot be opened: " + e.getMessage(),
                    "Close other programs that use the microphone. " + HINT, e);
        }
    }

    @Override
    public int read(short[] buf) {
        if (closed) {
            return -1;
        }
        if (bytes.length < buf.length * 2) {
            bytes = new byte[buf.length * 2];
        }
        int got = line.read(bytes, 0, buf.length * 2);
        if (got <= 0) {
            return closed ? -1 : 0;
        }
        int n = got / 2;
        for (int i = 0; i < n; i++) {
            buf[i] = (short) ((bytes[2 * i] & 0xFF) | (bytes[2 * i + 1] << 8));
        }
        return n;
    }

    @Override
    public void close() {
        closed = true;
        if (line != null) {
            line.stop();
            line.flush();
            line.close();
        }
    }
}
