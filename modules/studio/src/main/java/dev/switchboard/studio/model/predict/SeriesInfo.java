package dev.switchboard.studio.model.predict;

/**
 * A market series kept in the store or bundled with the program, as listed.
 *
 * @param id    the store's id, or a {@code bundled:} name for the bundled series
 * @param first the first bar's start, epoch seconds
 * @param last  the last bar's start, epoch seconds
 */
public record SeriesInfo(String id, String symbol, String bar, int bars, long first, long last, String source,
                         boolean bundled) {
}
