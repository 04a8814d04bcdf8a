package dev.switchboard.store.integrity;

import dev.switchboard.core.error.SwitchboardException;
import dev.switchboard.core.io.PrivateFiles;
import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.Signature;
import java.security.spec.PKCS8EncodedKeySpec;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The installation's checkpoint key as two files in the data dir's {@code keys/} folder (0700): the private key
 * {@code checkpoint-ed25519.key} (PKCS#8, 0600) and the public key {@code checkpoint-ed25519.pub} (X.509). Made on
 * first use. Backups do not carry the private key; the checkpoints in them carry the public key.
 */
public final class FileCheckpointKey implements CheckpointKey {

    static final String PRIVATE = "checkpoint-ed25519.key";
    static final String PUBLIC = "checkpoint-ed25519.pub";
    private static final Logger LOG = LoggerFactory.getLogger(FileCheckpointKey.class);

    private final PrivateKey privateKey;
    private final byte[] publicKey;

    private FileCheckpointKey(PrivateKey privateKey, byte[] publicKey) {
        this.privateKey = privateKey;
        this.publicKey = publicKey.clone();
    }

    /** The key in {@code folder}, made there (with private modes) when there is none. */
    public static FileCheckpointKey loadOrCreate(Path folder) {
        Path priv = folder.resolve(PRIVATE);
        Path pub = folder.resolve(PUBLIC);
        try {
            if (!Files.exists(priv)) {
                create(folder, priv, pub);
            }
            byte[] pk8 = Files.readAllBytes(priv);
            PrivateKey key = KeyFactory.getInstance("Ed25519").generatePrivate(new PKCS8EncodedKeySpec(pk8));
            return new FileCheckpointKey(key, Files.readAllBytes(pub));
        } catch (IOException | GeneralSecurityException e) {
            throw new SwitchboardException("Cannot use the checkpoint key in " + folder + ": " + e.getMessage(),
                    "Check the folder's permissions. If the key was deleted, new checkpoints are signed with a new "
                            + "key and 'switchboard log verify' says from where.", e);
        }
    }

    private static void create(Path folder, Path priv, Path pub) throws IOException, GeneralSecurityException {
        PrivateFiles.createFolders(folder);
        KeyPair pair = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
        String stamp = ProcessHandle.current().pid() + "." + System.nanoTime();
        Path privTmp = folder.resolve(PRIVATE + "." + stamp);
        Path pubTmp = folder.resolve(PUBLIC + "." + stamp);
        PrivateFiles.createFile(privTmp);
        Files.write(privTmp, pair.getPrivate().getEncoded());
        PrivateFiles.createFile(pubTmp);
        Files.write(pubTmp, pair.getPublic().getEncoded());
        try {
            // The public half first: a private key is only ever seen with its public key beside it.
            Files.move(pubTmp, pub);
            Files.move(privTmp, priv);
            LOG.info("Made the checkpoint signing key {} (fingerprint {})", priv,
                    CheckpointKey.fingerprint(pair.getPublic().getEncoded()));
        } catch (FileAlreadyExistsException raced) {
            // Another process made it at the same time; use theirs.
            Files.deleteIfExists(privTmp);
            Files.deleteIfExists(pubTmp);
            for (int i = 0; i < 50 && !Files.exists(priv); i++) {
                sleep();
            }
        }
    }

    private static void sleep() {
        try {
            Thread.sleep(20);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public byte[] publicKey() {
        return publicKey.clone();
    }

    @Override
    public byte[] sign(byte[] data) {
        try {
            Signature signer = Signature.getInstance("Ed25519");
            signer.initSign(privateKey);
            signer.update(data);
            return signer.sign();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Ed25519 signing failed", e);
        }
    }
}
