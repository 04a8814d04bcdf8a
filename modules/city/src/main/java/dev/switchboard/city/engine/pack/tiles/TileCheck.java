package dev.switchboard.city.engine.pack.tiles;

import java.util.Optional;

/**
 * Whether the bytes of a raster tile are a tile the map can draw: PNG or JPEG by signature, at most
 * {@value #MAX_BYTES} bytes, and at most {@value #MAX_SIDE} pixels a side by the image's own header (read without
 * decoding, so a 20000×20000 "tile" costs nothing to refuse). Checked at import and again when a tile is read.
 */
public final class TileCheck {

    /** The largest tile accepted; real 256 and 512 px tiles are 5-200 KB. */
    public static final int MAX_BYTES = 1024 * 1024;
    /** The widest or tallest tile accepted, in pixels. */
    public static final int MAX_SIDE = 1024;

    private TileCheck() {
    }

    /** What is wrong with the tile, in a few words (the same words for the same fault, so they can be counted). */
    public static Optional<String> problem(byte[] data) {
        if (data == null || data.length == 0) {
            return Optional.of("empty");
        }
        if (data.length > MAX_BYTES) {
            return Optional.of("larger than " + MAX_BYTES / 1024 + " KB");
        }
        int[] size;
        if (isPng(data)) {
            size = pngSize(data);
        } else if (isJpeg(data)) {
            size = jpegSize(data);
        } else {
            return Optional.of("not a PNG or JPEG image");
        }
        if (size == null) {
            return Optional.of("image header cut off or damaged");
        }
        if (size[0] < 1 || size[1] < 1 || size[0] > MAX_SIDE || size[1] > MAX_SIDE) {
            return Optional.of("wider or taller than " + MAX_SIDE + " px");
        }
        return Optional.empty();
    }

    static boolean isPng(byte[] d) {
        return d.length > 8 && (d[0] & 0xff) == 0x89 && d[1] == 'P' && d[2] == 'N' && d[3] == 'G';
    }

    static boolean isJpeg(byte[] d) {
        return d.length > 3 && (d[0] & 0xff) == 0xff && (d[1] & 0xff) == 0xd8 && (d[2] & 0xff) == 0xff;
    }

    /** Width and height from the IHDR chunk, which a PNG must start with. */
    private static int[] pngSize(byte[] d) {
        if (d.length < 24 || d[12] != 'I' || d[13] != 'H' || d[14] != 'D' || d[15] != 'R') {
            return null;
        }
        return new int[] {int32(d, 16), int32(d, 20)};
    }

    /** Width and height from the first start-of-frame marker. */
    private static int[] jpegSize(byte[] d) {
        int p = 2;
        while (p + 4 <= d.length) {
            if ((d[p] & 0xff) != 0xff) {
                return null;
            }
            int marker = d[p + 1] & 0xff;
            if (marker == 0xff) {
                p++;
                continue;
            }
            int length = ((d[p + 2] & 0xff) << 8) | (d[p + 3] & 0xff);
            boolean startOfFrame = marker >= 0xc0 && marker <= 0xcf && marker != 0xc4 && marker != 0xc8
                    && marker != 0xcc;
            if (startOfFrame) {
                if (p + 9 > d.length) {
                    return null;
                }
                int height = ((d[p + 5] & 0xff) << 8) | (d[p + 6] & 0xff);
                int width = ((d[p + 7] & 0xff) << 8) | (d[p + 8] & 0xff);
                return new int[] {width, height};
            }
            if (length < 2) {
                return null;
            }
            p += 2 + length;
        }
        return null;
    }

    private static int int32(byte[] d, int at) {
        return ((d[at] & 0xff) << 24) | ((d[at + 1] & 0xff) << 16) | ((d[at + 2] & 0xff) << 8) | (d[at + 3] & 0xff);
    }
}
