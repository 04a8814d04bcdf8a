package dev.switchboard.store.integrity;

import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.MessageDigest;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.X509EncodedKeySpec;
import java.util.HexFormat;

/**
 * The key that signs checkpoints of the event log: Ed25519 through the JDK, one per installation (data dir). A
 * file here ({@link FileCheckpointKey}); a server installation could keep it elsewhere.
 */
public interface CheckpointKey {

    /** The public key, X.509 encoded. */
    byte[] publicKey();

    /** Signs {@code data} with the private key. */
    byte[] sign(byte[] data);

    /** The public key's fingerprint: the first 16 bytes of its SHA-256, hex, in groups of four. */
    default String fingerprint() {
        return fingerprint(publicKey());
    }

    /** The fingerprint of an X.509-encoded public key, e.g. {@code 3f2a-91c0-...}. */
    static String fingerprint(byte[] publicKey) {
        try {
            byte[] sha = MessageDigest.getInstance("SHA-256").digest(publicKey);
            String hex = HexFormat.of().formatHex(sha, 0, 16);
            StringBuilder b = new StringBuilder();
            for (int i = 0; i < hex.length(); i += 4) {
                b.append(i == 0 ? "" : "-").append(hex, i, i + 4);
            }
            return b.toString();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Every Java runtime has SHA-256", e);
        }
    }

    /** Whether {@code signature} is a valid Ed25519 signature of {@code data} under {@code publicKey}. */
    static boolean verify(byte[] publicKey, byte[] data, byte[] signature) {
        try {
            PublicKey key = KeyFactory.getInstance("Ed25519").generatePublic(new X509EncodedKeySpec(publicKey));
            Signature verifier = Signature.getInstance("Ed25519");
            verifier.initVerify(key);
            verifier.update(data);
            return verifier.verify(signature);
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            return false;
        }
    }
}
