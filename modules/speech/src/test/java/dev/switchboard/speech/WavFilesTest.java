package dev.switchboard.speech;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.switchboard.core.error.InputException;
import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.sound.sampled.AudioFileFormat;
import javax.sound.sampled.AudioFormat;
import javax.sound.sampled.AudioInputStream;
import javax.sound.sampled.AudioSystem;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WavFilesTest {

    @TempDir
    Path dir;

    @Test
    void monoRoundTripAndJavaSoundAgrees() throws Exception {
        Pcm tone = Tones.sine(440, 300, 22_050, 0.3);
        Path file = dir.resolve("tone.wav");
        WavFiles.write(file, tone);
        WavAudio back = WavFiles.read(file);
        assertThat(back.mono()).isEqualTo(tone);
        try (AudioInputStream in = AudioSystem.getAudioInputStream(file.toFile())) {
            assertThat(in.getFormat().getSampleRate()).isEqualTo(22_050f);
            assertThat(in.getFrameLength()).isEqualTo(tone.length());
        }
    }

    @Test
    void readsStereo24BitAndFloatWrittenByJavaSound() throws Exception {
        short[] left = Tones.sine(300, 100, 16_000, 0.5).samples();
        Path pcm24 = dir.resolve("s24.wav");
        writeJavaSound(pcm24, new AudioFormat(16_000, 24, 2, true, false), left, 3);
        WavAudio a = WavFiles.read(pcm24);
        assertThat(a.channels()).isEqualTo(2);
        assertThat(a.channel(0)).isEqualTo(new Pcm(left, 16_000));
        assertThat(a.channel(1).samples()).containsOnly((short) 0);
        assertThat(a.mono().samples()[100]).isEqualTo((short) (left[100] / 2));
    }

    @Test
    void readsFloat() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteBuffer h = ByteBuffer.allocate(44).order(ByteOrder.LITTLE_ENDIAN);
        h.put("RIFF".getBytes()).putInt(36 + 8).put("WAVE".getBytes()).put("fmt ".getBytes()).putInt(16)
                .putShort((short) 3).putShort((short) 1).putInt(8000).putInt(32000).putShort((short) 4)
                .putShort((short) 32).put("data".getBytes()).putInt(8);
        out.write(h.array());
        ByteBuffer d = ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN).putFloat(0.5f).putFloat(-1f);
        out.write(d.array());
        Path file = dir.resolve("f.wav");
        Files.write(file, out.toByteArray());
        assertThat(WavFiles.read(file).interleaved()).containsExactly((short) 16384, (short) -32767);
    }

    @Test
    void notAWavFileNamesTheFile() throws IOException {
        Path file = dir.resolve("notes.wav");
        Files.writeString(file, "hello, this is text");
        assertThatThrownBy(() -> WavFiles.read(file)).isInstanceOf(InputException.class)
                .hasMessageContaining("notes.wav").hasMessageContaining("not a WAV file");
    }

    @Test
    void aChunkWhoseSizePointsPastTheEndIsNotFollowed() throws IOException {
        // RIFF, WAVE, then a "LIST" chunk claiming 0xFFFFFFF0 bytes: once an IndexOutOfBoundsException.
        ByteBuffer b = ByteBuffer.allocate(64).order(ByteOrder.LITTLE_ENDIAN);
        b.put("RIFF".getBytes()).putInt(56).put("WAVE".getBytes()).put("LIST".getBytes()).putInt(0xFFFFFFF0);
        Path file = Files.write(dir.resolve("bogus.wav"), b.array());
        assertThatThrownBy(() -> WavFiles.read(file)).isInstanceOf(InputException.class)
                .hasMessageContaining("bogus.wav").hasMessageContaining("no audio data chunk");
        assertThatThrownBy(() -> WavFiles.repair(file)).isInstanceOf(InputException.class);
    }

    @Test
    void aHeaderClaimingOneHertzIsRefusedBeforeAnythingIsResampled() throws IOException {
        Path file = dir.resolve("one-hertz.wav");
        WavFiles.write(file, Tones.sine(440, 100, 16_000, 0.3));
        byte[] bytes = Files.readAllBytes(file);
        ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN).putInt(24, 1).putInt(28, 2);
        Files.write(file, bytes);
        assertThatThrownBy(() -> WavFiles.read(file)).isInstanceOf(InputException.class)
                .hasMessageContaining("fmt.sampleRate: 1 Hz is not an audio sample rate");
    }

    @Test
    void aDeviceIsNotReadAsAWavFile() {
        assertThatThrownBy(() -> WavFiles.read(Path.of("/dev/zero"))).isInstanceOf(InputException.class)
                .hasMessageContaining("not a regular file");
    }

    @Test
    void repairFixesSizesOfACutOffFile() throws IOException {
        Pcm tone = Tones.sine(440, 1000, 16_000, 0.3);
        Path file = dir.resolve("cut.wav");
        WavFiles.write(file, tone);
        byte[] all = Files.readAllBytes(file);
        // Keep the header with its full-length sizes, and 400 ms plus one odd byte of data.
        byte[] cut = java.util.Arrays.copyOf(all, WavFiles.HEADER_BYTES + 400 * 32 + 1);
        Files.write(file, cut);
        assertThat(WavFiles.repair(file)).isEqualTo(400);
        assertThat(Files.size(file)).isEqualTo(WavFiles.HEADER_BYTES + 400 * 32);
        assertThat(WavFiles.read(file).mono()).isEqualTo(tone.slice(0, 400));
    }

    private static void writeJavaSound(Path file, AudioFormat format, short[] left, int bytesPerSample)
            throws IOException {
        int frames = left.length;
        byte[] data = new byte[frames * format.getFrameSize()];
        for (int i = 0; i < frames; i++) {
            int v = left[i] << 8;
            int at = i * format.getFrameSize();
            for (int b = 0; b < bytesPerSample; b++) {
                data[at + b] = (byte) (v >> (8 * b));
            }
        }
        try (AudioInputStream in = new AudioInputStream(new java.io.ByteArrayInputStream(data), format, frames)) {
            AudioSystem.write(in, AudioFileFormat.Type.WAVE, new File(file.toString()));
        }
    }
}
