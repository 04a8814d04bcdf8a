package dev.switchboard.calltaking.engine.session;

import dev.switchboard.speech.Pcm;
import dev.switchboard.speech.Prosody;
import dev.switchboard.speech.TextToSpeech;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/** A stand-in voice: each sentence is a 440 Hz tone of 100 ms per character, at 16 kHz. */
final class ToneVoice implements TextToSpeech {

    static final int RATE = 16_000;
    final List<Prosody> prosodies = new ArrayList<>();
    final List<String> texts = new ArrayList<>();

    @Override
    public boolean available() {
        return true;
    }

    @Override
    public void warmUp() {
    }

    @Override
    public Pcm synthesize(String text, Prosody prosody) {
        prosodies.add(prosody);
        texts.add(text);
        return tone(text.length() * 100L);
    }

    @Override
    public void stream(String text, Prosody prosody, Consumer<Pcm> perSentence) {
        for (String sentence : text.split("(?<=[.!?])\\s+")) {
            perSentence.accept(synthesize(sentence, prosody));
        }
    }

    static Pcm tone(long ms) {
        short[] s = new short[(int) (ms * RATE / 1000)];
        for (int i = 0; i < s.length; i++) {
            s[i] = (short) (8000 * Math.sin(2 * Math.PI * 440 * i / RATE));
        }
        return new Pcm(s, RATE);
    }
}
