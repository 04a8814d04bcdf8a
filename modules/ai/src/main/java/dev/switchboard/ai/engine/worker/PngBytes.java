package dev.switchboard.ai.engine.worker;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import javax.imageio.ImageIO;

/** Decoding the images workers send and fingerprinting the files kept. */
final class PngBytes {

    private static final byte[] SIGNATURE = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'};

    private PngBytes() {
    }

    static boolean isPng(byte[] bytes) {
        return bytes.length >= SIGNATURE.length && Arrays.equals(bytes, 0, SIGNATURE.length, SIGNATURE, 0,
                SIGNATURE.length);
    }

    /** Decodes base64, with or without a {@code data:image/...;base64,} prefix, into PNG bytes. */
    static byte[] fromBase64(String text, String what) throws WorkerFailure {
        String b64 = text.strip();
        int comma = b64.indexOf(',');
        if (b64.startsWith("data:") && comma > 0) {
            b64 = b64.substring(comma + 1);
        }
        byte[] bytes;
        try {
            bytes = Base64.getMimeDecoder().decode(b64);
        } catch (IllegalArgumentException e) {
            throw WorkerFailure.malformed(what + " sent an image that is not base64");
        }
        return toPng(bytes, what);
    }

    /** The bytes as they are when already PNG; otherwise re-encoded (a worker set to save JPEG, say). */
    static byte[] toPng(byte[] bytes, String what) throws WorkerFailure {
        if (isPng(bytes)) {
            return bytes;
        }
        try {
            BufferedImage image = ImageIO.read(new ByteArrayInputStream(bytes));
            if (image == null) {
                throw WorkerFailure.malformed(what + " sent " + bytes.length + " bytes that are not an image");
            }
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            ImageIO.write(image, "png", out);
            return out.toByteArray();
        } catch (IOException e) {
            throw WorkerFailure.malformed(what + " sent an unreadable image (" + e.getMessage() + ")");
        }
    }

    static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this Java runtime", e);
        }
    }
}
