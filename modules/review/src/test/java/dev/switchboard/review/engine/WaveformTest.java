package dev.switchboard.review.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.switchboard.core.error.InputException;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WaveformTest {

    @TempDir
    Path temp;

    @Test
    void eachBucketHoldsTheExtremesOfItsSamplesPerChannel() throws Exception {
        Path wav = temp.resolve("a.wav");
        // 1 s at 1 kHz: the left channel ramps -1000..+998 in steps of 2, the right is silent but for one spike.
        WavFile.write(wav, 1000, 2, 1000, (frame, channel) -> channel == 0 ? (short) (frame * 2 - 1000)
                : frame == 750 ? Short.MIN_VALUE : 0);
        WavFile header = WavFile.read(wav);
        assertThat(header.sampleRate()).isEqualTo(1000);
        assertThat(header.channels()).isEqualTo(2);
        assertThat(header.durationMs()).isEqualTo(1000);

        Waveform w = Waveform.of(header, 4);
        assertThat(w.channels()).isEqualTo(2);
        assertThat(w.buckets()).isEqualTo(4);
        assertThat(w.min()[0][0]).isEqualTo(-1000 / 32768f);
        assertThat(w.max()[0][0]).isEqualTo(-502 / 32768f);
        assertThat(w.min()[0][1]).isEqualTo(-500 / 32768f);
        assertThat(w.max()[0][3]).isEqualTo(998 / 32768f);
        assertThat(w.min()[1][3]).isEqualTo(-1f);
        assertThat(w.min()[1][2]).isZero();
    }

    @Test
    void moreBucketsThanSamplesLeavesEmptyBucketsFlat() throws Exception {
        Path wav = temp.resolve("short.wav");
        WavFile.write(wav, 8000, 1, 3, (frame, channel) -> (short) 16384);
        Waveform w = Waveform.of(WavFile.read(wav), 10);
        int lit = 0;
        for (int b = 0; b < 10; b++) {
            lit += w.max()[0][b] > 0 ? 1 : 0;
        }
        assertThat(lit).isEqualTo(3);
    }

    @Test
    void aRecordingCutShortByACrashIsReadToTheEndOfTheFile() throws Exception {
        Path wav = temp.resolve("crash.wav");
        WavFile.write(wav, 8000, 2, 8000, (frame, channel) -> (short) 100);
        try (RandomAccessFile f = new RandomAccessFile(wav.toFile(), "rw")) {
            f.seek(40);
            f.write(new byte[4]); // data length never written
            f.setLength(f.length() - 3); // half a frame at the end
        }
        WavFile header = WavFile.read(wav);
        assertThat(header.frames()).isEqualTo(7999);
        assertThat(Waveform.of(header, 100).max()[0][50]).isGreaterThan(0);
    }

    @Test
    void aFileThatIsNotAWavIsRefusedNamingIt() throws Exception {
        Path notWav = Files.writeString(temp.resolve("notes.wav"), "hello, this is not audio at all");
        assertThatThrownBy(() -> WavFile.read(notWav)).isInstanceOf(InputException.class)
                .hasMessageContaining("notes.wav");
    }
}
