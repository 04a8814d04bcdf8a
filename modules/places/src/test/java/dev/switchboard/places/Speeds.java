package dev.switchboard.places;

/** The control room's unit speeds (km/h on arterials), for routing tests without the city module. */
final class Speeds {

    static final TravelSpeed POLICE = () -> 50;
    static final TravelSpeed SWAT = () -> 45;
    static final TravelSpeed AMBULANCE = () -> 45;
    static final TravelSpeed FIRE = () -> 40;

    private Speeds() {
    }
}
