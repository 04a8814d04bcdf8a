package dev.switchboard.places;

/**
 * How fast something drives on the road network: its average speed on an arterial road. Other road classes
 * scale it by their {@link RoadClass#speedFactor()}. The control room's unit types implement it.
 */
@FunctionalInterface
public interface TravelSpeed {

    /** Average speed on an arterial road, km/h; positive. */
    double speedKmh();

    /** {@link #speedKmh()} in metres per second. */
    default double metersPerSecond() {
        return speedKmh() / 3.6;
    }
}
