package dev.switchboard.speech;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import javax.sound.sampled.AudioInputStream;
import javax.sound.sampled.AudioSystem;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DualChannelRecorderTest {

    @TempDir
    Path dir;

    @Test
    void placesEachSideOnItsChannelWithSilentGaps() throws Exception {
        Path file = dir.resolve("call.wav");
        DualChannelRecorder rec = DualChannelRecorder.create(file);
        Pcm caller = Tones.sine(300, 500, 48_000, 0.4);
        Pcm trainee = Tones.sine(500, 300, 16_000, 0.4);
        rec.writeLeft(0, caller);
        rec.writeRight(1000, trainee);
        rec.writeLeft(1200, caller);
        RecordingResult result = rec.close();

        assertThat(result.durationMs()).isEqualTo(1700);
        assertThat(result.sha256Hex()).isEqualTo(sha256(file));
        WavAudio wav = WavFiles.read(file);
        assertThat(wav.channels()).isEqualTo(2);
        assertThat(wav.sampleRate()).isEqualTo(16_000);
        Pcm left = wav.channel(0);
        Pcm right = wav.channel(1);
        assertThat(Tones.frequency(left.slice(0, 500))).isCloseTo(300, within(1.0));
        assertThat(left.slice(520, 1180).samples()).containsOnly((short) 0);
        assertThat(right.slice(0, 1000).samples()).containsOnly((short) 0);
        assertThat(right.slice(1000, 1300)).isEqualTo(trainee);
        assertThat(Tones.frequency(left.slice(1200, 1700))).isCloseTo(300, within(1.0));
        try (AudioInputStream in = AudioSystem.getAudioInputStream(file.toFile())) {
            assertThat(in.getFrameLength()).isEqualTo(1700 * 16);
            assertThat(in.getFormat().getChannels()).isEqualTo(2);
        }
    }

    @Test
    void aLateWriteToEarlierTimeLandsInPlace() {
        Path file = dir.resolve("late.wav");
        DualChannelRecorder rec = DualChannelRecorder.create(file);
        Pcm trainee = Tones.sine(500, 2000, 16_000, 0.4);
        rec.writeRight(0, trainee);
        rec.flush();
        Pcm caller = Tones.sine(250, 400, 16_000, 0.4);
        rec.writeLeft(600, caller);
        rec.close();
        WavAudio wav = WavFiles.read(file);
        assertThat(wav.channel(1)).isEqualTo(trainee);
        assertThat(wav.channel(0).slice(600, 1000)).isEqualTo(caller);
        assertThat(wav.channel(0).slice(1000, 2000).samples()).containsOnly((short) 0);
    }

    @Test
    void aCopyTakenMidRecordingPlaysUpToTheLastFlushAndRepairsToAllItHolds() throws Exception {
        Path file = dir.resolve("live.wav");
        DualChannelRecorder rec = DualChannelRecorder.create(file);
        Pcm second = Tones.sine(400, 1000, 16_000, 0.3);
        rec.writeLeft(0, second);
        rec.writeRight(1000, second);
        rec.flush();
        rec.writeLeft(2000, second.slice(0, 600));
        // As a crash would leave it: the header says 2 s, the file holds 2.6 s.
        Path crashed = dir.resolve("crashed.wav");
        Files.copy(file, crashed);
        rec.close();

        WavAudio beforeRepair = WavFiles.read(crashed);
        assertThat(beforeRepair.durationMs()).isEqualTo(2000);
        try (AudioInputStream in = AudioSystem.getAudioInputStream(crashed.toFile())) {
            assertThat(in.getFrameLength()).isEqualTo(2000 * 16);
        }
        assertThat(WavFiles.repair(crashed)).isEqualTo(2600);
        WavAudio repaired = WavFiles.read(crashed);
        assertThat(repaired.channel(0).slice(2000, 2600)).isEqualTo(second.slice(0, 600));
        assertThat(Files.readAllBytes(crashed)).isEqualTo(Files.readAllBytes(file));
    }

    @Test
    void extendToPadsTheEndWithSilence() {
        DualChannelRecorder rec = DualChannelRecorder.create(dir.resolve("pad.wav"), 22_050);
        rec.writeLeft(0, Tones.sine(300, 100, 22_050, 0.2));
        rec.extendTo(3000);
        assertThat(rec.durationMs()).isEqualTo(3000);
        assertThat(rec.close().durationMs()).isEqualTo(3000);
        assertThat(WavFiles.read(dir.resolve("pad.wav")).sampleRate()).isEqualTo(22_050);
    }

    static String sha256(Path file) throws Exception {
        MessageDigest d = MessageDigest.getInstance("SHA-256");
        try (InputStream in = Files.newInputStream(file)) {
            d.update(in.readAllBytes());
        }
        return HexFormat.of().formatHex(d.digest());
    }
}
