package dev.switchboard.speech.engine;

import dev.switchboard.speech.Microphone;
import dev.switchboard.speech.UtteranceListener;
import dev.switchboard.speech.VoiceActivity;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A microphone over any {@link AudioSource}: a daemon thread reads 20 ms frames, reports each to the
 * listener's level hook and passes it through an {@link UtteranceGate}.
 */
public final class CaptureMicrophone implements Microphone {

    /** Frame length: the push-to-talk reaction time and the voice-activity resolution. */
    public static final int FRAME_MS = 20;

    private static final Logger LOG = LoggerFactory.getLogger(CaptureMicrophone.class);

    private final AudioSource source;
    private final VoiceActivity settings;
    private volatile UtteranceGate gate;
    private volatile Thread thread;
    private volatile boolean closing;
    private volatile Mode mode = Mode.PUSH_TO_TALK;
    private volatile boolean pressed;

    public CaptureMicrophone(AudioSource source, VoiceActivity settings) {
        this.source = source;
        this.settings = settings;
    }

    @Override
    public synchronized void start(Mode startMode, UtteranceListener listener) {
        if (thread != null) {
            throw new IllegalStateException("the microphone is already started");
        }
        source.open();
        this.mode = startMode;
        UtteranceGate g = new UtteranceGate(startMode, settings, listener);
        g.talk(pressed);
        gate = g;
        thread = Thread.ofPlatform().daemon().name("microphone").start(() -> capture(g, listener));
    }

    @Override
    public void talk(boolean isPressed) {
        pressed = isPressed;
        UtteranceGate g = gate;
        if (g != null) {
            g.talk(isPressed);
        }
    }

    @Override
    public void mode(Mode newMode) {
        mode = newMode;
        UtteranceGate g = gate;
        if (g != null) {
            g.mode(newMode);
        }
    }

    /** The current mode. */
    public Mode mode() {
        return mode;
    }

    @Override
    public boolean capturing() {
        Thread t = thread;
        return t != null && t.isAlive();
    }

    @Override
    public void awaitEnd() throws InterruptedException {
        Thread t = thread;
        if (t != null) {
            t.join();
        }
    }

    @Override
    public void close() {
        closing = true;
        source.close();
        Thread t = thread;
        if (t != null && t != Thread.currentThread()) {
            try {
                t.join(1000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private void capture(UtteranceGate g, UtteranceListener listener) {
        short[] frame = new short[SAMPLE_RATE * FRAME_MS / 1000];
        long capturedSamples = 0;
        try {
            while (!closing) {
                int filled = 0;
                while (filled < frame.length) {
                    short[] part = filled == 0 ? frame : new short[frame.length - filled];
                    int n = source.read(part);
                    if (n < 0) {
                        break;
                    }
                    if (part != frame) {
                        System.arraycopy(part, 0, frame, filled, n);
                    }
                    filled += n;
                }
                if (filled == 0) {
                    break;
                }
                listener.frame(frame, filled, capturedSamples * 1000 / SAMPLE_RATE);
                capturedSamples += filled;
                g.accept(frame, filled, FRAME_MS);
                if (filled < frame.length) {
                    break;
                }
            }
        } catch (RuntimeException e) {
            LOG.warn("Microphone capture stopped: {}", e.toString());
        } finally {
            g.endOfStream();
            source.close();
        }
    }
}
