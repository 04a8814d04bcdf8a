package dev.switchboard.ai;

import java.util.Arrays;
import java.util.Objects;

/**
 * A finished image and where it came from: online, provider = the worker's name, model = the model the
 * worker reported (or its API flavour when it reports none), latency = the successful attempt's duration.
 *
 * @param png the PNG file's bytes
 */
public record ImageResult(byte[] png, Provenance provenance) {

    public ImageResult {
        Objects.requireNonNull(png, "png");
        Objects.requireNonNull(provenance, "provenance");
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ImageResult r && Arrays.equals(png, r.png) && provenance.equals(r.provenance);
    }

    @Override
    public int hashCode() {
        return 31 * Arrays.hashCode(png) + provenance.hashCode();
    }

    @Override
    public String toString() {
        return "ImageResult[" + png.length + " bytes, " + provenance.label() + "]";
    }
}
