package dev.switchboard.speech;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.switchboard.core.error.SwitchboardException;
import dev.switchboard.speech.engine.CaptureMicrophone;
import dev.switchboard.speech.engine.LineSource;
import dev.switchboard.speech.engine.UtteranceGate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class MicrophoneTest {

    /** Records what a listener heard, with utterance boundaries as markers. */
    static final class Heard implements UtteranceListener {
        final List<String> events = new ArrayList<>();
        final List<Integer> samplesPerUtterance = new ArrayList<>();
        int frames;
        int current;

        @Override
        public synchronized void speechStarted() {
            events.add("start");
            current = 0;
        }

        @Override
        public synchronized void audio(short[] buf, int len) {
            current += len;
        }

        @Override
        public synchronized void speechEnded() {
            events.add("end");
            samplesPerUtterance.add(current);
        }

        @Override
        public synchronized void frame(short[] buf, int len, long atMs) {
            frames++;
        }
    }

    @Test
    void voiceActivityFindsTwoUtterancesWithPreRollAndHangover() throws InterruptedException {
        Pcm clip = Pcm.concat(List.of(Pcm.silence(500, 16_000), Tones.sine(200, 1000, 16_000, 0.3),
                Pcm.silence(1000, 16_000), Tones.sine(250, 600, 16_000, 0.3), Pcm.silence(1000, 16_000)));
        Heard heard = new Heard();
        try (Microphone mic = Microphone.fromPcm(clip, 0)) {
            mic.start(Microphone.Mode.VOICE_ACTIVITY, heard);
            mic.awaitEnd();
        }
        assertThat(heard.events).containsExactly("start", "end", "start", "end");
        VoiceActivity v = VoiceActivity.DEFAULT;
        // Each utterance: the pre-roll (incl. onset) + the rest of the tone + the hangover, in 20 ms frames.
        int perMs = 16;
        assertThat(heard.samplesPerUtterance.get(0)).isBetween((int) (1000 + v.hangoverMs()) * perMs,
                (int) (1000 + v.hangoverMs() + v.preRollMs() + 40) * perMs);
        assertThat(heard.samplesPerUtterance.get(1)).isBetween((int) (600 + v.hangoverMs()) * perMs,
                (int) (600 + v.hangoverMs() + v.preRollMs() + 40) * perMs);
        assertThat(heard.frames).isEqualTo(clip.length() / 320);
    }

    @Test
    void aSteadyNoiseIsLearntAndSpeechOverItIsStillHeard() throws InterruptedException {
        java.util.SplittableRandom random = new java.util.SplittableRandom(7);
        short[] noise = new short[16_000 * 10];
        for (int i = 0; i < noise.length; i++) {
            noise[i] = (short) random.nextInt(-550, 551); // about -40 dBFS
        }
        Pcm hum = new Pcm(noise, 16_000);
        Pcm voice = Tones.sine(220, 1000, 16_000, 0.25);
        short[] mixed = voice.samples().clone();
        for (int i = 0; i < mixed.length; i++) {
            mixed[i] += noise[i];
        }
        Heard heard = new Heard();
        try (Microphone mic = Microphone.fromPcm(Pcm.concat(List.of(hum, new Pcm(mixed, 16_000),
                hum.slice(0, 2000))), 0)) {
            mic.start(Microphone.Mode.VOICE_ACTIVITY, heard);
            mic.awaitEnd();
        }
        // The noise may open one utterance at first, until the floor has learnt it; the voice opens the last.
        assertThat(heard.events.size()).isBetween(2, 4);
        assertThat(heard.events).endsWith("start", "end");
        int last = heard.samplesPerUtterance.get(heard.samplesPerUtterance.size() - 1);
        assertThat(last).isBetween(1000 * 16, (int) (1000 + VoiceActivity.DEFAULT.hangoverMs() + 300) * 16);
    }

    @Test
    void aClipThatEndsMidUtteranceStillEndsIt() throws InterruptedException {
        Heard heard = new Heard();
        try (Microphone mic = Microphone.fromPcm(Tones.sine(200, 400, 16_000, 0.3), 0)) {
            mic.start(Microphone.Mode.VOICE_ACTIVITY, heard);
            mic.awaitEnd();
        }
        assertThat(heard.events).containsExactly("start", "end");
    }

    @Test
    void pushToTalkCutsExactlyWhereTheKeyGoesDownAndUp() {
        Heard heard = new Heard();
        UtteranceGate gate = new UtteranceGate(Microphone.Mode.PUSH_TO_TALK, VoiceActivity.DEFAULT, heard);
        short[] frame = Tones.sine(200, 20, 16_000, 0.3).samples();
        for (int i = 0; i < 100; i++) {
            if (i == 10) {
                gate.talk(true);
            } else if (i == 60) {
                gate.talk(false);
            }
            gate.accept(frame, frame.length, 20);
        }
        assertThat(heard.events).containsExactly("start", "end");
        assertThat(heard.samplesPerUtterance).containsExactly(50 * 320);
    }

    @Test
    void pushToTalkIgnoresVoiceAndSwitchingModeEndsTheUtterance() {
        Heard heard = new Heard();
        UtteranceGate gate = new UtteranceGate(Microphone.Mode.PUSH_TO_TALK, VoiceActivity.DEFAULT, heard);
        short[] loud = Tones.sine(200, 20, 16_000, 0.5).samples();
        for (int i = 0; i < 20; i++) {
            gate.accept(loud, loud.length, 20);
        }
        assertThat(heard.events).isEmpty();
        gate.talk(true);
        gate.accept(loud, loud.length, 20);
        gate.mode(Microphone.Mode.VOICE_ACTIVITY);
        short[] quiet = new short[320];
        for (int i = 0; i < 40; i++) {
            gate.accept(quiet, quiet.length, 20);
        }
        assertThat(heard.events).containsExactly("start", "end");
    }

    @Test
    void realTimeClipStopsWhenClosed() throws InterruptedException {
        Heard heard = new Heard();
        Microphone mic = Microphone.fromPcm(Tones.sine(200, 60_000, 16_000, 0.3), 1.0);
        mic.start(Microphone.Mode.VOICE_ACTIVITY, heard);
        assertThat(mic.capturing()).isTrue();
        mic.close();
        mic.awaitEnd();
        assertThat(mic.capturing()).isFalse();
        assertThat(heard.frames).isLessThan(60_000 / 20);
        assertThatThrownBy(() -> mic.start(Microphone.Mode.VOICE_ACTIVITY, heard))
                .isInstanceOf(IllegalStateException.class);
    }

    @Test
    void noCaptureDeviceGivesAMessageThatSaysWhatToDo() {
        if (LineSource.supported()) {
            return; // this machine has a microphone; the message cannot be provoked here
        }
        Microphone mic = new CaptureMicrophone(new LineSource(), VoiceActivity.DEFAULT);
        assertThatThrownBy(() -> mic.start(Microphone.Mode.PUSH_TO_TALK, new Heard()))
                .isInstanceOf(SwitchboardException.class)
                .hasMessageContaining("No microphone")
                .satisfies(e -> assertThat(((SwitchboardException) e).hint()).contains("type your replies"));
        assertThat(mic.capturing()).isFalse();
    }
}
