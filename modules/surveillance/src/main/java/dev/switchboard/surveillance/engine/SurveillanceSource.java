package dev.switchboard.surveillance.engine;

/**
 * How a workspace reaches the one {@link Surveillance} the composition root builds: on first use, because opening
 * it may rebuild the search index. Call off the FX thread.
 */
@FunctionalInterface
public interface SurveillanceSource {

    Surveillance get();
}
