package dev.switchboard.core.account;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import org.bouncycastle.crypto.generators.Argon2BytesGenerator;
import org.bouncycastle.crypto.params.Argon2Parameters;
import org.junit.jupiter.api.Test;

class PasswordHasherTest {

    private final PasswordHasher hasher = new PasswordHasher(256, 1, 1);

    @Test
    void hashesInPhcArgon2idFormatWithAFreshSaltEachTime() {
        String first = hasher.hash("correct horse".toCharArray());
        String second = hasher.hash("correct horse".toCharArray());
        assertThat(first).startsWith("$argon2id$v=19$m=256,t=1,p=1$");
        assertThat(first).isNotEqualTo(second);
        assertThat(first).doesNotContain("correct horse");
    }

    @Test
    void verifiesTheRightPasswordOnly() {
        String hash = hasher.hash("correct horse".toCharArray());
        assertThat(hasher.verify("correct horse".toCharArray(), hash)).isTrue();
        assertThat(hasher.verify("correct hors".toCharArray(), hash)).isFalse();
        assertThat(hasher.verify("Correct horse".toCharArray(), hash)).isFalse();
    }

    @Test
    void unreadableHashesNeverVerify() {
        assertThat(hasher.verify("x".toCharArray(), null)).isFalse();
        assertThat(hasher.verify("x".toCharArray(), "plain-text")).isFalse();
        assertThat(hasher.verify("x".toCharArray(), "$argon2i$v=19$m=256,t=1,p=1$AAAA$AAAA")).isFalse();
        assertThat(hasher.verify("x".toCharArray(), "$argon2id$v=19$m=abc,t=1,p=1$AAAA$AAAA")).isFalse();
    }

    @Test
    void matchesTheArgon2idReferenceComputation() {
        // Same derivation computed independently with the library, to pin the encoding we store.
        String encoded = hasher.hash("pässwörd".toCharArray());
        String[] parts = encoded.split("\\$");
        byte[] salt = java.util.Base64.getDecoder().decode(parts[4]);
        Argon2BytesGenerator generator = new Argon2BytesGenerator();
        generator.init(new Argon2Parameters.Builder(Argon2Parameters.ARGON2_id)
                .withVersion(Argon2Parameters.ARGON2_VERSION_13).withMemoryAsKB(256).withIterations(1)
                .withParallelism(1).withSalt(salt).build());
        byte[] out = new byte[32];
        generator.generateBytes("pässwörd".getBytes(StandardCharsets.UTF_8), out);
        assertThat(HexFormat.of().formatHex(java.util.Base64.getDecoder().decode(parts[5])))
                .isEqualTo(HexFormat.of().formatHex(out));
    }

    @Test
    void aHashOfLowerCostNeedsRehash() {
        String weak = hasher.hash("pw".toCharArray());
        assertThat(hasher.needsRehash(weak)).isFalse();
        assertThat(new PasswordHasher(512, 2, 1).needsRehash(weak)).isTrue();
    }
}
